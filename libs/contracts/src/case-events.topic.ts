// The outbox topics the event store writes and apps/jobs relays (routed by
// the row's type to the purpose queues of job-queues.ts), and the message each carries.

/** Every recorded case event is published here. */
export const CASE_EVENTS_TOPIC = 'case-events';

/** A holiday calendar was published: apps/jobs sends it to every open case's workflow. */
export const CALENDAR_PUBLISHED_TOPIC = 'calendar-published';

/** A calendar-published message: the year (the calendar itself is read from its table). */
export interface CalendarPublishedMessage {
  eventId: string;
  type: 'CALENDAR_PUBLISHED';
  year: number;
}

/** Every outbox topic (the source of a row; apps/jobs routes each row by its type, not its topic). */
export const OUTBOX_TOPICS = [CASE_EVENTS_TOPIC, CALENDAR_PUBLISHED_TOPIC] as const;
export type OutboxTopic = (typeof OUTBOX_TOPICS)[number];

/** A case-events message: the outbox row's payload plus the event id it was written for. */
export interface CaseEventMessage {
  eventId: string;
  caseId: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  /** The HTTP request whose command made the event, for the jobs' logs (absent when no request did). */
  requestId?: string;
  /**
   * The W3C trace context of the activity that recorded the event (with
   * tracing on only): the job's span is its child, so one trace runs from
   * the HTTP request to the job.
   */
  trace?: { traceparent: string; tracestate?: string };
}
