import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { caseWorkflowId } from '@zhifa/contracts';
import { eventually } from '../support/eventually';
import { Burst, expectHeld, final, settle, summary, type Outcome } from './support/burst';
import { evidence, filedCase, seqs, verifiedChain } from './support/commands';
import { FaultStack, startFaultStack } from './support/fault-stack';

// Temporal's own limits on a workflow's Updates (Server 1.29.1 defaults: 10
// in flight, 2,000 per run, continue-as-new suggested at 90 % of those),
// lowered on this file's own dev server so the test meets them in seconds.
const MAX_IN_FLIGHT = 2;
const MAX_PER_RUN = 50;
/** Commands the long case takes (each one event): past the per-run limit many times over. */
const LONG_CASE_COMMANDS = 160;

describe("Temporal's limits on a case's Updates", () => {
  let stack: FaultStack;
  let temporal: Connection;
  beforeAll(async () => {
    // The history-count suggestion (4,096 events) is left as it is: the runs below end on the count of Updates alone.
    stack = await startFaultStack({ temporalConfig: { 'history.maxInFlightUpdates': MAX_IN_FLIGHT, 'history.maxTotalUpdates': MAX_PER_RUN } });
    temporal = await Connection.connect({ address: stack.temporal.address });
  }, 180_000);
  afterAll(async () => {
    await temporal?.close();
    await stack?.close();
  }, 120_000);

  it('answers the commands past the in-flight limit 429 CASE.BUSY with Retry-After; repeated under their keys each is recorded once; the case goes on', async () => {
    const caseId = await filedCase(stack);
    const before = (await seqs(stack, caseId)).length;
    const refusedBefore = await stack.temporal.counter('workflow_update_request_rate_limited');

    // The test holds the case's append lock (the store's per-case advisory lock): the first command's append waits for
    // it, so its Update and the next one stay in flight, and the server refuses the others until the lock is let go.
    const lock = stack.ds.createQueryRunner();
    await lock.connect();
    const outcomes: Outcome[] = [];
    let settled: Promise<Outcome[]> = Promise.resolve([]);
    try {
      await lock.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [caseId]);
      const deadline = Date.now() + 60_000;
      settled = Promise.all(Array.from({ length: MAX_IN_FLIGHT + 4 }, (_, i) => settle(stack, caseId, `in-flight-${i}`, deadline, outcomes)));
      await eventually(async () => {
        const [{ n }] = (await stack.ds.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)) as { n: number }[];
        return n > 0;
      }, 30_000);
      // The refused ones are answered while the lock is held, once the Temporal client's own retries are spent (~40 s).
      await eventually(async () => outcomes.some((o) => o.answers.some((a) => a.status === 429)), 60_000, 250);
    } finally {
      await lock.query('SELECT pg_advisory_unlock_all()');
      await lock.release();
    }
    await settled;
    console.log(`${expect.getState().currentTestName}: ${summary(outcomes)}`);

    const busy = outcomes.flatMap((o) => o.answers).filter((a) => a.status === 429);
    expect(busy.length).toBeGreaterThan(0);
    for (const a of busy) expect({ code: a.body?.code, retryAfter: a.retryAfter }).toEqual({ code: 'CASE.BUSY', retryAfter: '1' });
    // The server's own count of Updates its in-flight limit refused: every 429 is one of them (after ten attempts each).
    expect((await stack.temporal.counter('workflow_update_request_rate_limited')) - refusedBefore).toBeGreaterThanOrEqual(busy.length);
    // Never a 500; each command, repeated under its Idempotency-Key after a 429, acknowledged and recorded exactly once.
    await expectHeld(stack, outcomes);
    expect(outcomes.map((o) => final(o).status)).toEqual(outcomes.map(() => 201));

    const next = await evidence(stack, caseId, 'after-the-limit');
    expect(next.status).toBe(201);
    expect(await verifiedChain(stack, caseId)).toMatchObject({ valid: true, events: before + outcomes.length + 1 });
  }, 150_000);

  it('continues a long case as new before each run reaches its limit of Updates: every command recorded once, the chain whole', async () => {
    const caseId = await filedCase(stack);
    const suggestedBefore = await stack.temporal.counter('workflow_update_continue_as_new_suggestions');
    // Two callers at a time (the in-flight limit), each repeating a refused command under its key until it is final.
    const burst = new Burst(stack, [caseId], MAX_IN_FLIGHT, Date.now() + 150_000);
    await eventually(async () => burst.acknowledged >= LONG_CASE_COMMANDS, 150_000, 500);
    const outcomes = await burst.stop();
    console.log(`${expect.getState().currentTestName}: ${summary(outcomes)}`);
    await expectHeld(stack, outcomes);
    expect(outcomes.filter((o) => final(o).status !== 201)).toEqual([]);

    const runs = await runsOf(new Client({ connection: temporal }), caseWorkflowId(caseId));
    const events = (await seqs(stack, caseId)).length;
    console.log(`${expect.getState().currentTestName}: ${events} events in ${runs.length} runs, Updates per run ${runs.map((r) => r.updates).join(', ')}; bytes each run started with ${runs.map((r) => r.inputBytes).join(', ')}`);
    expect(runs.length).toBeGreaterThanOrEqual(Math.floor(LONG_CASE_COMMANDS / MAX_PER_RUN) + 1);
    expect(runs.every((r) => r.updates < MAX_PER_RUN)).toBe(true);
    // The server suggested each continue-as-new for the count of Updates (history.maxTotalUpdates.suggestContinueAsNewThreshold).
    expect((await stack.temporal.counter('workflow_update_continue_as_new_suggestions')) - suggestedBefore).toBeGreaterThan(0);
    expect(await verifiedChain(stack, caseId)).toMatchObject({ valid: true, events });
  }, 240_000);
});

type History = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>;

/** The runs of a workflow, newest first, each found from the next one's start (continue-as-new), with the Updates each accepted. */
async function runsOf(client: Client, workflowId: string): Promise<{ runId: string; updates: number; inputBytes: number }[]> {
  const runs: { runId: string; updates: number; inputBytes: number }[] = [];
  let runId: string | undefined = (await client.workflow.getHandle(workflowId).describe()).runId;
  while (runId) {
    const history: History = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events = history.events ?? [];
    const input = events[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
    runs.push({
      runId,
      updates: events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length,
      // What the run started with: the case carried over from the run before (state, seq, recent commands).
      inputBytes: input.reduce((n, p) => n + (p.data?.length ?? 0), 0),
    });
    runId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  return runs;
}
