import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { IsDateOrInstant, Text } from '../dto-rules';

/** 立案 or 不予立案 (MSA 19–20): the head approves with ≥2 certified officers, or declines with a reason. */
export class DecideFilingDto {
  @ApiProperty({ description: 'true: file the case (立案); false: decline (不予立案)' })
  @IsBoolean()
  approve!: boolean;

  @ApiProperty({ example: 'Facts verified on inspection; within jurisdiction' })
  @Text(4000)
  reason!: string;

  @ApiPropertyOptional({ type: [String], description: 'Required to approve: the case officers (user ids); at least 2 with valid certificates (APL 42)' })
  @ValidateIf((o: DecideFilingDto, v: unknown) => o.approve === true || v !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  officerIds?: string[];

  @ApiPropertyOptional({ example: '2026-11-18', description: 'When the violation occurred or ended (YYYY-MM-DD or instant), if not given at registration' })
  @IsOptional()
  @IsDateOrInstant()
  violationAt?: string;

  @ApiPropertyOptional({ description: 'Endangers life, health or financial safety: 5-year limitation (APL 36)' })
  @IsOptional()
  @IsBoolean()
  lifeHealthFinancialSafety?: boolean;
}
