import { CALENDAR_2026 } from '../policy/calendars-2026';
import type { PeriodSpec } from '../policy/policy.types';
import { computeDeadline } from './index';

const TZ = 'Asia/Shanghai';
const CALS = [CALENDAR_2026];

const period = (p: Partial<PeriodSpec>): PeriodSpec => ({ days: 0, kind: 'CALENDAR', source: 'test', ...p });

describe('computeDeadline with a test period in seconds', () => {
  it('seconds mode: wall-clock period, remindAt before it, basis flagged', () => {
    const d = computeDeadline({
      rule: 'decision',
      period: period({ days: 90, kind: 'CALENDAR', seconds: 120, remindBefore: 30, source: 'APL 60' }),
      start: '2026-05-01T00:00:00Z',
      calendars: CALS,
      timeZone: TZ,
    });
    expect(d.dueAt).toBe('2026-05-01T00:02:00.000Z');
    expect(d.remindAt).toBe('2026-05-01T00:01:30.000Z');
    expect(d.basis.days).toBe(0);
    expect(d.basis.kind).toBe('CALENDAR');
    expect(d.basis.seconds).toBe(120);
    expect(d.basis.warnings).toContain('test period in seconds');
    expect(d.basis.dueDate).toBe('2026-05-01');
  });

  it('seconds mode: a closed pause extends the wall-clock deadline', () => {
    const d = computeDeadline({
      rule: 'decision',
      period: period({ days: 90, kind: 'CALENDAR', seconds: 120 }),
      start: '2026-05-01T00:00:00Z',
      calendars: CALS,
      timeZone: TZ,
      pauses: [{ from: '2026-05-01T00:01:00Z', to: '2026-05-01T00:01:45Z', reason: '中止' }],
    });
    expect(d.dueAt).toBe('2026-05-01T00:02:45.000Z');
  });
});
