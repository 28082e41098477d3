/** BullMQ queues fed from the outbox; one per outbox topic. */
export const CASE_EVENTS_QUEUE = 'case-events';
export const QUEUES = [CASE_EVENTS_QUEUE] as const;

/** BullMQ refuses ':' in custom job ids; event ids are `<workflowId>:<seq>`. */
export function jobIdFor(eventId: string): string {
  return eventId.replace(/:/g, '__');
}
