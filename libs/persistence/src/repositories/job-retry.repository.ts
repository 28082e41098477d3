import { DataSource } from 'typeorm';
import { JobRetryEntity } from '../entities';

export interface JobRetryRecord {
  queue: string;
  jobId: string;
  jobName: string;
  caseId: string | null;
  retriedBy: string;
  retriedByName: string;
  attempts: number;
  lastError: string | null;
}

/** The audit of failed jobs sent back to their queues by a person. */
export class JobRetryRepository {
  constructor(private readonly ds: DataSource) {}

  async record(r: JobRetryRecord): Promise<{ retriedAt: string }> {
    const saved = await this.ds.getRepository(JobRetryEntity).save({ ...r });
    return { retriedAt: saved.retriedAt.toISOString() };
  }

  /** The retries of these jobs, oldest first, keyed `<queue>/<jobId>`. */
  async of(jobs: { queue: string; jobId: string }[]): Promise<Map<string, JobRetryEntity[]>> {
    const out = new Map<string, JobRetryEntity[]>();
    if (!jobs.length) return out;
    const rows: JobRetryEntity[] = await this.ds
      .getRepository(JobRetryEntity)
      .createQueryBuilder('r')
      .where(`(r.queue, r.job_id) IN (SELECT * FROM unnest(CAST(:queues AS text[]), CAST(:ids AS text[])))`, {
        queues: jobs.map((j) => j.queue),
        ids: jobs.map((j) => j.jobId),
      })
      .orderBy('r.retried_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
    for (const r of rows) {
      const key = `${r.queue}/${r.jobId}`;
      out.set(key, [...(out.get(key) ?? []), r]);
    }
    return out;
  }
}
