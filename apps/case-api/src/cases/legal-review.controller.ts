import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { discretionScale, finePlacement, legalReviewRounds, rmbUpper, type CaseState, type JurisdictionPolicy, type RecordedCaseEvent } from '@zhifa/domain';
import { CaseEventStore, type CaseEntity } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { deadlineViews } from './case-view';
import { CaseDirectoryService } from './case-directory.service';
import { DeadlineClock, type CaseClock } from './deadline-clock.service';
import { LegalReviewView, type ProposalView } from './legal-review.views';

/**
 * GET /cases/{id}/legal-review: a read of its own rather than more fields on
 * every case view, because it needs what a case list must not pay for — the
 * case's recorded events (the state keeps only the current round) and its
 * pinned policy (the band's other levels).
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class LegalReviewController {
  constructor(
    private readonly actors: ActorService,
    private readonly directory: CaseDirectoryService,
    private readonly events: CaseEventStore,
    private readonly clock: DeadlineClock,
  ) {}

  @Get(':id/legal-review')
  @ApiOperation({
    summary: "The case's legal review (法制审核): why it is needed, the proposal and the benchmark band its fine falls in, the named reviewer and limit, every round",
    description: 'Readable by whoever may read the case. Rounds come from the recorded events, the rest from the read model.',
  })
  @ApiOkResponse({ type: LegalReviewView })
  @ApiProblems(AUTHENTICATED, { 403: 'CASE.NOT_ASSIGNED', 404: 'CASE.NOT_FOUND' })
  async legalReview(@Principal() principal: TokenClaims, @Param('id') id: string): Promise<LegalReviewView> {
    const actor = await this.actors.caller(principal);
    const row = await this.directory.caseRow(id);
    this.directory.assertCanRead(row, actor);
    const [policy, events] = await Promise.all([this.directory.publishedPolicy(row.policyVersion), this.events.timeline(id)]);
    return legalReviewView(row, policy, events, this.clock.under(policy));
  }
}

export function legalReviewView(row: CaseEntity, policy: JurisdictionPolicy | undefined, events: readonly RecordedCaseEvent[], clock: CaseClock): LegalReviewView {
  const s = row.state as unknown as CaseState;
  const grounds = s.reviewGrounds?.legalReview ?? [];
  const pending = s.status === 'LEGAL_REVIEW_PENDING';
  const view: LegalReviewView = {
    caseId: row.id,
    caseNumber: row.caseNumber,
    status: row.status,
    required: grounds.length > 0,
    grounds: [...grounds],
    pending,
    rounds: legalReviewRounds(events),
  };
  if (s.majorCase) view.majorCase = s.majorCase;
  if (pending && s.legalReview?.assignee) view.assignee = s.legalReview.assignee;
  const deadline = deadlineViews(row.deadlines, clock).find((d) => d.kind === 'legalReview');
  if (deadline) view.deadline = deadline;
  if (s.report) view.proposal = proposalView(s, policy);
  return view;
}

function proposalView(s: CaseState, policy: JurisdictionPolicy | undefined): ProposalView {
  const r = s.report!;
  const p: ProposalView = {
    findings: r.findings,
    proposedOutcome: r.proposedOutcome,
    legalBasis: r.legalBasis,
    circumstanceLevel: r.circumstanceLevel,
    discretionBases: r.discretionBases ?? [],
    assessment: [...r.assessment.reasons],
    submittedAt: r.submittedAt,
    submittedBy: r.submittedBy,
  };
  if (r.proposedPenalty) p.proposedPenalty = r.proposedPenalty;
  if (r.proposedPenalty?.fineAmount !== undefined) p.fineInCapitals = rmbUpper(r.proposedPenalty.fineAmount);
  if (r.discretionReasons !== undefined) p.discretionReasons = r.discretionReasons;
  if (r.discretion) {
    const fine = r.proposedPenalty?.fineAmount ?? 0;
    p.discretion = { finding: r.discretion, fineAmount: fine, placement: finePlacement(r.discretion, fine) };
    // The band's other levels, resolved from the pinned policy by the rule that judged the report; shown only if it names the same band.
    const scale = policy ? discretionScale(policy, s.violationCode, r.discretionBases) : undefined;
    if (scale && scale.band === r.discretion.band) {
      p.discretion.levels = scale.levels;
      if (scale.multipleOf) p.discretion.multipleOf = scale.multipleOf;
    }
  }
  return p;
}
