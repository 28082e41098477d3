import { http, startStack, Stack } from '../support/stack';
import { eventually } from '../support/eventually';
import { Client, deadline } from './command-helpers';

// Holiday calendars over HTTP: read by anyone signed in, published by an
// administrator once per year, each bad date named; a publication reaches
// the running cases through the jobs and moves the deadlines it touches.
describe('holiday calendars over HTTP', () => {
  let stack: Stack;
  let api: Client;
  const published: number[] = [];

  beforeAll(async () => {
    stack = await startStack({ jobs: true });
    api = new Client(stack);
  });
  afterAll(async () => {
    // Test calendars are not real notices: later suites of this run count without them.
    if (published.length) await stack?.ds.query(`DELETE FROM holiday_calendars WHERE year = ANY($1)`, [published]);
    await stack?.close();
  });

  const post = async (username: string, body: unknown) =>
    http<Record<string, unknown>>(stack, 'POST', '/api/v1/admin/calendars', { token: await api.token(username), body });

  it('lists the calendars published so far: the 2026 notice, seeded', async () => {
    const res = await api.get<{ items: { year: number; source: string; holidays: string[] }[] }>('officer.zhang', '/admin/calendars');
    expect(res.status).toBe(200);
    expect(res.body.items.map((c) => c.year)).toContain(2026);
    expect(res.body.items.find((c) => c.year === 2026)).toMatchObject({ source: expect.stringContaining('国务院办公厅') });
  });

  it('refuses a non-administrator (403) and names each bad date (400 problem+json)', async () => {
    const calendar = { year: 2041, holidays: ['2041-01-01'], adjustedWorkingDays: [], source: 'test' };
    const officer = await post('officer.zhang', calendar);
    expect(officer.status).toBe(403);
    expect(officer.body).toMatchObject({ code: 'CALENDAR.ADMIN_ONLY' });

    const bad = await post('admin', { year: 2041, holidays: ['2041-01-01', '2040-12-31', '2041-02-30'], adjustedWorkingDays: ['2041-01-01'], source: 'test' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body).toMatchObject({ code: 'VALIDATION.FAILED' });
    expect((bad.body.errors as { field: string }[]).map((e) => e.field)).toEqual([
      'holidays[1]', // outside 2041
      'holidays[2]', // no 30 Feb
      'adjustedWorkingDays[0]', // a day off and a working day
      'adjustedWorkingDays[0]', // 1 Jan 2041 is a Tuesday
    ]);

    const again = await post('admin', { year: 2026, holidays: ['2026-01-01'], adjustedWorkingDays: [], source: 'a second 2026' });
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'year' })]);
    const list = await api.get<{ items: { year: number }[] }>('admin', '/admin/calendars');
    expect(list.body.items.map((c) => c.year)).not.toContain(2041);
  });

  it('a calendar published mid-case reaches the running case and moves its decision deadline, with old and new dates', async () => {
    const id = await api.filedCase();
    const before = deadline(await api.case('officer.zhang', id), 'decision')!;
    const year = Number(before.basis.dueDate.slice(0, 4));
    if (year === 2026) throw new Error('this test needs a decision deadline in a year with no published calendar');
    // A test calendar (not a real notice) that makes the last day of the decision limit a day off.
    const res = await post('admin', { year, holidays: [before.basis.dueDate], adjustedWorkingDays: [], source: `test calendar for ${year}` });
    expect(res.status).toBe(201);
    published.push(year);

    const moved = await eventually(async () => {
      const d = deadline(await api.case('officer.zhang', id), 'decision')!;
      return d.dueAt !== before.dueAt ? d : undefined;
    }, 30_000);
    expect(Date.parse(moved.dueAt)).toBeGreaterThan(Date.parse(before.dueAt));
    expect(moved.basis.holidaysMet).toContain(before.basis.dueDate);
    expect(moved.basis.warnings.join(' ')).not.toContain(`No holiday calendar for ${year}`);
    const timeline = await api.get<{ events: { type: string; payload: { changes: { deadline: string; oldDueAt: string; newDueAt: string }[] } }[] }>(
      'officer.zhang',
      `/cases/${id}/timeline`,
    );
    const recomputed = timeline.body.events.find((e) => e.type === 'DEADLINE_RECOMPUTED');
    expect(recomputed?.payload.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ deadline: 'decision', oldDueAt: before.dueAt, newDueAt: moved.dueAt })]),
    );
  });
});
