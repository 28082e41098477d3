import { Controller, Get, Headers, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DOCUMENT_KINDS, ZH_DOCUMENT_KIND, type ActorSnapshot, type DocumentKind } from '@zhifa/domain';
import { DocumentRepository, EvidenceHashMismatchError, EvidenceMissingError, EvidenceStore, type CaseEntity, type DocumentRow } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { ACCESS_REASON_HEADER, accessReason, PersonalDataReads } from '../common/access-reason';
import { ProblemException } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { CaseDirectoryService } from './case-directory.service';

export class DocumentView {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: DOCUMENT_KINDS })
  kind!: DocumentKind;

  @ApiProperty({ type: String, example: '行政处罚决定书' })
  title!: string;

  @ApiProperty({ type: String, example: 'CZSJ立〔2026〕1号' })
  number!: string;

  @ApiProperty({ type: String, pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the PDF, as the case recorded it (DOCUMENT_ISSUED)' })
  sha256!: string;

  @ApiProperty({ type: Number, description: 'Size of the PDF in bytes' })
  sizeBytes!: number;

  @ApiProperty({ type: String, example: 'CZSJ-2026-000001-2-立案审批表.pdf' })
  fileName!: string;

  @ApiProperty({ type: Number, description: 'The event the document was issued on' })
  sourceSeq!: number;

  @ApiProperty({ type: String, format: 'date-time', description: 'When that event happened' })
  issuedAt!: string;
}

export class DocumentListView {
  @ApiProperty({ type: [DocumentView] })
  items!: DocumentView[];
}

function view(d: DocumentRow): DocumentView {
  const kind = d.kind as DocumentKind;
  const title = d.title ?? ZH_DOCUMENT_KIND[kind];
  return { id: d.id, kind, title, number: d.number, sha256: d.sha256!, sizeBytes: d.bytes!, fileName: d.fileName!, sourceSeq: d.sourceSeq, issuedAt: d.issuedAt };
}

/** The official documents (文书) a case issued, as PDFs kept beside the evidence by their sha256. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class DocumentsController {
  constructor(
    private readonly actors: ActorService,
    private readonly directory: CaseDirectoryService,
    private readonly documents: DocumentRepository,
    private readonly store: EvidenceStore,
    private readonly reads: PersonalDataReads,
  ) {}

  @Get(':id/documents')
  @ApiOperation({ summary: 'The documents the case issued (立案审批表, 告知书, 决定书, 送达回证…), in the order of the events that issued them', description: 'The official documents (文书) rendered from the case\'s events, each with its number, kind, the event that issued it and the sha256 of its PDF.' })
  @ApiOkResponse({ type: DocumentListView })
  @ApiProblems(AUTHENTICATED, { 403: 'CASE.NOT_ASSIGNED', 404: 'CASE.NOT_FOUND' })
  async list(@Principal() principal: TokenClaims, @Param('id') caseId: string): Promise<DocumentListView> {
    await this.readable(principal, caseId);
    return { items: (await this.documents.forCase(caseId)).map(view) };
  }

  @Get(':id/documents/:documentId')
  @ApiOperation({
    summary: "One document as its PDF, re-hashed before and while it is sent (409 on a mismatch); it carries the party's full personal information, so the read is for a stated reason and logged", description: 'Sends the stored PDF only if its sha256 still matches the recorded one; a mismatch is answered 409 and never served. Requires `X-Access-Reason` (the read is logged with the reason, PIPL).',
  })
  @ApiHeader(ACCESS_REASON_HEADER)
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The PDF; X-Content-SHA256 carries its recorded hash',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
    headers: { 'X-Content-SHA256': { description: 'The recorded sha256 of the file', schema: { type: 'string' } } },
  })
  @ApiProblems(AUTHENTICATED, {
    400: 'VALIDATION.FAILED: no X-Access-Reason',
    403: 'CASE.NOT_ASSIGNED',
    404: 'CASE.NOT_FOUND, DOCUMENT.NOT_FOUND',
    409: 'DOCUMENT.HASH_MISMATCH, DOCUMENT.FILE_MISSING: the file is not served',
  })
  async download(
    @Principal() principal: TokenClaims,
    @Param('id') caseId: string,
    @Param('documentId') documentId: string,
    @Headers('x-access-reason') header: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { row, actor } = await this.readable(principal, caseId);
    const doc = await this.documents.byId(caseId, documentId);
    if (!doc) throw new ProblemException(404, 'DOCUMENT.NOT_FOUND', { en: `No document ${documentId} in this case`, zh: `本案没有文书${documentId}` });
    const reason = accessReason(header);
    try {
      const { stream, sizeBytes } = await this.store.open(doc.sha256!);
      await this.reads.record(row, actor, reason, 'DOCUMENT', doc.number);
      res.setHeader('X-Content-SHA256', doc.sha256!);
      res.setHeader('Content-Disposition', `attachment; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(doc.fileName!)}`);
      return new StreamableFile(stream, { type: 'application/pdf', length: sizeBytes });
    } catch (err) {
      if (err instanceof EvidenceHashMismatchError || err instanceof EvidenceMissingError) {
        const code = err instanceof EvidenceHashMismatchError ? 'DOCUMENT.HASH_MISMATCH' : 'DOCUMENT.FILE_MISSING';
        throw new ProblemException(409, code, {
          en: `Document ${doc.number}: ${err.message}. The file is not served.`,
          zh: `文书${doc.number}：${code === 'DOCUMENT.HASH_MISMATCH' ? '存储的文件与登记的校验值（sha256）不符，可能已被篡改' : '存储的文件缺失'}。不提供该文件。`,
        });
      }
      throw err;
    }
  }

  private async readable(principal: TokenClaims, caseId: string): Promise<{ row: CaseEntity; actor: ActorSnapshot }> {
    const row = await this.directory.caseRow(caseId);
    const actor = await this.actors.caller(principal);
    this.directory.assertCanRead(row, actor);
    return { row, actor };
  }
}
