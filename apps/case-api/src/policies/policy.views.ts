import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  DAY_KINDS,
  type AmountThreshold,
  type DayKind,
  type HolidayCalendarYear,
  type JurisdictionPolicy,
  type PartyThresholds,
  type PeriodSpec,
  type ViolationProvision,
} from '@zhifa/domain';

export class PeriodSpecView implements PeriodSpec {
  @ApiProperty({ type: Number })
  days!: number;

  @ApiProperty({ enum: DAY_KINDS })
  kind!: DayKind;

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

  @ApiProperty({ type: [String], description: 'Violation codes always reviewed' })
  alwaysFor!: string[];

  @ApiProperty({ type: String })
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
export class PolicyView implements JurisdictionPolicy {
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

  @ApiProperty({ type: HearingRuleView })
  hearing!: HearingRuleView;

  @ApiProperty({ type: LimitationYearsView })
  limitationYears!: LimitationYearsView;

  @ApiProperty({ type: [HolidayCalendarYearView] })
  calendars!: HolidayCalendarYearView[];

  @ApiProperty({ type: [ViolationProvisionView] })
  violations!: ViolationProvisionView[];
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
