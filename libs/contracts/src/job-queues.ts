// The BullMQ queues apps/jobs runs, one per purpose. The outbox relay routes
// each event to the queues it concerns (apps/jobs/src/dispatch/job-routes.ts);
// case-api reads their failed jobs for supervisors. `audit` takes no events:
// its jobs come from schedules (the nightly chain verification and reconciliation).

export const JOB_QUEUES = ['documents', 'notifications', 'disclosure', 'archive', 'webhooks', 'calendar', 'audit'] as const;
export type JobQueue = (typeof JOB_QUEUES)[number];

export function isJobQueue(name: string): name is JobQueue {
  return (JOB_QUEUES as readonly string[]).includes(name);
}

/**
 * A job's id: the event it was made for and its queue, so an outbox row
 * relayed twice is one job per queue. BullMQ refuses ':' in custom ids, and
 * event ids are `<workflowId>:<seq>`.
 */
export function jobIdFor(eventId: string, queue: JobQueue): string {
  return `${eventId.replace(/:/g, '__')}__${queue}`;
}
