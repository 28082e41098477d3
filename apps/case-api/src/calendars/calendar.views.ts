import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, Max, Min } from 'class-validator';
import { Text } from '../commands/dto-rules';

/** A year's holiday calendar as the State Council's notice lists it. */
export class PublishCalendarDto {
  @ApiProperty({ example: 2027 })
  @Type(() => Number)
  @IsInt()
  @Min(1949)
  @Max(2200)
  year!: number;

  @ApiProperty({ type: [String], example: ['2027-01-01'], description: 'Every day off, YYYY-MM-DD, weekend days inside a block included' })
  @IsArray()
  @ArrayMaxSize(366)
  @Text(10, { each: true })
  holidays!: string[];

  @ApiProperty({ type: [String], example: [], description: 'Weekend days that are working days (调休上班), YYYY-MM-DD' })
  @IsArray()
  @ArrayMaxSize(366)
  @Text(10, { each: true })
  adjustedWorkingDays!: string[];

  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知', description: 'Who published it, and when' })
  @Text(500)
  source!: string;
}

export class CalendarView {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ type: [String] }) holidays!: string[];
  @ApiProperty({ type: [String] }) adjustedWorkingDays!: string[];
  @ApiProperty() source!: string;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ example: 'admin' }) publishedBy!: string;
}

export class CalendarListView {
  @ApiProperty({ type: [CalendarView] }) items!: CalendarView[];
}
