import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  PENALTY_KINDS,
  DAY_KINDS,
  DISCRETION_BASES,
  ROLES,
  type AmountThreshold,
  type BenchmarkLevel,
  type DiscretionBand,
  type DiscretionBase,
  type DiscretionBenchmark,
  type FineRange,
  type PenaltyKind,
  type Role,
  type DayKind,
  type HolidayCalendarYear,
  type JurisdictionPolicy,
  type PartyThresholds,
  type PeriodSpec,
  type ViolationProvision,
} from '@zhifa/domain';
import { CriminalThresholdView } from './criminal-threshold.views';

export class PeriodSpecView implements PeriodSpec {
  @ApiProperty({ type: Number })
  days!: number;

  @ApiProperty({ enum: DAY_KINDS })
  kind!: DayKind;

  @ApiPropertyOptional({ type: Number, description: 'Calendar months counted before the days (CALENDAR only): the same day number of the last month, or its last day (ALL 46: six months)' })
  months?: number;

  @ApiProperty({ type: String, example: 'MSA 18', description: 'Legal source, shown in the deadline basis' })
  source!: string;

  @ApiPropertyOptional({ type: Number, description: 'Test policies only: the period in seconds of wall time' })
  seconds?: number;

  @ApiPropertyOptional({ type: Number, description: 'Reminder before the limit (days, or seconds when `seconds` is set)' })
  remindBefore?: number;
}

export class HolidayCalendarYearView implements HolidayCalendarYear {
  @ApiProperty({ type: Number, example: 2026 })
  year!: number;

  @ApiProperty({ type: [String], description: 'Days off (YYYY-MM-DD)' })
  holidays!: string[];

  @ApiProperty({ type: [String], description: 'Weekend days that are working days (调休上班)' })
  adjustedWorkingDays!: string[];

  @ApiProperty({ type: String })
  source!: string;
}

export class AmountThresholdView implements AmountThreshold {
  @ApiProperty({ type: Number, description: 'Yuan' })
  amount!: number;

  @ApiProperty({ type: Boolean, description: 'true: the amount itself counts (以上); false: strictly greater (不含本数)' })
  inclusive!: boolean;
}

export class PartyThresholdsView implements PartyThresholds {
  @ApiProperty({ type: AmountThresholdView })
  PERSON!: AmountThresholdView;

  @ApiProperty({ type: AmountThresholdView })
  ORGANISATION!: AmountThresholdView;
}

export class FineThresholdRuleView {
  @ApiProperty({ type: PartyThresholdsView, description: 'Legal review when the fine is above' })
  fineAbove!: PartyThresholdsView;

  @ApiProperty({ type: [String], description: 'Penalty kinds and circumstance levels always reviewed (e.g. LICENCE_REVOCATION, MITIGATED)' })
  alwaysFor!: string[];

  @ApiProperty({ type: String })
  source!: string;

  @ApiPropertyOptional({ type: Boolean, description: 'APL 58 (2): a decision that went through a held hearing needs review' })
  afterHearing?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'APL 58 (4): violation codes always reviewed' })
  violationCodes?: string[];

  @ApiPropertyOptional({ type: String, description: "APL 58 ¶3: the qualification a reviewer's certificate scope carries" })
  reviewerQualificationScope?: string;
}

export class CollectiveDiscussionRuleView {
  @ApiProperty({ type: Number, description: 'Never fewer than 2' })
  minAttendees!: number;

  @ApiProperty({ enum: ROLES, isArray: true, description: "Each attendee holds one of these roles in the case's agency" })
  roles!: Role[];

  @ApiProperty({ type: String })
  source!: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Required for every decision that needs legal review (absent: true)' })
  requiredWithLegalReview?: boolean;
}

export class FineRangeView implements FineRange {
  @ApiProperty({ type: Number, description: 'Inclusive: yuan, or a multiple of the band base' })
  min!: number;

  @ApiProperty({ type: Number, description: 'Inclusive' })
  max!: number;
}

export class BenchmarkLevelsView implements Record<BenchmarkLevel, FineRange> {
  @ApiProperty({ type: FineRangeView, description: '从轻' })
  LIGHTER!: FineRangeView;

  @ApiProperty({ type: FineRangeView, description: '一般' })
  GENERAL!: FineRangeView;

  @ApiProperty({ type: FineRangeView, description: '从重' })
  HEAVIER!: FineRangeView;
}

export class DiscretionBandView implements DiscretionBand {
  @ApiProperty({ type: String, example: 'goods value ≥ ¥10,000' })
  label!: string;

  @ApiPropertyOptional({ type: Number, description: 'From this value of the band base (inclusive)' })
  from?: number;

  @ApiPropertyOptional({ type: Number, description: 'Below this value (exclusive)' })
  below?: number;

  @ApiPropertyOptional({ enum: DISCRETION_BASES, description: 'The ranges are multiples of this base' })
  multipleOf?: DiscretionBase;

  @ApiProperty({ type: FineRangeView, description: 'What the law allows' })
  statutory!: FineRangeView;

  @ApiProperty({ type: BenchmarkLevelsView })
  levels!: BenchmarkLevelsView;
}

export class ConditionsView {
  @ApiProperty({ type: String })
  conditions!: string;

  @ApiProperty({ type: String })
  source!: string;
}

/** 裁量基准 for one violation code. */
export class DiscretionBenchmarkView implements DiscretionBenchmark {
  @ApiProperty({ type: String, example: 'FOOD-UNLICENSED' })
  violationCode!: string;

  @ApiProperty({ type: String })
  legalBasis!: string;

  @ApiPropertyOptional({ enum: DISCRETION_BASES, description: 'The base whose value picks the band' })
  bandBase?: DiscretionBase;

  @ApiProperty({ type: Boolean, description: 'The law imposes a fine with any penalty (并处罚款)' })
  fineRequired!: boolean;

  @ApiProperty({ type: [DiscretionBandView] })
  bands!: DiscretionBandView[];

  @ApiProperty({ type: ConditionsView, description: '减轻 (APL 32)' })
  mitigation!: ConditionsView;

  @ApiProperty({ type: ConditionsView, description: '不予处罚 (APL 33)' })
  exemption!: ConditionsView;

  @ApiProperty({ type: String, description: 'Who set the split into levels' })
  source!: string;
}

export class HearingRuleView {
  @ApiProperty({ type: PartyThresholdsView, description: 'Hearing offered when the fine is at least' })
  fineAtLeast!: PartyThresholdsView;

  @ApiProperty({ type: [String] })
  alwaysFor!: string[];

  @ApiProperty({ type: String })
  source!: string;
}

export class PartyAmountsView {
  @ApiProperty({ type: Number })
  PERSON!: number;

  @ApiProperty({ type: Number })
  ORGANISATION!: number;
}

export class SimpleProcedureRuleView {
  @ApiProperty({ type: PartyAmountsView, description: 'Maximum fine decided on the spot, inclusive (APL 51)' })
  maxFine!: PartyAmountsView;

  @ApiProperty({ type: String })
  source!: string;
}

/** The penalty kinds the agency may impose (APL 18: 行政拘留 is the police's alone). */
export class PenaltyPowersView {
  @ApiProperty({ enum: PENALTY_KINDS, isArray: true })
  kinds!: PenaltyKind[];

  @ApiProperty({ type: String })
  source!: string;
}

export class LimitationYearsView {
  @ApiProperty({ type: Number })
  general!: number;

  @ApiProperty({ type: Number })
  lifeHealthFinancial!: number;
}

export class ViolationProvisionView implements ViolationProvision {
  @ApiProperty({ type: String, example: 'FOOD-UNLICENSED' })
  code!: string;

  @ApiProperty({ type: String })
  title!: string;

  @ApiProperty({ type: String })
  legalBasis!: string;

  @ApiProperty({ type: String })
  penaltyRange!: string;

  @ApiPropertyOptional({ type: String })
  criminalHint?: string;
}

/**
 * A published jurisdiction policy (versions never change). The deadlines are a
 * map by deadline name, so a policy version that adds a period is still read.
 */
@ApiExtraModels(PeriodSpecView)
export class PolicyView implements Omit<JurisdictionPolicy, 'criminalThresholds'> {
  @ApiProperty({ type: String })
  version!: string;

  @ApiProperty({ type: String })
  jurisdiction!: string;

  @ApiProperty({ type: String, example: 'Asia/Shanghai' })
  timeZone!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(PeriodSpecView) },
    description: 'The period of each deadline (filingDecision, decision, defence, payment ...)',
  })
  deadlines!: JurisdictionPolicy['deadlines'];

  @ApiProperty({ type: SimpleProcedureRuleView })
  simpleProcedure!: SimpleProcedureRuleView;

  @ApiProperty({ type: FineThresholdRuleView })
  legalReview!: FineThresholdRuleView;

  @ApiPropertyOptional({ type: CollectiveDiscussionRuleView, description: '集体讨论 (APL 57); absent: at least 2 heads of the agency' })
  collectiveDiscussion?: CollectiveDiscussionRuleView;

  @ApiProperty({ type: HearingRuleView })
  hearing!: HearingRuleView;

  @ApiProperty({ type: LimitationYearsView })
  limitationYears!: LimitationYearsView;

  @ApiProperty({ type: [HolidayCalendarYearView] })
  calendars!: HolidayCalendarYearView[];

  @ApiProperty({ type: [ViolationProvisionView] })
  violations!: ViolationProvisionView[];

  @ApiPropertyOptional({ type: [DiscretionBenchmarkView], description: 'Discretion benchmarks (裁量基准) per violation code; a code without one is not range-checked' })
  discretion?: DiscretionBenchmarkView[];

  @ApiPropertyOptional({ type: PenaltyPowersView, description: 'The penalty kinds the agency may impose; absent (older versions): every kind' })
  penaltyPowers?: PenaltyPowersView;

  @ApiPropertyOptional({ type: [CriminalThresholdView], description: 'Prosecution thresholds per violation code; facts at or past one flag the case SUSPECTED_CRIME' })
  criminalThresholds?: CriminalThresholdView[];
}

/** A period counted from a start day with the policy's calendars, and how. */
export class DueDateView {
  @ApiProperty({ type: String, format: 'date' })
  start!: string;

  @ApiProperty({ type: Number })
  days!: number;

  @ApiProperty({ enum: DAY_KINDS })
  kind!: string;

  @ApiProperty({ type: String })
  policyVersion!: string;

  @ApiProperty({ type: Boolean, enum: [false], description: 'The start day is never counted' })
  startDayCounted!: false;

  @ApiProperty({ type: String, format: 'date', description: 'Last day of the period' })
  dueDate!: string;

  @ApiProperty({ type: [String] })
  holidaysMet!: string[];

  @ApiProperty({ type: [String] })
  adjustedWorkingDaysMet!: string[];

  @ApiPropertyOptional({ type: String, format: 'date', description: 'Set when the raw last day was a non-working day' })
  rolledForwardFrom?: string;

  @ApiProperty({ type: [String] })
  warnings!: string[];

  @ApiProperty({ type: [String] })
  calendarSources!: string[];
}
