import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { noTransferDecisions, policeAddressee, readScope, supervisionAccess, TRANSFER_STAGES, transferWatch, type CaseState, type TransferWatch } from '@zhifa/domain';
import { CaseReadRepository, type CaseEntity } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { DeadlineClock } from '../cases/deadline-clock.service';
import { ProblemException } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { TransferWatchItemView, TransferWatchListView, TransferWatchQuery, type NoTransferDecisionView, type TransferStageCountView } from './transfers.views';

interface Entry {
  row: CaseEntity;
  w: TransferWatch;
}

/** 两法衔接监督: every criminal transfer in the supervisor's scope, with its stage and R310 limits. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
export class SupervisionTransfersController {
  constructor(
    private readonly actors: ActorService,
    private readonly cases: CaseReadRepository,
    private readonly clock: DeadlineClock,
  ) {}

  @Get('transfers')
  @ApiOperation({
    summary: 'Every criminal transfer with its stage, the R310 limits met, missed or running, the head\'s reasoned refusals, and the heads\' reasoned decisions not to transfer a flagged case (SUPERVISOR)',
    description:
      "Scoped as the supervisor reads cases (their agency). Lateness counts the agency's and the police's duties; the agency's own 3-day request windows (reconsideration, supervision) are rights, and a lapsed one is no one's lateness.",
  })
  @ApiOkResponse({ type: TransferWatchListView })
  @ApiProblems(AUTHENTICATED, { 400: true, 403: 'SUPERVISION.SUPERVISOR_ONLY: only a supervisor reads supervision views' })
  async transfers(@Principal() principal: TokenClaims, @Query() q: TransferWatchQuery): Promise<TransferWatchListView> {
    const actor = await this.actors.caller(principal);
    const access = supervisionAccess(actor);
    if (!access.ok) throw new ProblemException(403, 'SUPERVISION.SUPERVISOR_ONLY', access.reason);

    const now = this.clock.now();
    const all: Entry[] = [];
    for (const row of await this.cases.withTransfer(readScope(actor))) {
      const w = transferWatch(row.state as unknown as CaseState, await this.clock.of(row.policyVersion, now));
      if (w) all.push({ row, w });
    }
    const refusals: NoTransferDecisionView[] = [];
    for (const row of await this.cases.withNoTransferDecision(readScope(actor))) refusals.push(...noTransferViews(row));
    refusals.sort((x, y) => y.decidedAt.localeCompare(x.decidedAt));
    const chosen = all.filter((e) => (q.stage === undefined || e.w.stage === q.stage) && (q.late === undefined || e.w.late === (q.late === 'true')));
    return {
      items: chosen.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map(item),
      total: chosen.length,
      page: q.page,
      pageSize: q.pageSize,
      asOf: now,
      counts: counts(all),
      noTransferDecisions: refusals,
    };
  }
}

function item({ row, w }: Entry): TransferWatchItemView {
  const t = w.transfer;
  const party = row.party as unknown as { type: string; name: string };
  const view: TransferWatchItemView = {
    caseId: row.id,
    caseNumber: row.caseNumber,
    status: row.status,
    party: { type: party.type, name: party.name },
    violationCode: row.violationCode,
    stage: w.stage,
    proposedAt: t.proposedAt,
    grounds: t.grounds,
    limits: w.limits,
    late: w.late,
  };
  if (t.outcome) view.outcome = t.outcome;
  if (t.thresholdFacts !== undefined) view.thresholdFacts = t.thresholdFacts;
  if (t.approval) view.headDecision = { ...t.approval };
  if (t.dispatch) {
    view.police = { policeAgency: t.dispatch.policeAgency, procuratorate: t.dispatch.procuratorate, sentAt: t.dispatch.sentAt };
    if (t.receivedAt) view.police.receivedAt = t.receivedAt;
    const now = policeAddressee(row.state as unknown as CaseState);
    if (now && now !== t.dispatch.policeAgency) view.police.forwardedTo = now;
    if (t.policeDecision) {
      view.police.accepted = t.policeDecision.accepted;
      view.police.decidedAt = t.policeDecision.at;
      if (t.policeDecision.reason !== undefined) view.police.reason = t.policeDecision.reason;
    }
    if (t.intakeReviewedAt) view.police.intakeReviewedAt = t.intakeReviewedAt;
  }
  const sv = t.supervision;
  if (sv) {
    view.supervision = { requestedAt: sv.requestedAt };
    if (sv.explanationRequest) view.supervision.explanationRequestedAt = sv.explanationRequest.at;
    if (sv.explanationRequest?.explanation) view.supervision.explainedAt = sv.explanationRequest.explanation.at;
    if (sv.resolution) Object.assign(view.supervision, { outcome: sv.resolution.outcome, resolvedAt: sv.resolution.at });
  }
  if (w.waitingFor) view.waitingFor = w.waitingFor;
  if (t.from) view.from = t.from;
  if (t.imposed) view.imposed = { penaltiesRunning: [...t.imposed.penaltiesRunning], paidForOffset: t.imposed.paidForOffset };
  return view;
}

function noTransferViews(row: CaseEntity): NoTransferDecisionView[] {
  const party = row.party as unknown as { type: string; name: string };
  return noTransferDecisions(row.state as unknown as CaseState).map((d) => {
    const view: NoTransferDecisionView = {
      caseId: row.id,
      caseNumber: row.caseNumber,
      status: row.status,
      party: { type: party.type, name: party.name },
      violationCode: row.violationCode,
      decidedAt: d.at,
      decidedBy: d.by.name,
      reasons: d.reasons,
    };
    if (d.suspicion) {
      view.raisedBy = d.suspicion.raisedBy;
      view.grounds = d.suspicion.grounds;
      if (d.suspicion.threshold !== undefined) view.threshold = d.suspicion.threshold;
      if (d.suspicion.thresholdsMet) view.thresholdsMet = d.suspicion.thresholdsMet.map((m) => ({ ...m }));
    }
    return view;
  });
}

function counts(entries: Entry[]): TransferStageCountView[] {
  return TRANSFER_STAGES.map((stage) => {
    const of = entries.filter((e) => e.w.stage === stage);
    return { stage, total: of.length, late: of.filter((e) => e.w.late).length };
  }).filter((c) => c.total > 0);
}
