import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { JOB_QUEUES } from '@zhifa/contracts';

export class FailedJobsQuery {
  @ApiPropertyOptional({ enum: JOB_QUEUES, description: 'Only this queue' })
  @IsOptional()
  @IsIn(JOB_QUEUES)
  queue?: string;

  @ApiPropertyOptional({ default: 1 }) @Type(() => Number) @IsInt() @Min(1) page = 1;
  @ApiPropertyOptional({ default: 20 }) @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize = 20;
}

/** A supervisor's retry of a job (the audit: who, when, how the job stood). */
export class JobRetryView {
  @ApiProperty({ type: String, format: 'uuid' })
  retriedBy!: string;

  @ApiProperty({ type: String, example: '周监督' })
  retriedByName!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  retriedAt!: string;

  @ApiProperty({ type: Number, description: 'Attempts the job had made when it was retried' })
  attempts!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Its last error then' })
  lastError!: string | null;
}

/** A job that used up its attempts, kept for a supervisor to read and retry. */
export class FailedJobView {
  @ApiProperty({ enum: JOB_QUEUES })
  queue!: string;

  @ApiProperty({ type: String, example: 'case-7f0c…__3__notifications', description: 'The event id and the queue' })
  id!: string;

  @ApiProperty({ type: String, example: 'DECISION_MADE', description: 'The job name: the event type that made it' })
  name!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The case the job is about; null for a job of no one case (a calendar)' })
  caseId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'CZSJ-2026-00001' })
  caseNumber!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The event the job was made for' })
  eventId!: string | null;

  @ApiProperty({ type: Number, description: 'Attempts made' })
  attempts!: number;

  @ApiProperty({ type: Number, description: 'Attempts allowed before the job is kept as failed' })
  maxAttempts!: number;

  @ApiProperty({ type: String, example: 'case 7f0c… not projected yet' })
  lastError!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  failedAt!: string;

  @ApiProperty({ type: [JobRetryView], description: 'Earlier retries by supervisors, oldest first' })
  retries!: JobRetryView[];
}

export class FailedJobListView {
  @ApiProperty({ type: [FailedJobView] })
  items!: FailedJobView[];

  @ApiProperty({ type: Number })
  total!: number;

  @ApiProperty({ type: Number })
  page!: number;

  @ApiProperty({ type: Number })
  pageSize!: number;
}

export class JobRetriedView {
  @ApiProperty({ enum: JOB_QUEUES })
  queue!: string;

  @ApiProperty({ type: String })
  id!: string;

  @ApiProperty({ type: String, example: 'waiting', description: 'Where the job stands now' })
  state!: string;

  @ApiProperty({ type: JobRetryView })
  retry!: JobRetryView;
}
