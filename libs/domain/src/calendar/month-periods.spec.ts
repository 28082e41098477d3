import { CALENDAR_2026 } from '../policy/calendars-2026';
import type { PeriodSpec } from '../policy/policy.types';
import { computeDeadline } from './index';
import { parseDay } from './instants';
import { monthPeriodDays } from './month-periods';

const TZ = 'Asia/Shanghai';
const sixMonths: PeriodSpec = { days: 0, months: 6, kind: 'CALENDAR', source: 'ALL 46' };

describe('month periods', () => {
  it('end on the same day number of the last month', () => {
    expect(monthPeriodDays(parseDay('2026-03-10'), 6)).toBe(parseDay('2026-09-10') - parseDay('2026-03-10'));
    expect(monthPeriodDays(parseDay('2026-11-15'), 6)).toBe(parseDay('2027-05-15') - parseDay('2026-11-15'));
  });

  it('end on the last day of a month that lacks the day number', () => {
    expect(monthPeriodDays(parseDay('2026-08-31'), 6)).toBe(parseDay('2027-02-28') - parseDay('2026-08-31'));
    expect(monthPeriodDays(parseDay('2027-08-31'), 6)).toBe(parseDay('2028-02-29') - parseDay('2027-08-31'));
  });

  it('rejects a negative or fractional count and working-day months', () => {
    expect(() => monthPeriodDays(0, -1)).toThrow(RangeError);
    expect(() => monthPeriodDays(0, 1.5)).toThrow(RangeError);
    expect(() => computeDeadline({ rule: 'x', period: { ...sixMonths, kind: 'WORKING' }, start: '2026-03-10T02:00:00Z', calendars: [CALENDAR_2026], timeZone: TZ })).toThrow(
      RangeError,
    );
  });

  it('6 months from a local start date, the basis naming the months and the days they came to', () => {
    // Served 10 Mar 2026 (local): 10 Sep 2026 is a Thursday.
    const d = computeDeadline({ rule: 'litigationWindow', period: sixMonths, start: '2026-03-10T02:00:00Z', calendars: [CALENDAR_2026], timeZone: TZ });
    expect(d.basis).toMatchObject({ startDate: '2026-03-10', months: 6, days: 184, dueDate: '2026-09-10' });
    expect(d.dueAt).toBe('2026-09-10T15:59:59.999Z');
  });

  it('a last day off rolls forward to the next working day', () => {
    // Served 4 Apr 2026: 4 Oct 2026 falls in the National Day holiday (1–7 Oct), 8 Oct is a working day.
    const d = computeDeadline({ rule: 'litigationWindow', period: sixMonths, start: '2026-04-04T02:00:00Z', calendars: [CALENDAR_2026], timeZone: TZ });
    expect(d.basis.rolledForwardFrom).toBe('2026-10-04');
    expect(d.basis.dueDate).toBe('2026-10-08');
  });
});
