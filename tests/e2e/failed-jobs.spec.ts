import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually';
import { jobRecord, jobThatFails } from '../support/failed-jobs';
import { startStack, Stack } from '../support/stack';
import { Client } from './command-helpers';

// Failed jobs for supervisors: the real jobs app fails them (its real
// handlers), the API lists them in the supervisor's scope and sends one back
// to its queue, recording who did.
describe('failed jobs over HTTP', () => {
  let stack: Stack;
  let api: Client;
  const YEAR = 2039;
  let caseId: string;
  let caseNumber: string;

  beforeAll(async () => {
    // Its own database and Redis: the calendar delivery reaches every open case, and only this suite's are there.
    stack = await startStack({ jobs: true, isolated: true });
    api = new Client(stack);
    const { data } = await api.as('officer.zhang').POST('/api/v1/cases', {
      body: {
        source: 'inspection',
        discoveredAt: '2026-11-20T02:00:00Z',
        party: { type: 'PERSON', name: '赵某' },
        violationCode: 'FOOD-UNLICENSED',
        summary: 'e2e failed jobs',
        procedure: 'ORDINARY',
        officerIds: [api.id('officer.zhang'), api.id('officer.li')],
      },
    });
    ({ id: caseId, caseNumber } = data!);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const list = async (username = 'supervisor.zhou', query: { queue?: 'calendar' | 'notifications' } = {}) =>
    api.as(username).GET('/api/v1/supervision/jobs/failed', { params: { query: { pageSize: 100, ...query } } });
  const retry = (queue: string, id: string, username = 'supervisor.zhou') =>
    api.as(username).POST('/api/v1/supervision/jobs/failed/{queue}/{id}/retry', { params: { path: { queue, id } } });

  it('lists a failed job with its queue, name, attempts and last error, and sends it back once its cause is gone', async () => {
    // A calendar delivery for a year not yet published fails on each of its two attempts.
    const { id } = await jobThatFails(stack.cfg.redisUrl, 'calendar', {
      name: 'CALENDAR_PUBLISHED',
      data: { eventId: `calendar:${YEAR}:${Date.now()}`, type: 'CALENDAR_PUBLISHED', year: YEAR },
      attempts: 2,
    });
    const { data, response } = await list('supervisor.zhou', { queue: 'calendar' });
    expect(response.status).toBe(200);
    const item = data!.items.find((j) => j.id === id);
    expect(item).toMatchObject({ queue: 'calendar', name: 'CALENDAR_PUBLISHED', caseId: null, caseNumber: null, attempts: 2, maxAttempts: 2, lastError: `calendar ${YEAR} is not published`, retries: [] });
    expect(Date.parse(item!.failedAt)).toBeGreaterThan(Date.now() - 60_000);

    const published = await api.as('admin').POST('/api/v1/admin/calendars', { body: { year: YEAR, holidays: [`${YEAR}-01-03`], adjustedWorkingDays: [], source: 'e2e test calendar' } });
    expect(published.response.status).toBe(201);
    const retried = await retry('calendar', id);
    expect(retried.response.status).toBe(200);
    expect(retried.data).toMatchObject({ queue: 'calendar', id, retry: { retriedBy: api.id('supervisor.zhou'), retriedByName: '周督察', attempts: 2, lastError: `calendar ${YEAR} is not published` } });

    // The real handler runs it again, now successfully; the job's log and the audit say who sent it back.
    await eventually(async () => (await jobRecord(stack.cfg.redisUrl, 'calendar', id)).state === 'completed', 60_000);
    const record = await jobRecord(stack.cfg.redisUrl, 'calendar', id);
    expect(record.attemptsMade).toBe(1);
    expect(record.logs).toEqual([expect.stringMatching(/^retried by 周督察 \(0b8f5c1e-2d7a-4c1b-9e57-000000000501\) at \d{4}-/)]);
    const audit = await stack.ds.query(`SELECT job_name, retried_by, retried_by_name, attempts, last_error FROM job_retries WHERE queue = 'calendar' AND job_id = $1`, [id]);
    expect(audit).toEqual([{ job_name: 'CALENDAR_PUBLISHED', retried_by: api.id('supervisor.zhou'), retried_by_name: '周督察', attempts: 2, last_error: `calendar ${YEAR} is not published` }]);
    expect((await list('supervisor.zhou', { queue: 'calendar' })).data!.items.map((j) => j.id)).not.toContain(id);

    // Done, it is not failed any more: nothing to retry.
    const again = await retry('calendar', id);
    expect(again.response.status).toBe(409);
    expect(again.error).toMatchObject({ code: 'JOBS.NOT_FAILED' });
  });

  it("shows a job about a case in the supervisor's scope with its case number, and hides one about a case they cannot read", async () => {
    // A job name no handler takes (as from another version of the relay) fails at once, without retries.
    const mine = await jobThatFails(stack.cfg.redisUrl, 'notifications', { name: 'NOT_A_CASE_EVENT', data: { eventId: `case-${caseId}:99`, caseId, seq: 99, type: 'NOT_A_CASE_EVENT' }, attempts: 5 });
    const unknownCase = randomUUID();
    const hidden = await jobThatFails(stack.cfg.redisUrl, 'notifications', { name: 'NOT_A_CASE_EVENT', data: { eventId: `case-${unknownCase}:1`, caseId: unknownCase, seq: 1, type: 'NOT_A_CASE_EVENT' } });

    const { data } = await list('supervisor.zhou', { queue: 'notifications' });
    expect(data!.items.find((j) => j.id === mine.id)).toMatchObject({ queue: 'notifications', name: 'NOT_A_CASE_EVENT', caseId, caseNumber, attempts: 1, maxAttempts: 5, lastError: 'no handler for notifications job NOT_A_CASE_EVENT' });
    expect(data!.items.map((j) => j.id)).not.toContain(hidden.id);
    const refused = await retry('notifications', hidden.id);
    expect(refused.response.status).toBe(404);
    expect(refused.error).toMatchObject({ code: 'JOBS.NOT_FOUND' });

    // Sent back, it fails again (still no handler): listed once more, with the retry recorded.
    expect((await retry('notifications', mine.id)).response.status).toBe(200);
    const after = await eventually(async () => {
      const j = (await list('supervisor.zhou', { queue: 'notifications' })).data!.items.find((x) => x.id === mine.id);
      return j && j.retries.length === 1 && (await jobRecord(stack.cfg.redisUrl, 'notifications', mine.id)).state === 'failed' ? j : undefined;
    });
    expect(after.retries).toEqual([expect.objectContaining({ retriedBy: api.id('supervisor.zhou'), retriedByName: '周督察', attempts: 1, lastError: 'no handler for notifications job NOT_A_CASE_EVENT' })]);
  });

  it('answers only supervisors, and names an unknown queue or job as not found', async () => {
    for (const username of ['head.sun', 'officer.zhang', 'admin']) {
      const { response, error } = await list(username);
      expect([username, response.status, error?.code]).toEqual([username, 403, 'SUPERVISION.SUPERVISOR_ONLY']);
    }
    expect((await retry('calendar', 'x', 'head.sun')).response.status).toBe(403);
    expect((await retry('no-such-queue', 'x')).error).toMatchObject({ status: 404, code: 'JOBS.NOT_FOUND' });
    expect((await retry('documents', `test-${randomUUID()}`)).error).toMatchObject({ status: 404, code: 'JOBS.NOT_FOUND' });
    const bad = await api.as('supervisor.zhou').GET('/api/v1/supervision/jobs/failed', { params: { query: { queue: 'nope' as never } } });
    expect(bad.response.status).toBe(400);
  });
});
