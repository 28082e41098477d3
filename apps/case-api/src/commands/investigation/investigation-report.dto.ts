import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { CIRCUMSTANCE_LEVELS, type CircumstanceLevel, type ProposedOutcome } from '@zhifa/domain';
import { Text } from '../dto-rules';
import { PenaltyDto } from '../penalty.dto';

const PROPOSED_OUTCOMES = ['PENALTY', 'NO_PENALTY', 'DISMISS', 'TRANSFER'] as const;

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
}
