import { localDate } from './index';

const TZ = 'Asia/Shanghai';

describe('localDate', () => {
  it('UTC 16:30 is already the next local day in Asia/Shanghai', () => {
    expect(localDate('2026-09-27T16:30:00Z', TZ)).toBe('2026-09-28');
  });

  it('the last millisecond before local midnight is still the same day', () => {
    expect(localDate('2026-09-27T15:59:59.999Z', TZ)).toBe('2026-09-27');
    expect(localDate('2026-09-27T16:00:00.000Z', TZ)).toBe('2026-09-28');
  });

  it('honours explicit offsets', () => {
    expect(localDate('2026-09-28T00:30:00+08:00', TZ)).toBe('2026-09-28');
    expect(localDate('2026-09-28T00:30:00+08:00', 'UTC')).toBe('2026-09-27');
  });

  it('rejects an instant without a zone designator (host-dependent)', () => {
    expect(() => localDate('2026-09-28T10:00:00', TZ)).toThrow(RangeError);
  });

  it('rejects an unknown time zone', () => {
    expect(() => localDate('2026-09-28T10:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });
});
