import { createApiClient, type ApiClient, type OverdueItemView } from '@zhifa/api-client';
import { agencyToday, daysBetween, leadDueIn } from '../support/due-leads';
import { eventually } from '../support/eventually';
import { startStack, Stack } from '../support/stack';
import { Client } from './command-helpers';

// GET /supervision/overdue (超期预警): every deadline still owed in the
// supervisor's agency that is past or near its limit, overdue first, with
// its basis and who it waits for; for supervisors only.
describe('the overdue watch of a supervisor', () => {
  let stack: Stack;
  let api: Client;
  let past: { id: string; caseNumber: string; dueDate: string };
  let near: { id: string; caseNumber: string; dueDate: string };
  let later: { id: string; caseNumber: string; dueDate: string };
  let reported: string;

  beforeAll(async () => {
    // The watch is agency-wide: on the shared database it would list every suite's cases before it (past 100, seen when
    // the suites ran in another order), so the suite has a database and Redis of its own.
    stack = await startStack({ isolated: true });
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  async function lead(due: { discoveredAt: string; violationAt: string; dueDate: string }, name: string) {
    const { data, error, response } = await api.as('officer.zhang').POST('/api/v1/cases', {
      body: {
        source: 'inspection',
        discoveredAt: due.discoveredAt,
        violationAt: due.violationAt,
        party: { type: 'PERSON', name },
        violationCode: 'FOOD-UNLICENSED',
        summary: 'e2e supervision overdue',
        procedure: 'ORDINARY',
        officerIds: [api.id('officer.zhang'), api.id('officer.li')],
      },
    });
    expect({ status: response.status, error }).toEqual({ status: 201, error: undefined });
    return { id: data!.id, caseNumber: data!.caseNumber, dueDate: due.dueDate };
  }

  async function overdue(as: ApiClient, query: { withinDays?: number; page?: number; pageSize?: number } = {}) {
    const { data, error, response } = await as.GET('/api/v1/supervision/overdue', { params: { query } });
    if (!data) throw new Error(`GET /supervision/overdue: ${response.status} ${JSON.stringify(error)}`);
    return data;
  }

  const ours = (items: OverdueItemView[]) => items.filter((i) => [past.id, near.id, later.id, reported].includes(i.caseId));

  it('lists the overdue and the near, overdue first, with days left, basis and who each waits for', async () => {
    later = await lead(leadDueIn(8, 20), '钱某');
    near = await lead(leadDueIn(1, 3), '孙某');
    past = await lead(leadDueIn(-20, -3), '李某');
    // A reported case: its review waits for a legal reviewer, by the case-review limit (10 working days).
    const { id } = await api.register({
      discoveredAt: new Date(Date.now() - 7200_000).toISOString(),
      violationAt: agencyToday(new Date(Date.now() - 2 * 86_400_000)),
      violationCode: 'PRODUCT-FAKE',
    });
    reported = id;
    const filed = await api.command('head.sun', reported, 'filing', { approve: true, reason: 'facts verified', officerIds: [api.id('officer.zhang'), api.id('officer.li')] });
    expect(filed.status).toBe(200);
    expect((await api.textEvidence(reported)).status).toBe(201);
    const report = await api.command('officer.li', reported, 'investigation-report', {
      findings: 'The party sold substandard goods worth ¥2,000 as standard',
      proposedOutcome: 'PENALTY',
      // 《产品质量法》art 50: ¥3,000 on goods of ¥2,000 is 1.5×, in the demo benchmark's 一般 range.
      proposedPenalty: { kinds: ['FINE'], fineAmount: 3000 },
      legalBasis: '《产品质量法》第五十条',
      circumstanceLevel: 'GENERAL',
      discretionBases: [{ kind: 'GOODS_VALUE', value: 2000 }],
    });
    expect(report.status).toBe(200);
    await eventually(async () => (await api.case('head.sun', past.id)).deadlines.find((d) => d.kind === 'filingDecision')?.state === 'MISSED');
    const today = agencyToday();

    const list = await overdue(api.as('supervisor.zhou'));
    expect(list).toMatchObject({ page: 1, pageSize: 20, withinDays: 3 });
    expect(ours(list.items).map((i) => [i.caseNumber, i.deadline, i.state, i.overdue, i.daysLeft])).toEqual([
      [past.caseNumber, 'filingDecision', 'MISSED', true, daysBetween(today, past.dueDate)],
      [near.caseNumber, 'filingDecision', 'OPEN', false, daysBetween(today, near.dueDate)],
    ]);
    const [p, n] = ours(list.items);
    expect(p.daysLeft).toBeLessThan(0);
    expect(p).toMatchObject({ caseId: past.id, status: 'LEAD_REGISTERED', procedure: 'ORDINARY', party: { type: 'PERSON', name: '李某' }, dueDate: past.dueDate });
    expect(p.basis).toMatchObject({ rule: 'filingDecision', source: 'MSA 18', days: 15, kind: 'WORKING', dueDate: past.dueDate });
    expect(p.flags).toContain('OVERDUE');
    expect(p.officers.map((o) => o.name)).toEqual(['张伟', '李娜']);
    // Filing waits for the agency's heads.
    for (const item of [p, n]) {
      expect([...item.responsible].sort((a, b) => a.userId.localeCompare(b.userId))).toEqual([
        { userId: api.id('head.sun'), name: '孙局长', actions: ['filing'] },
        { userId: api.id('head.qian'), name: '钱副局长', actions: ['filing'] },
      ]);
    }
    // The whole list is overdue first, then soonest due, and counts what it lists.
    const all = (await overdue(api.as('supervisor.zhou'), { pageSize: 100 })).items;
    const firstNear = all.findIndex((i) => !i.overdue);
    expect(all.slice(firstNear === -1 ? all.length : firstNear).every((i) => !i.overdue)).toBe(true);
    for (let i = 1; i < all.length; i++) if (all[i - 1].overdue === all[i].overdue) expect(all[i - 1].dueAt <= all[i].dueAt).toBe(true);
    expect(all.every((i) => i.overdue || (i.daysLeft >= 0 && i.daysLeft <= 3))).toBe(true);
    const filing = list.counts.find((c) => c.deadline === 'filingDecision')!;
    expect(filing.overdue + filing.near).toBe(all.filter((i) => i.deadline === 'filingDecision').length);
    expect(list.counts.reduce((s, c) => s + c.overdue + c.near, 0)).toBe(list.total);
  });

  it('widens to the days asked for: the review waits for the reviewers, the later lead appears', async () => {
    const wide = ours((await overdue(api.as('supervisor.zhou'), { withinDays: 30, pageSize: 100 })).items);
    const review = wide.find((i) => i.caseId === reported && i.deadline === 'caseReview')!;
    expect(review).toMatchObject({ state: 'OPEN', overdue: false, basis: { source: expect.stringContaining('MSA') } });
    expect(review.responsible.map((r) => [r.name, r.actions])).toEqual(expect.arrayContaining([['刘洋', ['case-review']]]));
    expect(review.responsible.every((r) => r.actions.includes('case-review'))).toBe(true);
    expect(wide.map((i) => i.caseId)).toContain(later.id);
    // Past, near, then the rest by due instant.
    expect(wide.slice(0, 2).map((i) => i.caseId)).toEqual([past.id, near.id]);
    // withinDays 0: only what is overdue or due today.
    const today = (await overdue(api.as('supervisor.zhou'), { withinDays: 0, pageSize: 100 })).items;
    expect(today.every((i) => i.overdue || i.daysLeft === 0)).toBe(true);
    expect(today.map((i) => i.caseId)).toContain(past.id);
    expect(today.map((i) => i.caseId)).not.toContain(near.id);
  });

  it('pages the list', async () => {
    const whole = await overdue(api.as('supervisor.zhou'), { withinDays: 30, pageSize: 100 });
    expect(whole.total).toBe(whole.items.length);
    expect(whole.total).toBeGreaterThanOrEqual(4);
    const second = await overdue(api.as('supervisor.zhou'), { withinDays: 30, page: 2, pageSize: 2 });
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: whole.total });
    expect(second.items.map((i) => [i.caseId, i.deadline])).toEqual(whole.items.slice(2, 4).map((i) => [i.caseId, i.deadline]));
  });

  it('is for supervisors: 403 with the reason for any other role, 400 on a bad query, 401 without a token', async () => {
    for (const user of ['head.sun', 'officer.zhang', 'reviewer.liu', 'admin']) {
      const { error, response } = await api.as(user).GET('/api/v1/supervision/overdue');
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(error).toMatchObject({ status: 403, code: 'SUPERVISION.SUPERVISOR_ONLY', detail: expect.stringContaining('supervisor') });
    }
    const bad = await api.as('supervisor.zhou').GET('/api/v1/supervision/overdue', { params: { query: { withinDays: 91 } } });
    expect(bad.response.status).toBe(400);
    expect(bad.error).toMatchObject({ code: 'VALIDATION.FAILED', errors: [expect.objectContaining({ field: 'withinDays' })] });
    const anonymous = await createApiClient({ baseUrl: stack.url }).GET('/api/v1/supervision/overdue');
    expect(anonymous.response.status).toBe(401);
    // The code has its page, titled in Chinese and English.
    const problem = await fetch(`${stack.url}/api/v1/problems/SUPERVISION.SUPERVISOR_ONLY`);
    expect(await problem.json()).toMatchObject({ status: 403, titles: { 'zh-CN': expect.stringMatching(/监督/), en: expect.any(String) } });
  });
});
