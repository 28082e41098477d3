import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Min, ValidateNested } from 'class-validator';
import { CIRCUMSTANCE_LEVELS, type CircumstanceLevel, DISCRETION_BASES, type DiscretionBase, type DiscretionBaseAmount, type ProposedOutcome } from '@zhifa/domain';
import { Text, Yuan } from '../dto-rules';
import { PenaltyDto } from '../penalty.dto';

const PROPOSED_OUTCOMES = ['PENALTY', 'NO_PENALTY', 'DISMISS', 'TRANSFER'] as const;

/** A figure the discretion benchmark (裁量基准) needs: goods value, illegal gains, sales (yuan) or area (m²). */
export class DiscretionBaseDto {
  @ApiProperty({ enum: DISCRETION_BASES, example: 'GOODS_VALUE' })
  @IsIn(DISCRETION_BASES)
  kind!: DiscretionBase;

  @ApiProperty({ example: 12000, description: 'Yuan (m² for AREA_M2), at most two decimals' })
  @Yuan()
  @Min(0)
  value!: number;

  @ApiPropertyOptional({ description: 'Where the figure comes from (e.g. the invoices in evidence)' })
  @IsOptional()
  @Text(2000)
  note?: string;
}

export function discretionBases(dtos: DiscretionBaseDto[]): DiscretionBaseAmount[] {
  return dtos.map((b) => ({ kind: b.kind, value: b.value, ...(b.note !== undefined ? { note: b.note } : {}) }));
}

/** 调查终结报告 (MSA 48): facts, proposed outcome and penalty, discretion. */
export class InvestigationReportDto {
  @ApiProperty()
  @Text(20000)
  findings!: string;

  @ApiProperty({ enum: PROPOSED_OUTCOMES })
  @IsIn(PROPOSED_OUTCOMES)
  proposedOutcome!: ProposedOutcome;

  @ApiPropertyOptional({ type: PenaltyDto, description: 'With proposedOutcome PENALTY only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PenaltyDto)
  proposedPenalty?: PenaltyDto;

  @ApiProperty({ example: '《食品安全法》第一百二十二条' })
  @Text(2000)
  legalBasis!: string;

  @ApiProperty({ enum: CIRCUMSTANCE_LEVELS, description: '不予处罚 / 减轻 / 从轻 / 一般 / 从重' })
  @IsIn(CIRCUMSTANCE_LEVELS)
  circumstanceLevel!: CircumstanceLevel;

  @ApiPropertyOptional({ description: 'Why this level (裁量理由)' })
  @IsOptional()
  @Text(4000)
  discretionReasons?: string;

  @ApiPropertyOptional({
    type: DiscretionBaseDto,
    isArray: true,
    description: "The figures the violation code's discretion benchmark needs (the band's base, the base a fine is a multiple of); see GET /policies/current, `discretion`",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DISCRETION_BASES.length)
  @ValidateNested({ each: true })
  @Type(() => DiscretionBaseDto)
  discretionBases?: DiscretionBaseDto[];
}
