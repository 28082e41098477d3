import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_PATTERN, DAY_KINDS, type DayKind } from '@zhifa/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class DueDateQuery {
  @ApiProperty({ example: '2026-09-28', description: 'The start day (not counted)' })
  @Matches(DATE_PATTERN, { message: 'start must be a date YYYY-MM-DD' })
  start!: string;

  @ApiProperty({ example: 7 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3660)
  days!: number;

  @ApiProperty({ enum: DAY_KINDS })
  @IsIn(DAY_KINDS)
  kind!: DayKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  policyVersion?: string;
}
