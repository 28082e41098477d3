import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional } from 'class-validator';
import { STATISTICS_GROUPINGS } from '@zhifa/persistence';
import { TRANSFER_OUTCOMES, TRANSFER_STAGES } from '@zhifa/domain';

export class StatisticsQuery {
  @ApiProperty({ type: String, format: 'date', example: '2026-01-01', description: 'First local day of the period (CASE_TIME_ZONE)' })
  @IsDateString({ strict: true })
  from!: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-12-31', description: 'Last local day of the period, inclusive' })
  @IsDateString({ strict: true })
  to!: string;

  @ApiPropertyOptional({ enum: STATISTICS_GROUPINGS, default: 'agency' })
  @IsOptional()
  @IsIn(STATISTICS_GROUPINGS)
  groupBy: (typeof STATISTICS_GROUPINGS)[number] = 'agency';

  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json', description: 'csv or xlsx: one row per group, the same columns' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format: 'json' | 'csv' | 'xlsx' = 'json';
}

export class StageTimeView {
  @ApiProperty({ type: Number, description: 'Cases whose stage ended in the period' }) count!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean days (24 h), two decimals' }) averageDays!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Longest, in days' }) worstDays!: number | null;
}

export class StageTimesView {
  @ApiProperty({ type: StageTimeView, description: 'Lead registered → filed (立案)' }) filing!: StageTimeView;
  @ApiProperty({ type: StageTimeView, description: 'Filed → decided' }) decision!: StageTimeView;
  @ApiProperty({ type: StageTimeView, description: 'Decided → decision served' }) service!: StageTimeView;
  @ApiProperty({ type: StageTimeView, description: 'Decision served (or decided, when not served) → closed' }) closing!: StageTimeView;
}

export class HearingCountsView {
  @ApiProperty({ type: Number }) requested!: number;
  @ApiProperty({ type: Number }) held!: number;
  @ApiProperty({ type: Number, description: 'Ended without being held (withdrawn, absent, left)' }) ended!: number;
}

export class LegalReviewCountsView {
  @ApiProperty({ type: Number }) approved!: number;
  @ApiProperty({ type: Number }) returned!: number;
  @ApiProperty({ type: Number }) rejected!: number;
}

export class ChallengeCountsView {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Challenges filed, by kind', example: { RECONSIDERATION: 2 } }) filed!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Outcomes recorded, as <kind>:<result>', example: { 'RECONSIDERATION:UPHELD': 1 } }) outcomes!: Record<string, number>;
}

export class ExecutionCountsView {
  @ApiProperty({ type: Number, description: 'Decisions in the period with money due (fine, confiscated gains)' }) due!: number;
  @ApiProperty({ type: Number }) paidInFull!: number;
  @ApiProperty({ type: Number, description: 'Payment limit missed and not paid in full' }) overdue!: number;
  @ApiProperty({ type: Number, description: 'Cases where a surcharge (加处罚款, APL 72) runs or ran: the payment limit missed, or a surcharge recorded' }) surcharge!: number;
  @ApiProperty({ type: Number, description: 'Surcharge paid, yuan' }) surchargePaid!: number;
  @ApiProperty({ type: Number, description: 'Applied to the court for enforcement' }) courtEnforcement!: number;
  @ApiProperty({ type: Number, description: 'Execution ended (终结执行)' }) ended!: number;
}

export class TransferCountView {
  @ApiProperty({ enum: TRANSFER_STAGES }) stage!: string;
  @ApiProperty({ enum: TRANSFER_OUTCOMES, nullable: true, description: 'null: no outcome yet' }) outcome!: string | null;
  @ApiProperty({ type: Number }) count!: number;
}

export class StatisticsGroupView {
  @ApiProperty({ type: String, nullable: true, description: "The agency's or officer's id, the violation code or the procedure; null: cases with no officer" }) key!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The agency's or officer's name; the key otherwise" }) label!: string | null;
  @ApiProperty({ type: Number, description: 'Leads registered' }) opened!: number;
  @ApiProperty({ type: Number, description: 'Cases filed (立案)' }) filed!: number;
  @ApiProperty({ type: Number }) decided!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { PENALTY: 3, NO_PENALTY: 1 } }) decisionsByOutcome!: Record<string, number>;
  @ApiProperty({ type: Number }) closed!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Decisions imposing each penalty kind', example: { FINE: 3 } }) penaltyKinds!: Record<string, number>;
  @ApiProperty({ type: Number, description: 'Yuan' }) fineTotal!: number;
  @ApiProperty({ type: Number, description: 'Yuan of illegal gains confiscated' }) confiscationTotal!: number;
  @ApiProperty({ type: StageTimesView }) stages!: StageTimesView;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'DEADLINE_MISSED events, by deadline kind', example: { decision: 1 } }) deadlinesMissed!: Record<string, number>;
  @ApiProperty({ type: HearingCountsView }) hearings!: HearingCountsView;
  @ApiProperty({ type: LegalReviewCountsView }) legalReviews!: LegalReviewCountsView;
  @ApiProperty({ type: ChallengeCountsView }) challenges!: ChallengeCountsView;
  @ApiProperty({ type: ExecutionCountsView }) execution!: ExecutionCountsView;
  @ApiProperty({ type: [TransferCountView], description: 'Transfers proposed in the period, by stage and outcome' }) transfers!: TransferCountView[];
}

export class StatisticsView {
  @ApiProperty({ type: String, format: 'date' }) from!: string;
  @ApiProperty({ type: String, format: 'date' }) to!: string;
  @ApiProperty({ enum: STATISTICS_GROUPINGS }) groupBy!: string;
  @ApiProperty({ type: [StatisticsGroupView] }) groups!: StatisticsGroupView[];
}
