import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MEASURE_KINDS,
  MEASURE_OUTCOMES,
  MEASURE_STATUSES,
  SEIZURE_MODES,
  type CoerciveMeasure,
  type InventoryItem,
  type MeasureApproval,
  type MeasureEnding,
  type MeasureKind,
  type MeasureOutcome,
  type MeasureStatus,
  type SeizureMode,
} from '@zhifa/domain';
import { CaseOfficerView, PersonRefView } from './people.views';

// 先行登记保存 and 查封扣押 as the case view shows them (the state's records, field for field).

export class InventoryItemView implements InventoryItem {
  @ApiProperty({ type: String, example: '无标签预包装食品' })
  description!: string;

  @ApiProperty({ type: Number, example: 120 })
  quantity!: number;

  @ApiProperty({ type: String, example: '袋' })
  unit!: string;

  @ApiProperty({ type: String, description: 'Where the items are kept' })
  location!: string;

  @ApiProperty({ type: String, description: 'Who keeps them' })
  custodian!: string;
}

export class MeasureApprovalView implements MeasureApproval {
  @ApiProperty({ type: Boolean })
  approved!: boolean;

  @ApiProperty({ type: String })
  reason!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;

  @ApiProperty({ type: PersonRefView })
  by!: PersonRefView;

  @ApiPropertyOptional({ type: Boolean, description: 'An emergency measure approved more than 24 hours after the officers acted' })
  late?: boolean;
}

export class MeasureEndingView implements MeasureEnding {
  @ApiProperty({ enum: MEASURE_OUTCOMES })
  outcome!: MeasureOutcome;

  @ApiProperty({ type: String, description: 'The legal basis cited' })
  basis!: string;

  @ApiProperty({ type: String })
  reason!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;

  @ApiProperty({ type: PersonRefView })
  by!: PersonRefView;

  @ApiPropertyOptional({ type: String })
  transferredTo?: string;

  @ApiPropertyOptional({ type: String, description: 'SEIZE: the seizure that continues the preservation' })
  seizureId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Decided after the period had ended' })
  late?: boolean;
}

export class MeasureExtensionView {
  @ApiProperty({ type: Number })
  days!: number;

  @ApiProperty({ type: String })
  reason!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;

  @ApiProperty({ type: PersonRefView })
  by!: PersonRefView;
}

export class MeasureTestingView {
  @ApiProperty({ type: String, format: 'date-time' })
  from!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  to!: string;

  @ApiProperty({ type: String })
  reason!: string;
}

/** One 先行登记保存 (APL 56) or 查封扣押 (ACL 24–28), with its inventory, its period and how it ended. */
export class CoerciveMeasureView implements CoerciveMeasure {
  @ApiProperty({ type: String, example: 'P-2026-001' })
  measureId!: string;

  @ApiProperty({ enum: MEASURE_KINDS })
  kind!: MeasureKind;

  @ApiPropertyOptional({ enum: SEIZURE_MODES })
  mode?: SeizureMode;

  @ApiProperty({ enum: MEASURE_STATUSES })
  status!: MeasureStatus;

  @ApiProperty({ type: String })
  grounds!: string;

  @ApiPropertyOptional({ type: String })
  legalBasis?: string;

  @ApiPropertyOptional({ type: String })
  decisionNumber?: string;

  @ApiProperty({ type: [CaseOfficerView] })
  officers!: CaseOfficerView[];

  @ApiProperty({ type: [InventoryItemView] })
  items!: InventoryItemView[];

  @ApiProperty({ type: String, format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ type: PersonRefView })
  requestedBy!: PersonRefView;

  @ApiProperty({ type: Boolean })
  emergency!: boolean;

  @ApiPropertyOptional({ type: MeasureApprovalView })
  approval?: MeasureApprovalView;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'When it took effect: its period runs from here' })
  startAt?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  dueAt?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  remindAt?: string;

  @ApiPropertyOptional({ type: MeasureExtensionView })
  extension?: MeasureExtensionView;

  @ApiProperty({ type: [MeasureTestingView], description: 'Testing time not counted in the seizure period (ACL 25 ¶3)' })
  testing!: MeasureTestingView[];

  @ApiPropertyOptional({ type: String })
  fromPreservationId?: string;

  @ApiPropertyOptional({ type: MeasureEndingView })
  ending?: MeasureEndingView;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  lapsedAt?: string;
}

/** The measures as the view lists them (the deadline basis stays in the case's deadlines). */
export function measureViews(measures: CoerciveMeasure[] | undefined): CoerciveMeasureView[] {
  return (measures ?? []).map(({ basis: _basis, ...m }) => m);
}
