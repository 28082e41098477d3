import { eventually } from '../support/eventually';
import { acknowledged, Burst, expectHeld, final, summary } from './support/burst';
import { filedCase } from './support/commands';
import { FaultStack, startFaultStack } from './support/fault-stack';

// Postgres stops (pg_ctl stop -m fast: every session ended) while commands
// are being appended, and starts again on the same data. The worker's appends
// fail and are retried until the database is back; the API answers what it
// cannot read with a 503 problem, and the callers repeat under their keys.
describe('Postgres stopped during appends', () => {
  let stack: FaultStack;
  beforeAll(async () => {
    stack = await startFaultStack();
  }, 180_000);
  afterAll(() => stack?.close(), 120_000);

  it('retries the appends, completes them once each, and keeps every chain valid', async () => {
    const cases = await Promise.all(Array.from({ length: 4 }, () => filedCase(stack)));
    const burst = new Burst(stack, cases, 2, Date.now() + 150_000);
    await eventually(async () => burst.acknowledged >= 8, 60_000);

    const stoppedAt = Date.now();
    await stack.pg.stop('fast');
    // Down until callers felt it: a command refused because the database did not answer.
    await eventually(async () => burst.outcomes.some((o) => o.answers.some((a) => a.body?.code === 'DATABASE.UNAVAILABLE')) || undefined, 60_000);
    await stack.pg.start();
    const restartedAt = Date.now();
    const ackedAtRestart = burst.acknowledged;
    await eventually(async () => burst.acknowledged >= ackedAtRestart + 8, 120_000);
    const outcomes = await burst.stop();
    console.log(`${expect.getState().currentTestName}: ${summary(outcomes)}`);

    // Appends in flight when the database went away completed after it came back.
    expect(outcomes.filter((o) => o.sentAt < stoppedAt && o.answeredAt > restartedAt && acknowledged(o)).length).toBeGreaterThan(0);
    // The callers' retries converged: no command was left refused.
    expect(outcomes.filter((o) => !acknowledged(o)).map((o) => `${o.tag}: ${final(o).status} ${String(final(o).body?.code)}`)).toEqual([]);
    await expectHeld(stack, outcomes);
  }, 300_000);
});
