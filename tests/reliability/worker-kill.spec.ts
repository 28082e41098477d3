import { eventually } from '../support/eventually';
import { acknowledged, Burst, expectHeld, summary } from './support/burst';
import { filedCase } from './support/commands';
import { FaultStack, startFaultStack } from './support/fault-stack';

// The worker dies (SIGKILL: no shutdown, its activities and workflow tasks
// simply stop) while callers keep sending commands to many cases; another
// worker starts. Temporal hands the unfinished work to it.
describe('worker killed during a burst of commands', () => {
  let stack: FaultStack;
  beforeAll(async () => {
    stack = await startFaultStack();
  }, 180_000);
  afterAll(() => stack?.close(), 120_000);

  it('records every acknowledged command exactly once and none that was refused', async () => {
    const cases = await Promise.all(Array.from({ length: 5 }, () => filedCase(stack)));
    const burst = new Burst(stack, cases, 2, Date.now() + 120_000);
    await eventually(async () => burst.acknowledged >= 10, 60_000);

    const killedAt = Date.now();
    await stack.worker.kill();
    await stack.worker.start();
    const restartedAt = Date.now();
    const ackedAtRestart = burst.acknowledged;
    await eventually(async () => burst.acknowledged >= ackedAtRestart + 10, 90_000);
    const outcomes = await burst.stop();
    console.log(`${expect.getState().currentTestName}: ${summary(outcomes)}`);

    // Commands were in flight when the worker died and were answered only by its successor.
    expect(outcomes.filter((o) => o.sentAt < killedAt && o.answeredAt > restartedAt && acknowledged(o)).length).toBeGreaterThan(0);
    await expectHeld(stack, outcomes);
  }, 240_000);
});
