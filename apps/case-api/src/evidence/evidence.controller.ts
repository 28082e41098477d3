import { randomUUID } from 'node:crypto';
import { Get, Headers, Inject, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import type { CaseState, EvidenceItem } from '@zhifa/domain';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { ACCESS_REASON_HEADER, accessReason, PersonalDataReads } from '../common/access-reason';
import { badRequest, fieldProblem, ProblemException } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { ApiRequestBodyContent } from '../common/request-body.openapi';
import { flattenValidationErrors } from '../common/validation';
import { unstorableField, unstorableTextProblem } from '../common/storable-text';
import { CaseCommandRunner, CommandCall, type CaseCall } from '../cases/case-command-runner.service';
import { CaseCommandController, CommandRoute } from '../commands/command-route.decorator';
import { iso } from '../commands/dto-rules';
import { CaseDirectoryService } from '../cases/case-directory.service';
import { EvidenceHashMismatchError, EvidenceMissingError, EvidenceStore, StoredFile } from './evidence.store';
import { readMultipartEvidence } from './multipart';
import { EvidenceItemView, EvidenceListView, EvidenceRecordedResponse } from './evidence.views';
import { RecordEvidenceDto, RecordEvidenceUploadDto } from './record-evidence.dto';
import { discretionBases } from '../commands/investigation/investigation-report.dto';
import { priorPenalties } from '../commands/suspected-crime/suspected-crime.dto';

/** 调查取证 (RECORD_EVIDENCE, JSON or multipart) and the reads of a case's evidence. */
@CaseCommandController('evidence')
export class EvidenceController {
  constructor(
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    private readonly store: EvidenceStore,
    private readonly runner: CaseCommandRunner,
    private readonly actors: ActorService,
    private readonly directory: CaseDirectoryService,
    private readonly reads: PersonalDataReads,
  ) {}

  /**
   * 调查取证: one evidence item, either JSON with `text`, or multipart with
   * the same fields and a `file` part (streamed to disk and hashed).
   */
  @CommandRoute('RECORD_EVIDENCE', '调查取证: one evidence item, JSON with text or multipart with a file', {
    created: true,
    response: EvidenceRecordedResponse,
  })
  @ApiRequestBodyContent(
    { 'application/json': RecordEvidenceDto, 'multipart/form-data': RecordEvidenceUploadDto },
    'JSON with `text`, or multipart with the same fields and one binary part named `file`',
  )
  @ApiProblems({ 408: 'REQUEST.TIMEOUT: a multipart upload idle for UPLOAD_IDLE_TIMEOUT_MS', 413: 'EVIDENCE.TOO_LARGE, REQUEST.TOO_LARGE (a form field over 100,000 bytes, more than 30 fields)' })
  async record(@CommandCall() call: CaseCall): Promise<EvidenceRecordedResponse> {
    // Refuse unknown or foreign cases before accepting any bytes.
    const access = await this.runner.access(call);
    const { dto, file, fields } = await this.evidenceRequest(call.req);
    const evidenceId = randomUUID();
    return this.runner.run(
      call,
      { ...fields, sha256: file.sha256 },
      async (people) => ({
        type: 'RECORD_EVIDENCE',
        evidenceId,
        kind: dto.kind,
        title: dto.title,
        collectedAt: iso(dto.collectedAt),
        collectors: await people.named(dto.collectedByIds, 'collectedByIds'),
        location: dto.location,
        sha256: file.sha256,
        sizeBytes: file.sizeBytes,
        ...(file.mediaType ? { mediaType: file.mediaType } : {}),
        ...(dto.text !== undefined ? { text: dto.text } : {}),
        ...(dto.source ? { source: dto.source } : {}),
        ...(dto.origin !== undefined ? { origin: dto.origin } : {}),
        ...(dto.changesFacts !== undefined ? { changesFacts: dto.changesFacts } : {}),
        ...(dto.credentialsShown !== undefined ? { credentialsShown: dto.credentialsShown } : {}),
        ...(dto.rightsExplained !== undefined ? { rightsExplained: dto.rightsExplained } : {}),
        ...(dto.amounts !== undefined ? { amounts: discretionBases(dto.amounts) } : {}),
        ...(dto.priorPenalties !== undefined ? { priorPenalties: priorPenalties(dto.priorPenalties) } : {}),
      }),
      { access, extra: () => ({ evidenceId, sha256: file.sha256, sizeBytes: file.sizeBytes }) },
    );
  }

  /** The request's fields, validated, and its file (multipart) or its text stored as one. */
  private async evidenceRequest(req: Request): Promise<{ dto: RecordEvidenceDto; file: StoredFile & { mediaType?: string }; fields: Record<string, unknown> }> {
    let fields: Record<string, unknown>;
    let file: (StoredFile & { mediaType?: string }) | undefined;
    if (req.is('multipart/form-data')) {
      const parsed = await readMultipartEvidence(req, this.store, { maxBytes: this.cfg.evidenceMaxBytes, idleMs: this.cfg.uploadIdleTimeoutMs });
      fields = { ...parsed.fields, collectedByIds: splitIds(parsed.fields.collectedByIds) };
      // Form fields are text: the flags arrive as "true" / "false" (anything else stays text and is refused).
      for (const flag of ['changesFacts', 'credentialsShown', 'rightsExplained']) {
        if (fields[flag] === 'true' || fields[flag] === 'false') fields[flag] = fields[flag] === 'true';
      }
      file = parsed.file;
      const unstorable = unstorableField({ ...parsed.fields, mediaType: file?.mediaType });
      if (unstorable !== undefined) throw unstorableTextProblem(unstorable);
      if (!file) {
        throw badRequest([fieldProblem('file', { en: 'a multipart request must carry the evidence in a part named "file"', zh: 'multipart 请求须在名为“file”的部分中携带证据文件' })]);
      }
      if (fields.text !== undefined) throw badRequest([fieldProblem('text', { en: 'send either a file or text, not both', zh: '文件和文本只能提交其一' })]);
    } else {
      fields = (req.body ?? {}) as Record<string, unknown>;
    }

    const dto = plainToInstance(RecordEvidenceDto, fields);
    const problems = flattenValidationErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
    if (!file && dto.text === undefined) problems.push(fieldProblem('text', { en: 'text is required unless a file is uploaded', zh: '未上传文件时，text 为必填项' }));
    if (problems.length) throw badRequest(problems);
    if (!file) file = { ...(await this.store.put(Readable.from([Buffer.from(dto.text!, 'utf8')]))), mediaType: 'text/plain; charset=utf-8' };
    return { dto, file, fields };
  }

  @Get(':id/evidence')
  @ApiOperation({ summary: 'The evidence items of a case with their hashes and custody', description: 'Each item\'s metadata with its file\'s sha256 and its chain of custody. The files themselves are read one by one from the content route, with a stated reason.' })
  @ApiOkResponse({ type: EvidenceListView })
  @ApiProblems(AUTHENTICATED, { 403: 'CASE.NOT_ASSIGNED', 404: 'CASE.NOT_FOUND' })
  async list(@Principal() principal: TokenClaims, @Param('id') caseId: string): Promise<EvidenceListView> {
    return { items: (await this.caseState(principal, caseId)).evidence };
  }

  /** Metadata of one item, with its custody chain. */
  @Get(':id/evidence/:evidenceId')
  @ApiOperation({ summary: 'One evidence item with its chain of custody', description: 'The item\'s metadata and every custody entry in order: who handled it, how and when.' })
  @ApiOkResponse({ type: EvidenceItemView })
  @ApiProblems(AUTHENTICATED, { 403: 'CASE.NOT_ASSIGNED', 404: 'CASE.NOT_FOUND, EVIDENCE.ITEM_NOT_FOUND' })
  async get(@Principal() principal: TokenClaims, @Param('id') caseId: string, @Param('evidenceId') evidenceId: string): Promise<EvidenceItemView> {
    return this.item(await this.caseState(principal, caseId), evidenceId);
  }

  /** The file itself, re-hashed on every read; a mismatch is an error, never served. */
  @Get(':id/evidence/:evidenceId/content')
  @ApiOperation({
    summary: "The stored file, re-hashed before and while it is sent (409 on a mismatch); evidence may carry the party's full personal information (a 询问笔录, an ID card copy), so the read is for a stated reason and logged", description: 'The file is re-hashed on every read; a file whose sha256 no longer matches the recorded one is answered 409 and never served. Requires `X-Access-Reason` (the read is logged with the reason, PIPL).',
  })
  @ApiHeader(ACCESS_REASON_HEADER)
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: "The file, as the item's mediaType (application/octet-stream when it has none); X-Content-SHA256 carries its hash",
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    headers: { 'X-Content-SHA256': { description: 'The recorded sha256 of the file', schema: { type: 'string' } } },
  })
  @ApiProblems(AUTHENTICATED, {
    400: 'VALIDATION.FAILED: no X-Access-Reason',
    403: 'CASE.NOT_ASSIGNED',
    404: 'CASE.NOT_FOUND, EVIDENCE.ITEM_NOT_FOUND',
    409: 'EVIDENCE.HASH_MISMATCH, EVIDENCE.FILE_MISSING: the file is not served',
  })
  async content(
    @Principal() principal: TokenClaims,
    @Param('id') caseId: string,
    @Param('evidenceId') evidenceId: string,
    @Headers('x-access-reason') header: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const row = await this.directory.caseRow(caseId);
    const actor = await this.actors.caller(principal);
    this.directory.assertCanRead(row, actor);
    const item = this.item(row.state as unknown as CaseState, evidenceId);
    const reason = accessReason(header);
    try {
      const { stream, sizeBytes } = await this.store.open(item.sha256);
      await this.reads.record(row, actor, reason, 'EVIDENCE', item.evidenceId);
      res.setHeader('X-Content-SHA256', item.sha256);
      return new StreamableFile(stream, { type: item.mediaType ?? 'application/octet-stream', length: sizeBytes });
    } catch (err) {
      if (err instanceof EvidenceHashMismatchError || err instanceof EvidenceMissingError) {
        throw new ProblemException(409, err.code, {
          en: `Evidence ${evidenceId}: ${err.message}. The file is not served.`,
          zh: `证据${evidenceId}：${err.code === 'EVIDENCE.HASH_MISMATCH' ? '存储的文件与登记的校验值（sha256）不符，可能已被篡改' : '存储的文件缺失'}。不提供该文件。`,
        });
      }
      throw err;
    }
  }

  private async caseState(principal: TokenClaims, caseId: string): Promise<CaseState> {
    const row = await this.directory.caseRow(caseId);
    this.directory.assertCanRead(row, await this.actors.caller(principal));
    return row.state as unknown as CaseState;
  }

  private item(state: CaseState, evidenceId: string): EvidenceItem {
    const item = state.evidence.find((e) => e.evidenceId === evidenceId);
    if (!item) throw new ProblemException(404, 'EVIDENCE.ITEM_NOT_FOUND', { en: `No evidence ${evidenceId} in this case`, zh: `本案没有证据${evidenceId}` });
    return item;
  }
}

/** Multipart sends ids as repeated fields or one comma-separated field. */
function splitIds(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}
