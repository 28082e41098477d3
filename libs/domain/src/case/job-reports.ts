// What apps/jobs reports back to a case: a job that leaves a trace on it (a
// document's hash, a publication, the archive package) sends a system command
// through the workflow's reportJob Update. The workflow stamps the job's id on
// the events it records for it; the case remembers those ids, so a job run
// twice (a retry, a relay after a crash, a new workflow run) records once.

import type { CaseState } from './case-state';

/** Whether a report of this job is already in the case. */
export function jobReported(s: CaseState | null, jobId: string): boolean {
  return Boolean(s?.reportedJobs?.includes(jobId));
}

/** The job id an event was recorded for, when it reports a job. */
export function reportedJobOf(event: object): string | undefined {
  const jobId = (event as { jobId?: unknown }).jobId;
  return typeof jobId === 'string' && jobId.length > 0 ? jobId : undefined;
}

/** Folds: an event recorded for a job marks that job reported. */
export function noteJobReport(s: CaseState, event: object): void {
  const jobId = reportedJobOf(event);
  if (jobId && !jobReported(s, jobId)) (s.reportedJobs ??= []).push(jobId);
}

/** The events of a job's report, each stamped with the job's id (the workflow records these). */
export function stampedWithJob<E extends object>(events: E[], jobId: string): (E & { jobId: string })[] {
  return events.map((e) => Object.assign({}, e, { jobId }));
}
