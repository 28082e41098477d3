import type { Problem } from '../../api';
import {
  agencyInstant,
  agencyWallClock,
  downloadName,
  evidenceFormData,
  fieldErrors,
  formatBytes,
  peopleOf,
  submissionFor,
  type EvidenceItem,
} from './model';

const problem = (errors: { field: string; message: string }[]): Problem => ({
  type: '/api/v1/problems/CASE.TWO_OFFICERS_REQUIRED',
  title: 'Two certified officers are required',
  status: 422,
  detail: 'At least 2 distinct officers with valid enforcement certificates (APL 42) are required; got 1',
  code: 'CASE.TWO_OFFICERS_REQUIRED',
  errors,
});

describe('evidence model', () => {
  it('builds the multipart body: fields in order, the collectors repeated, the file last under its name', async () => {
    const file = new File([new Uint8Array([1, 2, 3])], 'scene.jpg', { type: 'image/jpeg' });
    const form = evidenceFormData({
      kind: 'AUDIO_VISUAL',
      title: '现场照片',
      collectedAt: '2026-11-21T03:00:00.000Z',
      collectedByIds: ['a', 'b'],
      location: '某街12号',
      source: '',
      file,
    });
    expect([...form.keys()]).toEqual(['kind', 'title', 'collectedAt', 'collectedByIds', 'collectedByIds', 'location', 'file']);
    expect(form.getAll('collectedByIds')).toEqual(['a', 'b']);
    const sent = form.get('file') as File;
    expect(sent.name).toBe('scene.jpg');
    expect(new Uint8Array(await sent.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('keeps the Idempotency-Key for a retry of the same values and makes a new one when they change', () => {
    const first = submissionFor(null, '{"title":"a"}', 'evidence');
    expect(first.key).toMatch(/^evidence-[0-9a-f]{32}$/);
    expect(submissionFor(first, '{"title":"a"}', 'evidence')).toBe(first);
    const changed = submissionFor(first, '{"title":"b"}', 'evidence');
    expect(changed.key).not.toBe(first.key);
    expect(changed.fingerprint).toBe('{"title":"b"}');
  });

  it("puts the problem's field errors on the form's fields, paths on their base field, the rest aside", () => {
    const placed = fieldErrors(
      problem([
        { field: 'collectedByIds', message: 'needs 2 distinct officers, got 1' },
        { field: 'collectedByIds[1]', message: '王某 is auxiliary staff' },
        { field: 'Idempotency-Key', message: 'must be 8-200 characters' },
      ]),
      ['title', 'collectedByIds'] as const,
    );
    expect(placed.fields).toEqual([{ name: 'collectedByIds', errors: ['needs 2 distinct officers, got 1', '王某 is auxiliary staff'] }]);
    expect(placed.other).toEqual([{ field: 'Idempotency-Key', message: 'must be 8-200 characters' }]);
    expect(fieldErrors(undefined, ['title'] as const)).toEqual({ fields: [], other: [] });
  });

  it("reads and enters times on the agency's clock (UTC+8), whatever the machine's zone", () => {
    expect(agencyInstant({ year: 2026, month: 11, day: 21, hour: 11, minute: 5 })).toBe('2026-11-21T03:05:00.000Z');
    // Past midnight in Beijing is the previous day in UTC.
    expect(agencyInstant({ year: 2026, month: 1, day: 1, hour: 0, minute: 30 })).toBe('2025-12-31T16:30:00.000Z');
    expect(agencyWallClock(new Date('2025-12-31T16:30:59Z'))).toEqual({ year: 2026, month: 1, day: 1, hour: 0, minute: 30 });
    const now = new Date();
    const roundTrip = Date.parse(agencyInstant(agencyWallClock(now)));
    expect(now.getTime() - roundTrip).toBeGreaterThanOrEqual(0);
    expect(now.getTime() - roundTrip).toBeLessThan(60_000);
  });

  it('names people by id from the officers, collectors and recorders the case gives', () => {
    const item = {
      collectors: [{ userId: 'u1', name: '张伟', certificateNumber: '1' }],
      recordedBy: { userId: 'u3', name: '辅警王', auxiliary: true },
    } as EvidenceItem;
    const names = peopleOf({ officers: [{ userId: 'u2', name: '李娜', certificateNumber: '2' }] }, [item]);
    expect(Object.fromEntries(names)).toEqual({ u1: '张伟', u2: '李娜', u3: '辅警王' });
  });

  it('formats sizes and file names for people', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2.0 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(downloadName({ title: '询问笔录', mediaType: 'text/plain; charset=utf-8' })).toBe('询问笔录.txt');
    expect(downloadName({ title: 'a/b:c', mediaType: 'image/webp' })).toBe('a_b_c.webp');
    expect(downloadName({ title: 'x', mediaType: 'application/octet-stream' })).toBe('x.bin');
    expect(downloadName({ title: '  ', mediaType: undefined })).toBe('evidence.bin');
  });
});
