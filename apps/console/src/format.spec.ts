import { agencyDate, daysBetween, daysLeft, formatDateTime, formatDaysLeft, formatLocalDate, yuan, yuanInChinese } from './format';

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

  it('counts days left in the agency calendar, at and around the due day', () => {
    const now = new Date('2026-11-20T02:00:00Z'); // 10:00 in 长治
    expect(daysBetween('2026-11-20', '2026-12-01')).toBe(11);
    expect(daysLeft('2026-11-23T15:59:59Z', now)).toEqual({ days: 3, overdue: false });
    expect(daysLeft('2026-11-20T15:59:59Z', now)).toEqual({ days: 0, overdue: false });
    expect(daysLeft('2026-11-20T01:59:59Z', now)).toEqual({ days: 0, overdue: true });
    expect(daysLeft('2026-11-18T08:00:00Z', now)).toEqual({ days: -2, overdue: true });
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

  it('writes amounts in Chinese uppercase as a penalty document does', () => {
    expect(yuanInChinese(52000)).toBe('人民币伍万贰仟元整');
    expect(yuanInChinese(150000)).toBe('人民币壹拾伍万元整');
    expect(yuanInChinese(4000)).toBe('人民币肆仟元整');
    expect(yuanInChinese(10)).toBe('人民币壹拾元整');
    expect(yuanInChinese(1005)).toBe('人民币壹仟零伍元整');
    expect(yuanInChinese(100500)).toBe('人民币壹拾万零伍佰元整');
    expect(yuanInChinese(1000000)).toBe('人民币壹佰万元整');
    expect(yuanInChinese(100010000)).toBe('人民币壹亿零壹万元整');
    expect(yuanInChinese(120_000_000)).toBe('人民币壹亿贰仟万元整');
    expect(yuanInChinese(0)).toBe('人民币零元整');
  });

  it('writes 角 and 分 from the fen, without float drift', () => {
    expect(yuanInChinese(1680.32)).toBe('人民币壹仟陆佰捌拾元叁角贰分');
    expect(yuanInChinese(12.5)).toBe('人民币壹拾贰元伍角');
    expect(yuanInChinese(1.05)).toBe('人民币壹元零伍分');
    expect(yuanInChinese(0.5)).toBe('人民币伍角');
    expect(yuanInChinese(0.05)).toBe('人民币伍分');
    expect(yuanInChinese(0.1 + 0.2)).toBe('人民币叁角');
    expect(yuanInChinese(19.99)).toBe('人民币壹拾玖元玖角玖分');
    expect(() => yuanInChinese(-1)).toThrow(RangeError);
    expect(() => yuanInChinese(Number.NaN)).toThrow(RangeError);
  });
});
