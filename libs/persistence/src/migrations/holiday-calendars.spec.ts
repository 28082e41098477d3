import { CALENDAR_2026 } from '@zhifa/domain';
import { SEEDED_2026 } from './1764200000000-holiday-calendars';

describe('the holiday calendars migration', () => {
  it('seeds the 2026 calendar exactly as the domain ships it', () => {
    expect(SEEDED_2026).toEqual(CALENDAR_2026);
  });
});
