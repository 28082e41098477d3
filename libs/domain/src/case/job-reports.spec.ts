import { decide } from './decide';
import { evolve } from './evolve';
import { SYSTEM } from './case-commands';
import { nextDeadlineAlarm } from '../deadlines/alarms';
import { jobReported, stampedWithJob } from './job-reports';
import { scenario } from '../testing/case-fixtures';

describe('job reports: a job recorded once per job id', () => {
  function systemEvents() {
    const r = scenario('FILED');
    const alarm = nextDeadlineAlarm(r.state!);
    if (!alarm) throw new Error('a filed case has a running deadline');
    const d = decide(r.state, alarm.command, { actor: SYSTEM, policy: r.policy, now: alarm.at });
    if (!d.ok) throw new Error(d.rejection.reason);
    return { r, events: d.events, at: alarm.at };
  }

  it('an event stamped with a job id marks the job reported; the same job again is not listed twice', () => {
    const { r, events, at } = systemEvents();
    expect(jobReported(r.state, 'documents__case-1__7')).toBe(false);
    let s = r.state!;
    for (const e of stampedWithJob(events, 'documents__case-1__7')) s = evolve(s, e, { at, policy: r.policy });
    expect(jobReported(s, 'documents__case-1__7')).toBe(true);
    for (const e of stampedWithJob(events, 'documents__case-1__7')) s = evolve(s, e, { at, policy: r.policy });
    expect(s.reportedJobs).toEqual(['documents__case-1__7']);
    expect(jobReported(s, 'documents__case-1__8')).toBe(false);
  });

  it('events of a person or a timer carry no job id and mark nothing', () => {
    const { r, events, at } = systemEvents();
    let s = r.state!;
    for (const e of events) s = evolve(s, e, { at, policy: r.policy });
    expect(s.reportedJobs).toBeUndefined();
    expect(jobReported(null, 'x')).toBe(false);
  });
});
