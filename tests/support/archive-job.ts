import type { DataSource } from 'typeorm';
import type { CaseEventMessage } from '@zhifa/contracts';
import type { ArchiveJob, ArchiveJobResult } from '../../apps/jobs/src/archive.job';
import { jobIdFor } from '@zhifa/contracts';

/** The case's latest ARCHIVE_REQUESTED event as the outbox would deliver it, and its job id (the event id). */
export async function archiveRequest(ds: DataSource, caseId: string): Promise<{ message: CaseEventMessage; jobId: string }> {
  const rows: { event_id: string; seq: number; type: string; payload: Record<string, unknown> }[] = await ds.query(
    `SELECT event_id, seq, type, payload FROM case_events WHERE case_id = $1 AND type = 'ARCHIVE_REQUESTED' ORDER BY seq DESC LIMIT 1`,
    [caseId],
  );
  if (!rows[0]) throw new Error(`case ${caseId} has no ARCHIVE_REQUESTED event`);
  const r = rows[0];
  return { message: { eventId: r.event_id, caseId, seq: r.seq, type: r.type, payload: r.payload }, jobId: jobIdFor(r.event_id, 'archive') };
}

/** Runs the archive job for the case's request, as the archive queue does (same job id: a run by the queue and this one record once). */
export async function runArchiveJob(job: ArchiveJob, ds: DataSource, caseId: string): Promise<ArchiveJobResult> {
  const { message, jobId } = await archiveRequest(ds, caseId);
  return job.handle(message, jobId);
}
