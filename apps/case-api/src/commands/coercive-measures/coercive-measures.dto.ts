import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Min, ValidateIf, ValidateNested } from 'class-validator';
import {
  PRESERVATION_DECISIONS,
  SEIZURE_ENDINGS,
  SEIZURE_MODES,
  type InventoryItem,
  type PreservationDecision,
  type SeizureEnding,
  type SeizureMode,
} from '@zhifa/domain';
import { IsInstant, Text, Yuan } from '../dto-rules';

/** One line of the inventory (清单) of preserved or seized items. */
export class InventoryItemDto {
  @ApiProperty({ example: '无标签预包装食品' })
  @Text(500)
  description!: string;

  @ApiProperty({ example: 120, description: 'Greater than 0, at most two decimals' })
  @Yuan()
  quantity!: number;

  @ApiProperty({ example: '袋' })
  @Text(20)
  unit!: string;

  @ApiProperty({ example: '长治市某区某路1号仓库', description: 'Where the items are kept' })
  @Text(300)
  location!: string;

  @ApiProperty({ example: '蒋某', description: 'Who keeps them' })
  @Text(200)
  custodian!: string;
}

export function inventory(items: InventoryItemDto[]): InventoryItem[] {
  return items.map((i) => ({ description: i.description, quantity: i.quantity, unit: i.unit, location: i.location, custodian: i.custodian }));
}

const Items = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ type: [InventoryItemDto], description: 'The inventory (清单): at least one line' }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(200),
    ValidateNested({ each: true }),
    Type(() => InventoryItemDto),
  );

const Officers = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ type: [String], description: 'User ids of the officers of the case who carry it out (at least 2)' }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(10),
    IsUUID('all', { each: true }),
  );

/** 先行登记保存 (APL 56): evidence that may be lost, preserved with an inventory by ≥2 officers. */
export class PreserveEvidenceDto {
  @ApiProperty({ example: 'P-2026-001', description: 'Your id for this measure, unique on the case' })
  @Text(100)
  measureId!: string;

  @ApiProperty({ description: 'Why the evidence may be lost or later hard to obtain' })
  @Text(4000)
  grounds!: string;

  @Officers()
  officerIds!: string[];

  @Items()
  items!: InventoryItemDto[];

  @ApiProperty({ description: 'Emergency: the officers acted first and report to the head within 24 hours' })
  @IsBoolean()
  emergency!: boolean;

  @ApiPropertyOptional({ example: '2026-11-23T06:00:00Z', description: 'Required in an emergency: when the items were preserved' })
  @ValidateIf((o: PreserveEvidenceDto, v: unknown) => o.emergency === true || v !== undefined)
  @IsInstant()
  preservedAt?: string;
}

/** The head approves or refuses a preservation (before it, or within 24 hours of an emergency one). */
export class PreservationApprovalDto {
  @ApiProperty({ example: 'P-2026-001' })
  @Text(100)
  measureId!: string;

  @ApiProperty()
  @IsBoolean()
  approve!: boolean;

  @ApiProperty()
  @Text(4000)
  reason!: string;
}

/** The decision on preserved items within 7 working days (APL 56; MSA 34). */
export class PreservationDecisionDto {
  @ApiProperty({ example: 'P-2026-001' })
  @Text(100)
  measureId!: string;

  @ApiProperty({ enum: PRESERVATION_DECISIONS, description: 'To continue as a seizure, use POST seizures with fromPreservationId' })
  @IsIn(PRESERVATION_DECISIONS)
  decision!: PreservationDecision;

  @ApiProperty({ example: 'MSA 34 (5)', description: 'The legal basis of the decision' })
  @Text(500)
  basis!: string;

  @ApiProperty()
  @Text(4000)
  reason!: string;

  @ApiPropertyOptional({ example: '长治市卫生健康委员会', description: 'Required with HAND_OVER' })
  @ValidateIf((o: PreservationDecisionDto, v: unknown) => o.decision === 'HAND_OVER' || v !== undefined)
  @Text(300)
  transferredTo?: string;
}

/** 查封扣押 (ACL 24): the head's decision, carried out by ≥2 officers with an inventory. */
export class SeizeDto {
  @ApiProperty({ example: 'S-2026-001', description: 'Your id for this measure, unique on the case' })
  @Text(100)
  measureId!: string;

  @ApiProperty({ enum: SEIZURE_MODES, description: 'SEAL (查封) or SEIZE (扣押)' })
  @IsIn(SEIZURE_MODES)
  mode!: SeizureMode;

  @ApiProperty({ example: '长市监强〔2026〕1号' })
  @Text(100)
  decisionNumber!: string;

  @ApiProperty()
  @Text(4000)
  grounds!: string;

  @ApiProperty({ example: '《行政强制法》第二十二条' })
  @Text(500)
  legalBasis!: string;

  @ApiProperty({ example: '2026-11-23T06:00:00Z' })
  @IsInstant()
  seizedAt!: string;

  @Officers()
  officerIds!: string[];

  @Items()
  items!: InventoryItemDto[];

  @ApiPropertyOptional({ example: 'P-2026-001', description: 'The preservation this seizure continues (it ends with it)' })
  @IsOptional()
  @Text(100)
  fromPreservationId?: string;
}

/** ACL 25: once, by at most 30 days, with the head's approval and reasons. */
export class SeizureExtensionDto {
  @ApiProperty({ example: 'S-2026-001' })
  @Text(100)
  measureId!: string;

  @ApiProperty({ example: 30, description: 'At most 30' })
  @IsInt()
  @Min(1)
  days!: number;

  @ApiProperty()
  @Text(4000)
  reason!: string;
}

/** ACL 25 ¶3: testing, inspection, quarantine or appraisal time is not counted in the seizure period. */
export class SeizureTestingDto {
  @ApiProperty({ example: 'S-2026-001' })
  @Text(100)
  measureId!: string;

  @ApiProperty({ example: '2026-11-23T06:00:00Z', description: 'When the items went to testing' })
  @IsInstant()
  startedAt!: string;

  @ApiProperty({ example: '2026-11-30T06:00:00Z', description: 'When the testing ended' })
  @IsInstant()
  endedAt!: string;

  @ApiProperty({ example: '送食品检验机构检验' })
  @Text(1000)
  purpose!: string;
}

/** How a seizure ends: 解除 and return (ACL 28), confiscation under the decision, transfer (ACL 21). */
export class EndSeizureDto {
  @ApiProperty({ example: 'S-2026-001' })
  @Text(100)
  measureId!: string;

  @ApiProperty({ enum: SEIZURE_ENDINGS })
  @IsIn(SEIZURE_ENDINGS)
  ending!: SeizureEnding;

  @ApiProperty({ example: 'ACL 28 (1)', description: 'The legal basis' })
  @Text(500)
  basis!: string;

  @ApiProperty()
  @Text(4000)
  reason!: string;

  @ApiPropertyOptional({ description: 'Required with HAND_OVER' })
  @ValidateIf((o: EndSeizureDto, v: unknown) => o.ending === 'HAND_OVER' || v !== undefined)
  @Text(300)
  transferredTo?: string;
}
