import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { DECISION_OUTCOMES, type DecisionOutcome } from '@zhifa/domain';
import { Text } from '../dto-rules';
import { PenaltyDto } from '../penalty.dto';

/** 行政处罚决定 (APL 57, 59) by the agency head, with its document number. */
export class DecisionDto {
  @ApiProperty({ enum: DECISION_OUTCOMES })
  @IsIn(DECISION_OUTCOMES)
  outcome!: DecisionOutcome;

  @ApiPropertyOptional({ type: PenaltyDto, description: 'With outcome PENALTY only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PenaltyDto)
  penalty?: PenaltyDto;

  @ApiProperty({ example: '长市监罚〔2026〕12号' })
  @Text(100)
  documentNumber!: string;

  @ApiProperty({ description: 'The decision text (APL 59 contents, remedy rights included)' })
  @Text(50000)
  text!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Text(2000)
  legalBasis?: string;
}
