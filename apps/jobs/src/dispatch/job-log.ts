import type { JobQueue } from '@zhifa/contracts';

/** What a job's log lines carry to tie it to its case, its event and the request that caused it (if one did). */
export interface JobLogFields {
  queue: JobQueue;
  jobId?: string;
  name?: string;
  attempt?: number;
  caseId?: string;
  eventId?: string;
  requestId?: string;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

export function jobLogFields(queue: JobQueue, job: { id?: string; name?: string; attemptsMade?: number; data?: unknown } | undefined): JobLogFields {
  const data = (job?.data ?? {}) as Record<string, unknown>;
  return {
    queue,
    jobId: job?.id,
    name: job?.name,
    ...(job?.attemptsMade !== undefined ? { attempt: job.attemptsMade } : {}),
    caseId: text(data.caseId),
    eventId: text(data.eventId),
    requestId: text(data.requestId),
  };
}
