// How the case workflow records what a command decided: one append per
// command, with a local activity (in the workflow task, no round trip through
// the server) from the patch below on, a regular activity before it.
import { ApplicationFailure, patched, proxyActivities, proxyLocalActivities, type RetryPolicy } from '@temporalio/workflow';
import { evolve, evolveBatch, type CaseEvent, type CaseState, type JurisdictionPolicy, type Rejection } from '@zhifa/domain';
import type { CaseActivities, NewCaseEvent, RecentCommand, RecordedEvent, RecordedEventSummary } from '@zhifa/contracts';

/** Commands recorded from this patch on use the local activity; histories before it replay their regular activities. */
export const LOCAL_RECORDING_PATCH = 'record-with-local-activity';

/**
 * From this patch on a run remembers (and carries over continue-as-new) what
 * an answer needs of each recent command's events — type, and a recount's
 * changes — not the whole events (an evidence item's, a calendar's): less
 * memory per cached case and a smaller continue-as-new input. A run from
 * before it keeps the whole events, as its history's continue-as-new input did.
 */
export const RECENT_SUMMARY_PATCH = 'recent-commands-summarised';

/** How many recent commands' records a run keeps to answer a redelivered Update. */
const RECENT_COMMANDS = 256;
/** How many of them a continue-as-new carries (in its input, so in the history: kept small). */
const CARRIED_COMMANDS = 64;

const RETRY: RetryPolicy = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' };

const { appendCaseEvents: appendRemotely } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: RETRY,
});

// A slow database keeps the workflow task open: the SDK heartbeats it (the
// task's 10 s timeout never fires while the append runs). Attempts past
// localRetryThreshold wait on a server timer between them, as a regular
// activity's retries would, and retry for as long as the database is away.
const { appendCaseEvents: appendLocally } = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  localRetryThreshold: '10 seconds',
  retry: RETRY,
});

/** The case as the workflow knows it: the state after its last recorded event. */
export interface Chain {
  state: CaseState | null;
  seq: number;
}

export type Decided = { ok: true; events: CaseEvent[] } | { ok: false; rejection: Rejection };

export type RecordOutcome = { ok: true; first: number; events: RecordedEventSummary[] } | { ok: false; rejection: Rejection };

export interface RecorderContext {
  workflowId: string;
  caseId: string;
  policyVersion: string;
  /** The policy view events are evolved with (calendars change it). */
  policy: () => JurisdictionPolicy;
}

export interface RecordRequest {
  /** What made the events: the Update's id, or the alarm's own id. */
  commandId: string;
  /** Decides against the chain's state as it is when called: again after adopting. Null: nothing to record. */
  decide: () => Decided | null;
  actor: NewCaseEvent['actor'];
  at: string;
  requestId?: string;
}

/**
 * A workflow task may fail after its local activity appended (the worker
 * died, the server refused the task's completion). The server then runs the
 * task again from the last history it kept, at a new workflow time: the same
 * commands decide events with other timestamps, perhaps in another order.
 * The store answers such an append with the events the chain already holds
 * from that seq (`ahead`, written by this workflow, nothing appended): they
 * were decided from the same state, so the workflow evolves its state with
 * them and remembers them by command. A command found there is answered with
 * what was recorded for it; any other is decided again after them.
 */
export function caseRecorder(chain: Chain, ctx: RecorderContext, carried: RecentCommand[] = []) {
  // The recent commands' records by command id: adopted ones, and those this
  // run recorded itself. The server may deliver an Update again although its
  // handler already recorded it (a workflow task completed without the
  // Update's acceptance, seen with local activities under a burst): it is
  // answered with its record instead of being judged again on a state that
  // already holds it. Bounded: a redelivery comes within seconds.
  const recorded = new Map<string, { first: number; events: RecordedEventSummary[] }>();
  const summarised = patched(RECENT_SUMMARY_PATCH);
  const kept = (e: CaseEvent): RecordedEventSummary => (summarised ? summary(e) : e);
  function remember(commandId: string, first: number, event: CaseEvent): void {
    const entry = recorded.get(commandId) ?? { first, events: [] };
    entry.events.push(kept(event));
    recorded.set(commandId, entry);
    if (recorded.size > RECENT_COMMANDS) recorded.delete(recorded.keys().next().value!);
  }
  for (const c of carried) recorded.set(c.commandId, { first: c.first, events: c.events });

  function adopt(ahead: RecordedEvent[]): void {
    if (ahead.length === 0 || ahead[0].seq !== chain.seq + 1) {
      throw ApplicationFailure.nonRetryable(`the chain is ahead from seq ${ahead[0]?.seq}, the workflow at ${chain.seq}`, 'CHAIN.CONFLICT');
    }
    let next = chain.state;
    for (const r of ahead) {
      const event = r.payload as unknown as CaseEvent;
      next = evolve(next, event, { at: r.occurredAt, policy: ctx.policy() });
      if (r.commandId) remember(r.commandId, r.seq, event);
    }
    chain.state = next;
    chain.seq = ahead[ahead.length - 1].seq;
  }

  async function append(events: CaseEvent[], req: RecordRequest): Promise<RecordedEvent[] | undefined> {
    // The state before stays as it was until the append succeeds (a refusal or `ahead` keeps it).
    const next = evolveBatch(chain.state, events, { at: req.at, policy: ctx.policy() });
    if (!next) throw ApplicationFailure.nonRetryable('events produced no state', 'CASE.INTERNAL');
    const stored = events.map((e, i) => ({
      seq: chain.seq + 1 + i,
      type: e.type,
      actor: req.actor,
      occurredAt: req.at,
      payload: e as unknown as Record<string, unknown>,
    }));
    const input = {
      workflowId: ctx.workflowId,
      caseId: ctx.caseId,
      policyVersion: ctx.policyVersion,
      events: stored,
      state: next,
      // The request id only labels the activity's input (for the logs): replay compares no activity input.
      ...(req.requestId ? { requestId: req.requestId } : {}),
    };
    const result = patched(LOCAL_RECORDING_PATCH) ? await appendLocally({ ...input, commandId: req.commandId }) : await appendRemotely(input);
    // The activity logs what it found (a warning with the case, the command and the seqs).
    if (result.ahead) return result.ahead;
    for (const e of events) remember(req.commandId, chain.seq + 1, e);
    chain.state = next;
    chain.seq += events.length;
    return undefined;
  }

  return {
    /** Whether this command's events are recorded (by this run or adopted): its validator lets it through to be answered with them. */
    recorded(commandId: string): boolean {
      return recorded.has(commandId);
    },

    /** The last commands' records, carried into the next run (continue-as-new). */
    recent(): RecentCommand[] {
      return [...recorded.entries()].slice(-CARRIED_COMMANDS).map(([commandId, r]) => ({ commandId, first: r.first, events: r.events }));
    },

    async record(req: RecordRequest): Promise<RecordOutcome> {
      for (;;) {
        const done = recorded.get(req.commandId);
        if (done) return { ok: true, ...done };
        const decision = req.decide();
        if (!decision) return { ok: true, first: chain.seq + 1, events: [] };
        if (!decision.ok) return decision;
        const first = chain.seq + 1;
        if (decision.events.length === 0) return { ok: true, first, events: [] };
        const ahead = await append(decision.events, req);
        if (!ahead) return { ok: true, first, events: decision.events.map(summary) };
        adopt(ahead);
      }
    },
  };
}

/** What an answer needs of an event: its type, and for a recount the deadlines it moved. */
export function summary(e: CaseEvent): RecordedEventSummary {
  return e.type === 'DEADLINE_RECOMPUTED' ? { type: e.type, changes: e.changes.map(({ deadline, oldDueAt, newDueAt }) => ({ deadline, oldDueAt, newDueAt })) } : { type: e.type };
}
