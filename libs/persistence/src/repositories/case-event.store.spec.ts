import { createHash } from 'node:crypto';
import { chainHash, eventId } from './case-event.store';

const event = {
  eventId: eventId('case-c1', 1),
  caseId: 'c1',
  seq: 1,
  type: 'LEAD_REGISTERED',
  actor: { userId: 'u1', name: '张伟', roles: ['OFFICER'] },
  occurredAt: '2026-11-20T02:00:00.000Z',
  payload: { summary: '无证经营', amounts: [1, 2] },
};

describe('chainHash', () => {
  it('is sha256 of the previous hash followed by the canonical JSON of the event', () => {
    const prev = '0'.repeat(64);
    const canonical =
      '{"actor":{"name":"张伟","roles":["OFFICER"],"userId":"u1"},"caseId":"c1","eventId":"case-c1:1","occurredAt":"2026-11-20T02:00:00.000Z",' +
      '"payload":{"amounts":[1,2],"summary":"无证经营"},"seq":1,"type":"LEAD_REGISTERED"}';
    expect(chainHash(prev, event)).toBe(createHash('sha256').update(prev + canonical).digest('hex'));
  });

  it('does not depend on key order (jsonb reorders keys)', () => {
    const reordered = { ...event, payload: { amounts: [1, 2], summary: '无证经营' }, actor: { roles: ['OFFICER'], userId: 'u1', name: '张伟' } };
    expect(chainHash('a'.repeat(64), reordered)).toBe(chainHash('a'.repeat(64), event));
  });

  it('changes with the content, the position and the predecessor', () => {
    const base = chainHash('0'.repeat(64), event);
    expect(chainHash('0'.repeat(64), { ...event, payload: { ...event.payload, summary: '改写' } })).not.toBe(base);
    expect(chainHash('0'.repeat(64), { ...event, seq: 2 })).not.toBe(base);
    expect(chainHash('1'.repeat(64), event)).not.toBe(base);
  });
});
