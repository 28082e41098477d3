import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A failed job a person sent back to its queue: who, when, and how the job stood then. */
@Entity({ name: 'job_retries' })
@Index('ix_job_retries_job', ['queue', 'jobId'])
export class JobRetryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'text' }) queue!: string;
  @Column({ name: 'job_id', type: 'text' }) jobId!: string;
  @Column({ name: 'job_name', type: 'text' }) jobName!: string;
  @Column({ name: 'case_id', type: 'uuid', nullable: true }) caseId!: string | null;
  @Column({ name: 'retried_by', type: 'uuid' }) retriedBy!: string;
  @Column({ name: 'retried_by_name', type: 'text' }) retriedByName!: string;
  /** Attempts the job had made when it was retried. */
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @CreateDateColumn({ name: 'retried_at', type: 'timestamptz' }) retriedAt!: Date;
}
