import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { EXAMINATION_KINDS, type ExaminationKind } from '@zhifa/domain';
import { IsInstant, Text } from '../dto-rules';

/** 检测、检验、检疫、鉴定 entrusted to an institution: the decision limit pauses from `startedAt` (MSA 63). */
export class StartExaminationDto {
  @ApiProperty({ enum: EXAMINATION_KINDS, example: 'TESTING' })
  @IsIn(EXAMINATION_KINDS)
  kind!: ExaminationKind;

  @ApiProperty({ example: 'Sample 1 of the seized cooking oil: peroxide value', description: 'What is examined' })
  @Text(2000)
  subject!: string;

  @ApiProperty({ example: '市食品药品检验检测中心', description: 'The institution entrusted' })
  @Text(500)
  institution!: string;

  @ApiProperty({ example: '2026-11-23T08:00:00Z', description: 'When the sample or question was handed to the institution' })
  @IsInstant()
  startedAt!: string;
}

/** The institution's report: the decision limit runs again from `endedAt`. */
export class EndExaminationDto {
  @ApiProperty({ example: 1, description: 'The number of the examination, in the order started' })
  @IsInt()
  @Min(1)
  examinationNo!: number;

  @ApiProperty({ example: '2026-11-30T08:00:00Z', description: 'When the report was received' })
  @IsInstant()
  endedAt!: string;

  @ApiProperty({ example: 'Peroxide value 0.38 g/100g, above the limit' })
  @Text(4000)
  result!: string;

  @ApiPropertyOptional({ example: 'JC-2026-0415' })
  @IsOptional()
  @Text(200)
  reportNumber?: string;
}
