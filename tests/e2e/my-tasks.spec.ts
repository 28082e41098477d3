import { createApiClient, type ApiClient, type TaskView } from '@zhifa/api-client';
import { startStack, Stack } from '../support/stack';
import { ago, Client } from './command-helpers';

// GET /me/tasks: what is waiting for the caller across every case they can
// read, judged by the domain from their roles and assignments read now.
// Written against the typed client generated from the committed OpenAPI
// document: paths, bodies and answers are checked by the type checker.
describe('what is waiting for me', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  async function tasks(username: string, caseIds: string[]): Promise<TaskView[]> {
    const { items, total } = await api.myTasks(username);
    expect(total).toBe(items.length);
    return items.filter((t) => caseIds.includes(t.caseId));
  }

  async function register(as: ApiClient, discoveredAt = '2026-11-20T02:00:00Z', violationAt = '2026-11-18', violationCode = 'FOOD-UNLICENSED'): Promise<string> {
    const { data, error, response } = await as.POST('/api/v1/cases', {
      body: {
        source: 'inspection',
        discoveredAt,
        violationAt,
        party: { type: 'PERSON', name: '王某' },
        violationCode,
        summary: 'e2e my tasks',
        procedure: 'ORDINARY',
        officerIds: [api.id('officer.zhang'), api.id('officer.li')],
      },
    });
    expect({ status: response.status, error }).toEqual({ status: 201, error: undefined });
    expect(response.headers.get('location')).toBe(`/api/v1/cases/${data!.id}`);
    return data!.id;
  }

  it('each person sees their own next steps with the deadline each answers to, most urgent first', async () => {
    const zhang = api.as('officer.zhang');
    const li = api.as('officer.li');
    const head = api.as('head.sun');
    const reviewer = api.as('reviewer.liu');

    const lead = await register(zhang);
    const filed = await register(zhang, undefined, undefined, 'PRODUCT-FAKE');
    const filing = await head.POST('/api/v1/cases/{id}/filing', {
      params: { path: { id: filed } },
      body: { approve: true, reason: 'facts verified on inspection', officerIds: [api.id('officer.zhang'), api.id('officer.li')] },
    });
    expect(filing.data?.case.status).toBe('FILED');
    const evidence = await zhang.POST('/api/v1/cases/{id}/evidence', {
      params: { path: { id: filed } },
      body: {
        kind: 'ON_SITE_RECORD',
        title: '现场检查笔录',
        collectedAt: ago(60),
        collectedByIds: [api.id('officer.zhang'), api.id('officer.li')],
        location: '长治市潞州区某街12号',
        text: '检查发现当事人未取得食品经营许可证, 正在销售预包装食品。',
        credentialsShown: true,
        rightsExplained: true,
      },
    });
    expect(evidence.response.status).toBe(201);
    expect(evidence.data?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const reported = await li.POST('/api/v1/cases/{id}/investigation-report', {
      params: { path: { id: filed } },
      body: {
        findings: 'The party sold substandard goods worth ¥2,000 as standard',
        proposedOutcome: 'PENALTY',
        // 《产品质量法》art 50: ¥3,000 on goods of ¥2,000 is 1.5×, in the demo benchmark's 一般 range (1.25–2.25×).
        proposedPenalty: { kinds: ['FINE'], fineAmount: 3000 },
        legalBasis: '《产品质量法》第五十条',
        circumstanceLevel: 'GENERAL',
        discretionBases: [{ kind: 'GOODS_VALUE', value: 2000 }],
      },
    });
    expect(reported.response.status).toBe(200);
    expect(reported.data?.recorded.map((e) => e.type)).toContain('INVESTIGATION_REPORTED');
    const ids = [lead, filed];

    // The head decides on filing, by the filing limit; nothing of the reported case waits for the head yet.
    const forHead = await tasks('head.sun', ids);
    expect(forHead.map((t) => [t.caseId, t.action, t.deadline])).toEqual([[lead, 'filing', 'filingDecision']]);
    // The reviewer reviews the report, by the case-review limit.
    const forReviewer = await tasks('reviewer.liu', ids);
    expect(forReviewer.map((t) => [t.caseId, t.action, t.deadline])).toEqual([[filed, 'case-review', 'caseReview']]);
    // The officers: evidence on the lead is for after filing; on the reported case they wait for the review.
    expect(await tasks('officer.zhang', ids)).toEqual([]);
    // Reviewed, the notice waits for a head's approval, by the decision limit; then for an officer to serve it.
    const review = await reviewer.POST('/api/v1/cases/{id}/case-review', {
      params: { path: { id: filed } },
      body: { opinion: 'AGREE', comments: 'facts clear' },
    });
    expect(review.response.status).toBe(200);
    expect((await tasks('head.sun', ids)).map((t) => [t.caseId, t.action, t.deadline])).toEqual([
      [lead, 'filing', 'filingDecision'],
      [filed, 'notice-approval', 'decision'],
    ]);
    const approval = await head.POST('/api/v1/cases/{id}/notice-approval', { params: { path: { id: filed } }, body: { comments: '同意告知' } });
    expect(approval.response.status).toBe(200);
    expect((await tasks('officer.zhang', ids)).map((t) => [t.caseId, t.action])).toEqual([[filed, 'notice']]);
    // Someone who can read neither case has nothing waiting.
    expect(await tasks('police.wu', ids)).toEqual([]);

    // A supervisor audits: no step of a case waits for one.
    expect(await tasks('supervisor.zhou', ids)).toEqual([]);

    // Most urgent first: a lead discovered earlier is due for filing earlier, whatever order they came in.
    const recent = await register(zhang, '2026-11-25T02:00:00Z');
    const older = await register(zhang, '2026-11-02T02:00:00Z', '2026-11-01');
    const leads = await tasks('head.sun', [recent, older]);
    expect(leads.map((t) => t.caseId)).toEqual([older, recent]);
    expect(leads[0].dueAt! < leads[1].dueAt!).toBe(true);
  });

  it('GET /me: who I am as the directory holds it now, with each certificate valid today or not', async () => {
    const zhang = await api.as('officer.zhang').GET('/api/v1/me');
    expect(zhang.response.status).toBe(200);
    expect(zhang.data).toMatchObject({ userId: api.id('officer.zhang'), name: '张伟', roles: ['OFFICER'] });
    expect(zhang.data?.certificates).toEqual([expect.objectContaining({ number: '14040120240001', status: 'ACTIVE', validToday: true })]);
    const expired = await api.as('officer.expired').GET('/api/v1/me');
    expect(expired.data?.certificates).toEqual([expect.objectContaining({ number: '14040120210004', validTo: '2025-12-31', validToday: false })]);
    const head = await api.as('head.sun').GET('/api/v1/me');
    expect(head.data).toMatchObject({ name: '孙局长', roles: ['AGENCY_HEAD'], certificates: [] });
  });

  it('needs a token: 401 as problem+json', async () => {
    const { error, response } = await createApiClient({ baseUrl: stack.url }).GET('/api/v1/me/tasks');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(error).toMatchObject({ status: 401, code: 'AUTH.TOKEN_MISSING' });
  });
});
