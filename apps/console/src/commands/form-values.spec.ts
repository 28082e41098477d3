import type { FieldSchema } from '@zhifa/api-client';
import { instantOfWallClock, wallClock } from '../format';
import { bodyOf, formFieldOf, namePath } from './form-values';

describe('times in the agency zone', () => {
  it('reads the wall clock of an instant in Asia/Shanghai whatever the machine zone', () => {
    expect(wallClock(new Date('2026-11-20T16:30:05Z'))).toBe('2026-11-21T00:30:05');
  });

  it('turns a wall clock back into the instant, with its offset', () => {
    expect(instantOfWallClock('2026-11-21T00:30')).toBe('2026-11-21T00:30:00+08:00');
    expect(Date.parse(instantOfWallClock('2026-11-21T00:30'))).toBe(Date.parse('2026-11-20T16:30:00Z'));
  });

  it('keeps the seconds of a wall clock that has them (a time defaulted to now)', () => {
    expect(instantOfWallClock('2026-11-21T00:30:17')).toBe('2026-11-21T00:30:17+08:00');
  });

  it('follows a zone whose offset changes (London in summer and winter)', () => {
    expect(instantOfWallClock('2026-07-01T09:00', 'Europe/London')).toBe('2026-07-01T09:00:00+01:00');
    expect(instantOfWallClock('2026-12-01T09:00', 'Europe/London')).toBe('2026-12-01T09:00:00+00:00');
  });
});

describe('the body of a form', () => {
  const schema: FieldSchema = {
    type: 'object',
    properties: {
      reason: { type: 'string' },
      approve: { type: 'boolean' },
      servedAt: { type: 'string' },
      violationAt: { type: 'string' },
      officerIds: { type: 'array', items: { type: 'string' } },
      party: { type: 'object', properties: { name: { type: 'string' }, phone: { type: 'string' } } },
      penalty: { type: 'object', properties: { fineAmount: { type: 'number' } } },
      points: { type: 'array', items: { type: 'object', properties: { point: { type: 'string' }, adopted: { type: 'boolean' } } } },
    },
  };

  it('sends times as instants or dates, trims text and leaves blanks out', () => {
    expect(
      bodyOf(schema, {
        reason: '  facts verified ',
        approve: false,
        servedAt: { wall: '2026-11-21T09:15', dateOnly: false },
        violationAt: { wall: '2026-11-18T00:00', dateOnly: true },
        officerIds: ['a', 'b'],
        party: { name: '王某', phone: '' },
        penalty: {},
        points: [{ point: 'p1', adopted: true }, { point: '' }],
        unknown: 'dropped',
      }),
    ).toEqual({
      reason: 'facts verified',
      approve: false,
      servedAt: '2026-11-21T09:15:00+08:00',
      violationAt: '2026-11-18',
      officerIds: ['a', 'b'],
      party: { name: '王某' },
      points: [{ point: 'p1', adopted: true }],
    });
  });

  it('keeps a zero amount', () => {
    expect(bodyOf(schema, { penalty: { fineAmount: 0 } })).toEqual({ penalty: { fineAmount: 0 } });
  });
});

describe('the field a problem names', () => {
  it('parses dotted and indexed paths', () => {
    expect(namePath('points[1].reason')).toEqual(['points', 1, 'reason']);
    expect(namePath('party.name')).toEqual(['party', 'name']);
  });

  it('finds the longest prefix that is a field of the form', () => {
    const fields = new Set(['officerIds', 'party.name', 'points.1.reason', 'points']);
    expect(formFieldOf('officerIds[1]', fields)).toEqual(['officerIds']);
    expect(formFieldOf('party.name', fields)).toEqual(['party', 'name']);
    expect(formFieldOf('points[1].reason', fields)).toEqual(['points', 1, 'reason']);
    expect(formFieldOf('command', fields)).toBeUndefined();
  });
});
