import type { CaseState } from '@zhifa/domain';

/** An event as the workflow hands it to the store; the store adds the ids and hashes. */
export interface NewCaseEvent {
  seq: number;
  type: string;
  actor: { userId: string; name: string; roles: string[] } | { system: true; name: string };
  occurredAt: string;
  payload: Record<string, unknown>;
}

export interface AppendCaseEventsInput {
  workflowId: string;
  caseId: string;
  policyVersion: string;
  events: NewCaseEvent[];
  /** The case state after these events: projected into the read model in the same transaction. */
  state: CaseState;
  /** The HTTP request whose command made these events, for the logs (absent for timers and jobs' reports). */
  requestId?: string;
  /**
   * What made these events (the Update's id; `alarm:<seq>:<type>` for a
   * deadline timer): stored beside them, not hashed, so a workflow task that
   * runs a command again finds the events the failed attempt recorded for it.
   */
  commandId?: string;
}

/** An event the chain already holds beyond what the workflow knew, and the command that made it. */
export type RecordedEvent = NewCaseEvent & { commandId: string | null };

export interface AppendResult {
  appended: number;
  lastSeq: number;
  /**
   * Set, and nothing written, when the chain already holds other events of
   * this workflow from the first seq on: a workflow task that recorded them
   * failed before the server kept its result, and ran again at another time.
   * The workflow adopts them (they were decided from the same state) and
   * decides its command again after them.
   */
  ahead?: RecordedEvent[];
}

/** Activities of the case workflow, implemented by Nest providers on the worker. */
export interface CaseActivities {
  appendCaseEvents(input: AppendCaseEventsInput): Promise<AppendResult>;
}
