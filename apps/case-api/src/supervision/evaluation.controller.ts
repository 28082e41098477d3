import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@zhifa/config';
import { certificateLookup, EVALUATION_CHECKS, evaluateCase, localMidnight, parseDay, readScope, supervisionAccess, type ActorSnapshot, type CaseEvaluation, type CaseState } from '@zhifa/domain';
import { CaseEventStore, CaseReadRepository, CertificateAdminRepository, type CaseEntity } from '@zhifa/persistence';
import { RecordedPackageVerifier } from '../archive/recorded-package.service';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { CaseDirectoryService } from '../cases/case-directory.service';
import { DeadlineClock } from '../cases/deadline-clock.service';
import { badRequest, fieldProblem, ProblemException } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { CaseEvaluationView, EvaluationBatchQuery, EvaluationBatchView, type EvaluationRowView } from './evaluation.views';

/** Cases one batch evaluates at most: a year of a county agency's files. */
const BATCH_LIMIT = 5000;

/** 案卷评查: the documented checklist (docs/supervision.md) over one case's chain, or over a period's cases. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
export class SupervisionEvaluationController {
  constructor(
    private readonly actors: ActorService,
    private readonly cases: CaseReadRepository,
    private readonly directory: CaseDirectoryService,
    private readonly events: CaseEventStore,
    private readonly certificates: CertificateAdminRepository,
    private readonly clock: DeadlineClock,
    private readonly packages: RecordedPackageVerifier,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  @Get('cases/:id/evaluation')
  @ApiOperation({
    summary: "Evaluate one case file (案卷评查): each check passes, fails or does not apply, with the event it rests on and its legal source; a score and a grade (SUPERVISOR)", description: 'The documented checklist (docs/supervision.md) run over the case\'s hash-chained events: each check with its result and the events it rests on, and the file\'s score and grade.',
  })
  @ApiOkResponse({ type: CaseEvaluationView })
  @ApiProblems(AUTHENTICATED, { 403: 'SUPERVISION.SUPERVISOR_ONLY: only a supervisor evaluates case files', 404: 'CASE.NOT_FOUND: no such case in your agency' })
  async one(@Principal() principal: TokenClaims, @Param('id') id: string): Promise<CaseEvaluationView> {
    const actor = await this.supervisor(principal);
    const row = await this.directory.caseRow(id);
    this.directory.assertCanRead(row, actor);
    return { ...(await this.evaluate(row)), evaluatedAt: this.clock.now() };
  }

  @Get('evaluations')
  @ApiOperation({
    summary: "Evaluate every case file registered in a period in the supervisor's agency, for the annual report: score, grade and failed checks per case, with totals; CSV on request (SUPERVISOR)", description: 'The same checklist over every case of the period, for the annual file review (案卷评查): each file\'s score, grade and failed checks. Also as CSV with `format=csv`.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: EvaluationBatchView })
  @ApiProblems(AUTHENTICATED, { 400: true, 403: 'SUPERVISION.SUPERVISOR_ONLY: only a supervisor evaluates case files' })
  async batch(@Principal() principal: TokenClaims, @Query() q: EvaluationBatchQuery, @Res({ passthrough: true }) res: Response): Promise<EvaluationBatchView | string> {
    const actor = await this.supervisor(principal);
    if (q.to < q.from) {
      throw badRequest([fieldProblem('to', { en: `must not precede from (${q.from})`, zh: `截止日期不得早于起始日期（${q.from}）` })]);
    }
    const tz = this.cfg.timeZone;
    const from = new Date(localMidnight(parseDay(q.from), tz)).toISOString();
    const to = new Date(localMidnight(parseDay(q.to) + 1, tz)).toISOString();
    const rows = await this.cases.registeredBetween(readScope(actor), from, to, BATCH_LIMIT);
    const items: EvaluationRowView[] = [];
    for (const row of rows) {
      const ev = await this.evaluate(row);
      items.push({ caseId: ev.caseId, caseNumber: ev.caseNumber, status: ev.status, score: ev.score, grade: ev.grade, failedChecks: ev.checks.filter((c) => c.result === 'FAIL').map((c) => c.id) });
    }
    const grades: Record<string, number> = { EXCELLENT: 0, PASS: 0, FAIL: 0 };
    const failuresByCheck: Record<string, number> = {};
    for (const i of items) {
      grades[i.grade] += 1;
      for (const c of i.failedChecks) failuresByCheck[c] = (failuresByCheck[c] ?? 0) + 1;
    }
    const view: EvaluationBatchView = {
      checklist: EVALUATION_CHECKS.map((c) => ({ id: c.id, title: { ...c.title }, source: c.source })),
      from: q.from,
      to: q.to,
      items,
      cases: items.length,
      averageScore: items.length ? Math.floor(items.reduce((a, i) => a + i.score, 0) / items.length) : 0,
      grades,
      failuresByCheck,
    };
    if (q.format !== 'csv') return view;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="evaluations-${q.from}-${q.to}.csv"`);
    return csv(items);
  }

  private async supervisor(principal: TokenClaims): Promise<ActorSnapshot> {
    const actor = await this.actors.caller(principal);
    const access = supervisionAccess(actor);
    if (!access.ok) throw new ProblemException(403, 'SUPERVISION.SUPERVISOR_ONLY', access.reason);
    return actor;
  }

  private async evaluate(row: CaseEntity): Promise<CaseEvaluation> {
    const state = row.state as unknown as CaseState;
    const stored = await this.events.timeline(row.id);
    const numbers = new Set<string>();
    for (const e of state.evidence) for (const o of [...e.collectors, ...(e.confirmedBy ?? [])]) numbers.add(o.certificateNumber);
    // Validity on the day of collection, from each certificate's dated status history.
    const certificates = certificateLookup(await this.certificates.recordsByNumber([...numbers]));
    const { timeZone } = await this.clock.of(row.policyVersion);
    // The archive package as it is on disk now, verified (signature, files, chain, the recorded hash).
    const verified = await this.packages.verify(row.id, state);
    return evaluateCase({
      state,
      events: stored.map((e) => ({ seq: e.seq, type: e.type, at: e.occurredAt, payload: e.payload as Record<string, unknown> })),
      timeZone,
      certificates,
      ...(verified ? { archive: { valid: verified.valid, problems: verified.problems.map((p) => `${p.code}${p.path ? ` ${p.path}` : ''}`) } } : {}),
    });
  }
}

/** RFC 4180: fields quoted when they hold a comma, quote or line break; a BOM so spreadsheet programs read UTF-8. */
function csv(items: EvaluationRowView[]): string {
  const quote = (v: string | number): string => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const lines = [['case_number', 'status', 'score', 'grade', 'failed_checks'].join(',')];
  for (const i of items) lines.push([i.caseNumber, i.status, i.score, i.grade, i.failedChecks.join(';')].map(quote).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
