import type { Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { jobRecord, jobThatFails } from '../support/failed-jobs';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// The supervisor's failed jobs (失败任务) in a real browser, with the jobs app
// running: a job its handler failed is listed with its case, attempts and
// error, and the button sends it back to its queue, the retry recorded.
describe('the failed jobs page in a browser', () => {
  let h: BrowserHarness;
  let page: Page;
  let caseId: string;
  let caseNumber: string;
  let jobId: string;

  beforeAll(async () => {
    h = await openHarness({ jobs: true });
    page = h.page;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('has a job of a case fail for good', async () => {
    const { data, response } = await h.api.as('officer.zhang').POST('/api/v1/cases', {
      body: {
        source: 'inspection',
        discoveredAt: '2026-11-20T02:00:00Z',
        party: { type: 'PERSON', name: '钱某' },
        violationCode: 'FOOD-UNLICENSED',
        summary: 'browser test failed jobs',
        procedure: 'ORDINARY',
        officerIds: [h.api.id('officer.zhang'), h.api.id('officer.li')],
      },
    });
    expect(response.status).toBe(201);
    ({ id: caseId, caseNumber } = data!);
    // A job name no handler takes (as from another version of the relay): the jobs app fails it at once.
    ({ id: jobId } = await jobThatFails(h.stack.cfg.redisUrl, 'notifications', {
      name: 'NOT_A_CASE_EVENT',
      data: { eventId: `case-${caseId}:99`, caseId, seq: 99, type: 'NOT_A_CASE_EVENT' },
      attempts: 3,
    }));
  });

  it('offers no failed jobs to a head', async () => {
    await signInAs(h, 'head.sun');
    await page.getByRole('navigation').getByRole('link', { name: '案件' }).waitFor();
    await expect(page.getByRole('navigation').getByRole('link', { name: '失败任务' }).count()).resolves.toBe(0);
  });

  it('lists the job for the supervisor with its queue, case, attempts and error', async () => {
    await signInAs(h, 'supervisor.zhou');
    const read = page.waitForResponse((r) => r.url().includes('/api/v1/supervision/jobs/failed'));
    await page.getByRole('navigation').getByRole('link', { name: '失败任务' }).click();
    await page.waitForURL(/\/console\/supervision\/jobs$/);
    expect((await read).status()).toBe(200);
    const row = page.getByTestId('failed-jobs').locator('tr', { hasText: caseNumber });
    await row.waitFor();
    await expect(row.locator('[data-queue]').textContent()).resolves.toBe('通知');
    await expect(row.getByTestId('job-name').textContent()).resolves.toBe('NOT_A_CASE_EVENT');
    await expect(row.getByTestId('attempts').textContent()).resolves.toBe('1 / 3');
    await expect(row.getByTestId('last-error').textContent()).resolves.toBe('no handler for notifications job NOT_A_CASE_EVENT');
    await expect(row.getByRole('link', { name: caseNumber }).getAttribute('href')).resolves.toBe(`/console/cases/${caseId}`);
    await expectAccessible(page, 'failed-jobs');
    await shot(page, 'failed-jobs');
  });

  it('opens the read-only job board in a new window, signed in by the console, showing the job by its ids', async () => {
    const popup = page.context().waitForEvent('page');
    await page.getByTestId('open-job-board').click();
    const board = await popup;
    await board.waitForURL(/\/admin\/queues\/$/);
    await board.getByText('zhifa 任务队列').first().waitFor();
    await board.getByText('notifications', { exact: true }).first().waitFor();
    await shot(board, 'job-board');
    // The cookie the console obtained reaches the board's reads; the job is there with its ids, no payload.
    const read = await board.evaluate(async () => (await fetch('/admin/queues/api/queues?activeQueue=notifications&status=failed&page=1')).json());
    const job = (read as { queues: { name: string; jobs: { id: string; data: unknown }[] }[] }).queues.find((q) => q.name === 'notifications')!.jobs.find((j) => j.id === jobId);
    expect(job?.data).toEqual({ eventId: `case-${caseId}:99`, caseId, seq: 99, type: 'NOT_A_CASE_EVENT' });
    await board.close();
  });

  it('sends it back to its queue and shows who retried it', async () => {
    const row = page.getByTestId('failed-jobs').locator('tr', { hasText: caseNumber });
    const answer = page.waitForResponse((r) => r.url().includes(`/retry`) && r.request().method() === 'POST');
    await row.getByRole('button', { name: `重新执行 ${jobId}` }).click();
    expect((await answer).status()).toBe(200);
    await page.getByRole('status').filter({ hasText: `任务 ${jobId} 已重新加入队列` }).waitFor();
    // Still without a handler, it fails again at once; the list, read again, carries the retry.
    await eventually(async () => (await jobRecord(h.stack.cfg.redisUrl, 'notifications', jobId)).state === 'failed');
    await page.reload();
    await row.getByTestId('retries').waitFor();
    await expect(row.getByTestId('retries').textContent()).resolves.toMatch(/^周督察 于 .+ 重试$/);
    expect(h.errors).toEqual([]);
  });
});
