import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASE_STATUSES,
  CIRCUMSTANCE_LEVELS,
  DISCRETION_BASES,
  FINE_PLACEMENTS,
  LEGAL_REVIEW_OPINIONS,
  LEGAL_REVIEW_RETURNS,
  PENALTY_KINDS,
  PROPOSED_OUTCOMES,
  type CircumstanceLevel,
  type DiscretionBase,
  type DiscretionBaseAmount,
  type FinePlacement,
  type LegalReviewerRef,
  type LegalReviewOpinion,
  type LegalReviewReturn,
  type Penalty,
  type PenaltyKind,
  type ProposedOutcome,
} from '@zhifa/domain';
import { DeadlineView, DiscretionFindingView, FineRangeView, MajorCaseView, PersonRefView } from './case-view';

// What the legal reviewer (法制审核人员) reads before giving an opinion: the
// proposal with the benchmark band its fine falls in, the named reviewer and
// the review's own limit, and every earlier round. GET /cases/{id}/legal-review.

/** A penalty as proposed or decided (APL 9); amounts in yuan to the fen, as in the commands. */
export class PenaltyView implements Penalty {
  @ApiProperty({ enum: PENALTY_KINDS, isArray: true })
  kinds!: PenaltyKind[];

  @ApiPropertyOptional({ type: Number, example: 150000, description: 'Yuan' })
  fineAmount?: number;

  @ApiPropertyOptional({ type: Number, description: 'Yuan of illegal gains confiscated' })
  confiscationAmount?: number;

  @ApiPropertyOptional({ type: Number, description: 'Days of a term penalty' })
  termDays?: number;

  @ApiPropertyOptional({ type: String })
  terms?: string;
}

/** A figure the report relies on for the benchmark (裁量基数). */
export class DiscretionBaseView implements DiscretionBaseAmount {
  @ApiProperty({ enum: DISCRETION_BASES })
  kind!: DiscretionBase;

  @ApiProperty({ type: Number, description: 'Yuan, or m² for AREA_M2' })
  value!: number;

  @ApiPropertyOptional({ type: String })
  note?: string;
}

/** 从轻 / 一般 / 从重: each level's range. */
export class BenchmarkLevelsView {
  @ApiProperty({ type: FineRangeView })
  LIGHTER!: FineRangeView;

  @ApiProperty({ type: FineRangeView })
  GENERAL!: FineRangeView;

  @ApiProperty({ type: FineRangeView })
  HEAVIER!: FineRangeView;
}

/** A band whose ranges are multiples of a figure (e.g. 10–20× goods value): the multiples and the figure. */
export class DiscretionMultipleView {
  @ApiProperty({ enum: DISCRETION_BASES })
  kind!: DiscretionBase;

  @ApiProperty({ type: Number, description: "The report's figure the multiples apply to" })
  value!: number;

  @ApiProperty({ type: FineRangeView, description: 'Statutory range as multiples' })
  statutory!: FineRangeView;

  @ApiProperty({ type: BenchmarkLevelsView, description: 'Level ranges as multiples' })
  levels!: BenchmarkLevelsView;
}

/** The benchmark (裁量基准) the proposed fine was judged against, and where the fine lies on it. */
export class ProposalDiscretionView {
  @ApiProperty({ type: DiscretionFindingView, description: 'What the report recorded: band, level, statutory and level range, rule source' })
  finding!: DiscretionFindingView;

  @ApiPropertyOptional({
    type: BenchmarkLevelsView,
    description: "The band's every level in yuan, under the case's pinned policy (absent when the policy no longer resolves the band)",
  })
  levels?: BenchmarkLevelsView;

  @ApiPropertyOptional({ type: DiscretionMultipleView })
  multipleOf?: DiscretionMultipleView;

  @ApiProperty({ type: Number, description: 'The proposed fine in yuan (0: none)' })
  fineAmount!: number;

  @ApiProperty({ enum: FINE_PLACEMENTS, description: 'Where the proposed fine lies against the finding' })
  placement!: FinePlacement;
}

/** The current investigation report's proposal (调查终结报告). */
export class ProposalView {
  @ApiProperty({ type: String })
  findings!: string;

  @ApiProperty({ enum: PROPOSED_OUTCOMES })
  proposedOutcome!: ProposedOutcome;

  @ApiPropertyOptional({ type: PenaltyView })
  proposedPenalty?: PenaltyView;

  @ApiPropertyOptional({ type: String, example: '人民币壹拾伍万元整', description: 'The proposed fine in capitals, as a penalty document writes it' })
  fineInCapitals?: string;

  @ApiProperty({ type: String, example: '《食品安全法》第一百二十二条' })
  legalBasis!: string;

  @ApiProperty({ enum: CIRCUMSTANCE_LEVELS })
  circumstanceLevel!: CircumstanceLevel;

  @ApiPropertyOptional({ type: String })
  discretionReasons?: string;

  @ApiProperty({ type: [DiscretionBaseView] })
  discretionBases!: DiscretionBaseView[];

  @ApiPropertyOptional({ type: ProposalDiscretionView, description: 'Absent when no benchmark applies (none for the code, no penalty, 不予处罚)' })
  discretion?: ProposalDiscretionView;

  @ApiProperty({ type: [String], description: 'Why the proposal needs review, hearing or collective discussion, as assessed when reported' })
  assessment!: string[];

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ type: PersonRefView })
  submittedBy!: PersonRefView;
}

/** A legal reviewer as named, with the certificate that qualified them (APL 58 ¶3). */
export class LegalReviewerView implements LegalReviewerRef {
  @ApiProperty({ type: String, format: 'uuid' })
  userId!: string;

  @ApiProperty({ type: String, example: '刘洋' })
  name!: string;

  @ApiProperty({ type: String, example: 'FZSH20240001' })
  certificateNumber!: string;
}

export class ReviewAssignmentView {
  @ApiProperty({ type: LegalReviewerView })
  reviewer!: LegalReviewerView;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;

  @ApiPropertyOptional({ type: PersonRefView, description: 'Who named them (the requesting officer, or the head reassigning)' })
  by?: PersonRefView;

  @ApiPropertyOptional({ type: String, description: 'Why the review was reassigned' })
  reason?: string;
}

/** The proposal a round reviewed. */
export class RoundProposalView {
  @ApiProperty({ enum: PROPOSED_OUTCOMES })
  outcome!: ProposedOutcome;

  @ApiPropertyOptional({ type: PenaltyView })
  penalty?: PenaltyView;

  @ApiProperty({ enum: CIRCUMSTANCE_LEVELS })
  circumstanceLevel!: CircumstanceLevel;

  @ApiProperty({ type: String })
  legalBasis!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  reportedAt!: string;
}

/** One request for a legal review and its opinion, once given. */
export class LegalReviewRoundView {
  @ApiProperty({ type: Number, example: 1 })
  round!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  requestedAt!: string;

  @ApiPropertyOptional({ type: PersonRefView })
  requestedBy?: PersonRefView;

  @ApiProperty({ type: [String] })
  reasons!: string[];

  @ApiPropertyOptional({ type: String })
  note?: string;

  @ApiPropertyOptional({ type: RoundProposalView })
  proposal?: RoundProposalView;

  @ApiProperty({ type: [ReviewAssignmentView], description: 'Who was named, in order' })
  assignments!: ReviewAssignmentView[];

  @ApiPropertyOptional({ enum: LEGAL_REVIEW_OPINIONS, description: 'Absent while the round is pending' })
  opinion?: LegalReviewOpinion;

  @ApiPropertyOptional({ type: String })
  text?: string;

  @ApiPropertyOptional({ type: [String], description: 'RETURN: the points to revise' })
  points?: string[];

  @ApiPropertyOptional({ enum: LEGAL_REVIEW_RETURNS })
  returnTo?: LegalReviewReturn;

  @ApiPropertyOptional({ type: PersonRefView, description: 'Who gave the opinion' })
  reviewer?: PersonRefView;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  reviewedAt?: string;
}

/** A case's legal review (法制审核): why it is needed, the proposal, the reviewer, the limit, every round. */
export class LegalReviewView {
  @ApiProperty({ type: String, format: 'uuid' })
  caseId!: string;

  @ApiProperty({ type: String })
  caseNumber!: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status!: string;

  @ApiProperty({ type: Boolean, description: 'The case as it stands needs a legal review before its decision' })
  required!: boolean;

  @ApiProperty({ type: [String], description: 'Why (derived after every event from the pinned policy)' })
  grounds!: string[];

  @ApiPropertyOptional({ type: MajorCaseView })
  majorCase?: MajorCaseView;

  @ApiProperty({ type: Boolean, description: 'A review is waiting for its opinion (LEGAL_REVIEW_PENDING)' })
  pending!: boolean;

  @ApiPropertyOptional({ type: LegalReviewerView, description: 'The reviewer named for the pending review' })
  assignee?: LegalReviewerView;

  @ApiPropertyOptional({ type: DeadlineView, description: "The review's own limit (legalReview), when one was armed" })
  deadline?: DeadlineView;

  @ApiPropertyOptional({ type: ProposalView, description: 'The current report; absent before one is submitted' })
  proposal?: ProposalView;

  @ApiProperty({ type: [LegalReviewRoundView], description: 'Every round, oldest first, from the recorded events' })
  rounds!: LegalReviewRoundView[];
}
