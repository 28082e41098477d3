import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CASE_STATUSES, DEADLINE_STATES, PENALTY_KINDS, SUPERVISION_OUTCOMES, TRANSFER_LIMIT_KINDS, TRANSFER_OUTCOMES, TRANSFER_STAGES, type TransferStage } from '@zhifa/domain';
import { OverduePartyView } from './overdue.views';
import { ThresholdMetView } from '../cases/suspicion.views';

export class TransferWatchQuery {
  @ApiPropertyOptional({ enum: TRANSFER_STAGES, description: 'Only transfers at this stage' })
  @IsOptional()
  @IsIn(TRANSFER_STAGES)
  stage?: TransferStage;

  @ApiPropertyOptional({ type: Boolean, description: 'Only transfers with (true) or without (false) a limit missed, met late or past due' })
  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'])
  late?: 'true' | 'false';

  @ApiPropertyOptional({ default: 1 }) @Type(() => Number) @IsInt() @Min(1) page = 1;
  @ApiPropertyOptional({ default: 20 }) @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize = 20;
}

/** One R310 limit of a transfer as it stands. */
export class TransferLimitView {
  @ApiProperty({ enum: TRANSFER_LIMIT_KINDS })
  kind!: string;

  @ApiProperty({ enum: ['AGENCY', 'PARTY', 'POLICE', 'PROCURATORATE'] })
  owner!: string;

  @ApiProperty({ enum: DEADLINE_STATES })
  state!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  dueAt!: string;

  @ApiProperty({ type: String, example: 'R310 5 (head decides within 3 days)' })
  source!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  metAt?: string;

  @ApiProperty({ type: Boolean, description: 'Missed, met after its due instant, or past due now' })
  late!: boolean;

  @ApiPropertyOptional({ type: Number, description: 'While owed: local days to the due day (negative once past)' })
  daysLeft?: number;

  @ApiPropertyOptional({ type: Boolean })
  overdue?: boolean;
}

export class TransferHeadDecisionView {
  @ApiProperty({ type: Boolean }) approved!: boolean;
  @ApiProperty({ type: String }) reason!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

export class TransferPoliceView {
  @ApiProperty({ type: String, example: '长治市公安局' }) policeAgency!: string;
  @ApiProperty({ type: String, example: '长治市人民检察院' }) procuratorate!: string;
  @ApiProperty({ type: String, format: 'date-time' }) sentAt!: string;
  @ApiPropertyOptional({ type: String, example: '长治市公安局潞州分局', description: 'The unit the transfer was forwarded to and is with now (R310 7), when not the one dispatched to' })
  forwardedTo?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) receivedAt?: string;
  @ApiPropertyOptional({ type: Boolean, description: 'The police opened a criminal case (true) or refused (false)' }) accepted?: boolean;
  @ApiPropertyOptional({ type: String }) reason?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) decidedAt?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'The police recorded their intake review: competent, material complete (R310 7)' }) intakeReviewedAt?: string;
}

/** 立案监督 (R310 9): the agency's request, the procuratorate's notice asking the police to explain, their explanation, the result. */
export class TransferSupervisionView {
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: '要求说明不立案理由: the notice to the police' }) explanationRequestedAt?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: "The police's written explanation" }) explainedAt?: string;
  @ApiPropertyOptional({ enum: SUPERVISION_OUTCOMES }) outcome?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) resolvedAt?: string;
}

/** After a decision (R310 11, APL 35): what keeps running and what was paid, for offsetting. */
export class TransferImposedView {
  @ApiProperty({ enum: PENALTY_KINDS, isArray: true, description: 'Penalty kinds imposed before the transfer: they keep running' }) penaltiesRunning!: string[];
  @ApiProperty({ type: Number, description: 'Yuan paid by the proposal, recorded for offsetting (折抵)' }) paidForOffset!: number;
}

/** A transfer of one case: stage, the head's decision, the police's answers and every limit. */
export class TransferWatchItemView {
  @ApiProperty({ type: String, format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: String }) caseNumber!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiProperty({ type: OverduePartyView }) party!: OverduePartyView;
  @ApiProperty({ type: String, example: 'PRODUCT-FAKE' }) violationCode!: string;
  @ApiProperty({ enum: TRANSFER_STAGES }) stage!: string;
  @ApiPropertyOptional({ enum: TRANSFER_OUTCOMES }) outcome?: string;
  @ApiProperty({ type: String, format: 'date-time' }) proposedAt!: string;
  @ApiProperty({ type: String }) grounds!: string;
  @ApiPropertyOptional({ type: String }) thresholdFacts?: string;
  @ApiPropertyOptional({ type: TransferHeadDecisionView, description: "The head's approval or reasoned refusal (R310 5)" }) headDecision?: TransferHeadDecisionView;
  @ApiPropertyOptional({ type: TransferPoliceView }) police?: TransferPoliceView;
  @ApiProperty({ type: [TransferLimitView], description: "R310's limits armed so far, in the order a transfer meets them" }) limits!: TransferLimitView[];
  @ApiProperty({ type: Boolean, description: 'A duty limit (not a request window of the agency) was missed, met late or is past due' }) late!: boolean;
  @ApiPropertyOptional({ type: TransferSupervisionView, description: 'Filing supervision, once the agency asked for it' }) supervision?: TransferSupervisionView;
  @ApiPropertyOptional({ enum: ['AGENCY', 'POLICE', 'PROCURATORATE'], description: 'Who must act next under a running limit' }) waitingFor?: string;
  @ApiPropertyOptional({ enum: CASE_STATUSES, description: 'Where the transfer started (a lead, an open, suspended or decided case)' }) from?: string;
  @ApiPropertyOptional({ type: TransferImposedView, description: 'Proposed after a decision: the penalties running and the money paid' }) imposed?: TransferImposedView;
}

export class TransferStageCountView {
  @ApiProperty({ enum: TRANSFER_STAGES }) stage!: string;
  @ApiProperty({ type: Number }) total!: number;
  @ApiProperty({ type: Number }) late!: number;
}

/** The head's reasoned decision not to transfer a flagged case (R310 5, 11), with the flag it cleared. */
export class NoTransferDecisionView {
  @ApiProperty({ type: String, format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: String }) caseNumber!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiProperty({ type: OverduePartyView }) party!: OverduePartyView;
  @ApiProperty({ type: String, example: 'PRODUCT-FAKE' }) violationCode!: string;
  @ApiProperty({ type: String, format: 'date-time' }) decidedAt!: string;
  @ApiProperty({ type: String, description: 'The head who decided' }) decidedBy!: string;
  @ApiProperty({ type: String }) reasons!: string;
  @ApiPropertyOptional({ enum: ['OFFICER', 'THRESHOLD'], description: 'Who raised the flag the decision cleared' }) raisedBy?: string;
  @ApiPropertyOptional({ type: String, description: "The flag's grounds" }) grounds?: string;
  @ApiPropertyOptional({ type: String, description: 'The threshold the officer said the facts meet' }) threshold?: string;
  @ApiPropertyOptional({ type: [ThresholdMetView], description: 'The policy thresholds the figures reached' }) thresholdsMet?: ThresholdMetView[];
}

export class TransferWatchListView {
  @ApiProperty({ type: [TransferWatchItemView], description: 'Newest proposal first' }) items!: TransferWatchItemView[];
  @ApiProperty({ type: Number }) total!: number;
  @ApiProperty({ type: Number }) page!: number;
  @ApiProperty({ type: Number }) pageSize!: number;
  @ApiProperty({ type: String, format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: [TransferStageCountView], description: 'Per stage with any transfer (before the stage/late filters), in the order a transfer meets them' })
  counts!: TransferStageCountView[];
  @ApiProperty({ type: [NoTransferDecisionView], description: "Every head's reasoned decision not to transfer a flagged case in scope, newest first (not paged, not filtered by stage)" })
  noTransferDecisions!: NoTransferDecisionView[];
}
