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
}

export interface AppendResult {
  appended: number;
  lastSeq: number;
}

/** Activities of the case workflow, implemented by Nest providers on the worker. */
export interface CaseActivities {
  appendCaseEvents(input: AppendCaseEventsInput): Promise<AppendResult>;
}
