import { eventually } from '../support/eventually';
import { acknowledged, Burst, expectHeld, final, summary } from './support/burst';
import { filedCase } from './support/commands';
import { FaultStack, startFaultStack } from './support/fault-stack';

// The Temporal dev server is killed (SIGKILL) and, once callers have been
// refused for it, started again on the same SQLite file while callers keep
// sending commands; the API and the worker reconnect on their own. A caller
// refused meanwhile hears 503 TEMPORAL.UNAVAILABLE and repeats the command
// under its Idempotency-Key.
describe('Temporal server restarted during a burst of commands', () => {
  let stack: FaultStack;
  beforeAll(async () => {
    stack = await startFaultStack();
  }, 180_000);
  afterAll(() => stack?.close(), 120_000);

  it('records every acknowledged command exactly once and none that was refused', async () => {
    const cases = await Promise.all(Array.from({ length: 5 }, () => filedCase(stack)));
    const burst = new Burst(stack, cases, 2, Date.now() + 150_000);
    await eventually(async () => burst.acknowledged >= 10, 60_000);

    const stoppedAt = Date.now();
    await stack.temporal.stop('SIGKILL');
    // Down until a caller was refused for it (the client's own retries have given up): a 503, never a 500.
    await eventually(async () => burst.outcomes.some((o) => o.answers.some((a) => a.body?.code === 'TEMPORAL.UNAVAILABLE')) || undefined, 90_000);
    await stack.temporal.start();
    const restartedAt = Date.now();
    const ackedAtRestart = burst.acknowledged;
    await eventually(async () => burst.acknowledged >= ackedAtRestart + 10, 120_000);
    const outcomes = await burst.stop();
    console.log(`${expect.getState().currentTestName}: ${summary(outcomes)}`);

    // The outage was felt: some command was sent before the server died and answered only after it came back.
    expect(outcomes.filter((o) => o.sentAt < stoppedAt && o.answeredAt > restartedAt && acknowledged(o)).length).toBeGreaterThan(0);
    // The callers' retries converged: no command was left refused.
    expect(outcomes.filter((o) => !acknowledged(o)).map((o) => `${o.tag}: ${final(o).status} ${String(final(o).body?.code)}`)).toEqual([]);
    await expectHeld(stack, outcomes);
  }, 300_000);
});
