import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { Text } from '../dto-rules';
import { PenaltyDto } from '../penalty.dto';
import { ServiceDto } from '../service.dto';

/** 当场处罚 (APL 51–52): one officer decides a warning or a small fine and serves it on the spot. */
export class SimpleDecisionDto {
  @ApiProperty()
  @Text(4000)
  facts!: string;

  @ApiProperty({ example: '《道路交通安全法》第九十条' })
  @Text(2000)
  legalBasis!: string;

  @ApiProperty({ type: PenaltyDto, description: 'WARNING and/or FINE within the policy limit' })
  @IsDefined()
  @ValidateNested()
  @Type(() => PenaltyDto)
  penalty!: PenaltyDto;

  @ApiProperty({ example: '长市监简〔2026〕1号', description: 'Number of the pre-printed decision form' })
  @Text(100)
  documentNumber!: string;

  @ApiProperty()
  @Text(20000)
  text!: string;

  @ApiProperty({ type: ServiceDto, description: 'Served on the spot: DIRECT or REFUSED' })
  @IsDefined()
  @ValidateNested()
  @Type(() => ServiceDto)
  service!: ServiceDto;
}

/** The on-the-spot decision reported to the agency for the record (APL 52). */
export class SimpleReportDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Text(2000)
  note?: string;
}
