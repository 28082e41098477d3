import { http, startStack, Stack } from '../support/stack';
import { Client } from './command-helpers';

interface Task {
  caseId: string;
  caseNumber: string;
  status: string;
  action: string;
  deadline?: string;
  dueAt?: string;
}

// GET /me/tasks: what is waiting for the caller across every case they can
// read, judged by the domain from their roles and assignments read now.
describe('what is waiting for me', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  async function tasks(username: string, caseIds: string[]): Promise<Task[]> {
    const res = await http<{ items: Task[]; total: number }>(stack, 'GET', '/api/v1/me/tasks', { token: await api.token(username) });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(res.body.items.length);
    return res.body.items.filter((t) => caseIds.includes(t.caseId));
  }

  it('each person sees their own next steps with the deadline each answers to, most urgent first', async () => {
    const lead = (await api.register()).id;
    const filed = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    expect((await api.textEvidence(filed)).status).toBe(201);
    const reported = await api.command('officer.li', filed, 'investigation-report', {
      findings: 'The party sold substandard goods worth ¥2,000 as standard',
      proposedOutcome: 'PENALTY',
      proposedPenalty: { kinds: ['FINE'], fineAmount: 3000 },
      legalBasis: '《产品质量法》第五十条',
      circumstanceLevel: 'GENERAL',
      discretionBases: [{ kind: 'GOODS_VALUE', value: 2000 }],
    });
    expect(reported.status).toBe(200);
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
    expect((await api.command('reviewer.liu', filed, 'case-review', { opinion: 'AGREE', comments: 'facts clear' })).status).toBe(200);
    expect((await tasks('head.sun', ids)).map((t) => [t.caseId, t.action, t.deadline])).toEqual([
      [lead, 'filing', 'filingDecision'],
      [filed, 'notice-approval', 'decision'],
    ]);
    await api.approveNotice(filed);
    expect((await tasks('officer.zhang', ids)).map((t) => [t.caseId, t.action])).toEqual([[filed, 'notice']]);
    // Someone who can read neither case has nothing waiting.
    expect(await tasks('police.wu', ids)).toEqual([]);

    // A supervisor audits: no step of a case waits for one.
    expect(await tasks('supervisor.zhou', ids)).toEqual([]);

    // Most urgent first: a lead discovered earlier is due for filing earlier, whatever order they came in.
    const recent = (await api.register({ discoveredAt: '2026-11-25T02:00:00Z' })).id;
    const older = (await api.register({ discoveredAt: '2026-11-02T02:00:00Z', violationAt: '2026-11-01' })).id;
    const leads = await tasks('head.sun', [recent, older]);
    expect(leads.map((t) => t.caseId)).toEqual([older, recent]);
    expect(leads[0].dueAt! < leads[1].dueAt!).toBe(true);
  });

  it('needs a token', async () => {
    const res = await http(stack, 'GET', '/api/v1/me/tasks');
    expect(res.status).toBe(401);
  });
});
