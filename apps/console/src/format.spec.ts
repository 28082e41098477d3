import { agencyDate, basisWarning, formatDateTime, formatDaysLeft, formatLocalDate, yuan } from './format';

describe('console display formats', () => {
  it('shows instants in the agency time zone (UTC+8), not the browser or server zone', () => {
    // 16:30 UTC is half past midnight the next day in 长治.
    expect(agencyDate('2026-11-20T16:30:00Z')).toBe('2026-11-21');
    expect(agencyDate('2026-11-20T15:59:59Z')).toBe('2026-11-20');
    expect(formatDateTime('2026-11-20T16:30:00Z', 'en')).toBe('21/11/2026, 00:30');
    expect(formatDateTime('2026-11-20T16:30:00Z', 'zh')).toBe('2026/11/21 00:30');
  });

  it('shows the API local dates as they are', () => {
    expect(formatLocalDate('2026-02-03', 'zh')).toBe('2026年2月3日');
    expect(formatLocalDate('2026-02-03', 'en')).toBe('03/02/2026');
  });

  it("words the API's days left, at and around the due day", () => {
    expect(formatDaysLeft({ days: 3, overdue: false }, 'zh')).toBe('剩 3 天');
    expect(formatDaysLeft({ days: 0, overdue: false }, 'zh')).toBe('今日到期');
    expect(formatDaysLeft({ days: 0, overdue: true }, 'en')).toBe('Overdue today');
    expect(formatDaysLeft({ days: -2, overdue: true }, 'zh')).toBe('已超期 2 天');
    expect(formatDaysLeft({ days: 1, overdue: false }, 'en')).toBe('1 day left');
  });

  it('shows amounts in yuan', () => {
    expect(yuan(3000)).toBe('¥3,000.00');
    expect(yuan(0.5)).toBe('¥0.50');
  });
});

describe('basisWarning', () => {
  it('reads the no-calendar fallbacks in Chinese and leaves other warnings as recorded', () => {
    expect(basisWarning('No holiday calendar for 2027: weekends and the fixed statutory days off (1 Jan, 1 May, 1–3 Oct) only', 'zh')).toBe(
      '2027年节假日安排尚未发布：仅扣除周末及元旦、劳动节（5月1日）、国庆节（10月1日至3日）法定假日',
    );
    expect(basisWarning('No holiday calendar for 2025: weekends only', 'zh')).toBe('2025年节假日安排尚未发布：仅扣除周末');
    expect(basisWarning('No holiday calendar for 2025: weekends only', 'en')).toBe('No holiday calendar for 2025: weekends only');
    expect(basisWarning('something else', 'zh')).toBe('something else');
  });
});
