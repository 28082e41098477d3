// The outbox topics the event store writes and apps/jobs consumes, one
// BullMQ queue per topic, and the message each carries.

/** Every recorded case event is published here. */
export const CASE_EVENTS_TOPIC = 'case-events';

/** Every outbox topic; apps/jobs opens one queue for each. */
export const OUTBOX_TOPICS = [CASE_EVENTS_TOPIC] as const;
export type OutboxTopic = (typeof OUTBOX_TOPICS)[number];

/** A case-events message: the outbox row's payload plus the event id it was written for. */
export interface CaseEventMessage {
  eventId: string;
  caseId: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
}
