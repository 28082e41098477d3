import { OUTBOX_TOPICS } from '@zhifa/contracts';

/** BullMQ queues fed from the outbox: one per outbox topic, named after it. */
export const QUEUES = OUTBOX_TOPICS;

/** BullMQ refuses ':' in custom job ids; event ids are `<workflowId>:<seq>`. */
export function jobIdFor(eventId: string): string {
  return eventId.replace(/:/g, '__');
}
