import type { HolidayCalendarYear } from './policy.types';

// Published data, not derived: every day off is listed individually (including
// weekend days inside a holiday block) so an administrator can diff it against
// the notice line by line.
export const CALENDAR_2026: HolidayCalendarYear = {
  year: 2026,
  holidays: [
    // 元旦
    '2026-01-01',
    '2026-01-02',
    '2026-01-03',
    // 春节
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
    // 清明节
    '2026-04-04',
    '2026-04-05',
    '2026-04-06',
    // 劳动节
    '2026-05-01',
    '2026-05-02',
    '2026-05-03',
    '2026-05-04',
    '2026-05-05',
    // 端午节
    '2026-06-19',
    '2026-06-20',
    '2026-06-21',
    // 中秋节
    '2026-09-25',
    '2026-09-26',
    '2026-09-27',
    // 国庆节
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  adjustedWorkingDays: [
    '2026-01-04', // Sun
    '2026-02-14', // Sat
    '2026-02-28', // Sat
    '2026-05-09', // Sat
    '2026-09-20', // Sun
    '2026-10-10', // Sat
  ],
  source: '国务院办公厅 2025-11-04 notice on 2026 holidays (国务院办公厅关于2026年部分节假日安排的通知)',
};
