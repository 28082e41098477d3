import { performance } from 'node:perf_hooks';
import { computeDeadline } from '@zhifa/domain';
import { DEMO_POLICY } from '../infra/seed/demo-policy';

// Deadline computation runs on every fold of a case (workflow and API), so
// it should stay in the microseconds. Prints ops/s for the common periods.
const cases = [
  { rule: 'filingDecision', period: DEMO_POLICY.deadlines.filingDecision },
  { rule: 'decision', period: DEMO_POLICY.deadlines.decision },
  { rule: 'service', period: DEMO_POLICY.deadlines.service },
];
const N = 20000;
for (const c of cases) {
  const start = performance.now();
  for (let i = 0; i < N; i++) {
    computeDeadline({
      rule: c.rule,
      period: c.period,
      start: new Date(Date.UTC(2026, 0, 1) + (i % 330) * 86400000).toISOString(),
      calendars: DEMO_POLICY.calendars,
      timeZone: DEMO_POLICY.timeZone,
      pauses: [{ from: '2026-03-01T00:00:00Z', to: '2026-03-11T00:00:00Z', reason: 'suspension' }],
    });
  }
  const ms = performance.now() - start;
  console.log(`computeDeadline ${c.rule.padEnd(15)} ${Math.round((N / ms) * 1000).toLocaleString('en')} ops/s  (${((ms * 1000) / N).toFixed(1)} µs/op)`);
}
