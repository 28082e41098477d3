import { randomUUID } from 'node:crypto';
import type { components } from '@zhifa/api-client';
import { startStack, type Stack } from '../support/stack';
import { Client, deadline } from './command-helpers';
import { majorCaseAwaitingReview, ok, reportedAndHeard } from './legal-review-helpers';

type LegalReviewView = components['schemas']['LegalReviewView'];

// GET /cases/{id}/legal-review: what the named legal reviewer reads before
// giving an opinion — the major-case mark, the proposal and the benchmark band
// its fine falls in, the reviewer and the review's limit, every round — and
// the reviewer's queue in GET /me/tasks. The case view carries the mark and
// the benchmark finding too, the same in a read and in a command's answer.
describe('reading a legal review, over HTTP', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  async function read(username: string, id: string): Promise<LegalReviewView> {
    const { data, error, response } = await api.as(username).GET('/api/v1/cases/{id}/legal-review', { params: { path: { id } } });
    if (!data) throw new Error(`GET legal-review as ${username}: ${response.status} ${JSON.stringify(error)}`);
    return data;
  }

  it('shows a major case before its report: required, on its grounds, with no proposal and no round', async () => {
    const id = await api.filedCase({ party: { type: 'ORGANISATION', name: '某公司 (e2e read)', creditCode: '91140400MA0E2E002X' } });
    const marked = await ok(api.command('officer.zhang', id, 'major-case', { grounds: ['MAJOR_PUBLIC_INTEREST', 'COMPLEX'], reason: '学校食堂' }));
    expect(marked.body.case.majorCase).toMatchObject({ grounds: ['MAJOR_PUBLIC_INTEREST', 'COMPLEX'], reason: '学校食堂', markedBy: { name: '张伟' } });
    const lr = await read('head.sun', id);
    expect(lr).toMatchObject({ caseId: id, status: 'FILED', required: true, pending: false, rounds: [] });
    expect(lr.grounds.length).toBeGreaterThan(0);
    expect(lr.majorCase).toEqual(marked.body.case.majorCase);
    expect(lr.proposal).toBeUndefined();
    expect(lr.assignee).toBeUndefined();
    expect((await api.case('head.sun', id)).discretion).toBeUndefined();
  });

  it('gives the named reviewer the proposal, the benchmark band, the limit and every round; the queue in /me/tasks', async () => {
    const { id } = await majorCaseAwaitingReview(api, 150000, 'reviewer.liu');

    const c = await api.case('reviewer.liu', id);
    expect(c.majorCase).toMatchObject({ grounds: ['COMPLEX'] });
    expect(c.discretion).toMatchObject({
      violationCode: 'FOOD-UNLICENSED',
      band: 'goods value ≥ ¥10,000',
      level: 'LIGHTER',
      statutory: { min: 120000, max: 240000 },
      range: { min: 120000, max: 156000 },
      fineRequired: true,
    });
    expect(c.discretion?.source).toContain('《食品安全法》第一百二十二条');

    const lr = await read('reviewer.liu', id);
    expect(lr).toMatchObject({
      status: 'LEGAL_REVIEW_PENDING',
      required: true,
      pending: true,
      assignee: { userId: api.id('reviewer.liu'), name: '刘洋', certificateNumber: 'FZSH20240001' },
      proposal: {
        proposedOutcome: 'PENALTY',
        proposedPenalty: { kinds: ['FINE'], fineAmount: 150000 },
        legalBasis: '《食品安全法》第一百二十二条',
        circumstanceLevel: 'LIGHTER',
        discretionReasons: '初次违法, 积极配合调查',
        discretionBases: [{ kind: 'GOODS_VALUE', value: 12000, note: '进货单据' }],
        submittedBy: { name: '李娜' },
        discretion: {
          fineAmount: 150000,
          placement: 'WITHIN_LEVEL',
          levels: { LIGHTER: { min: 120000, max: 156000 }, GENERAL: { min: 156000, max: 204000 }, HEAVIER: { min: 204000, max: 240000 } },
          multipleOf: { kind: 'GOODS_VALUE', value: 12000, statutory: { min: 10, max: 20 }, levels: { LIGHTER: { min: 10, max: 13 } } },
        },
      },
    });
    // The finding is the case view's, not computed again.
    expect(lr.proposal?.discretion?.finding).toEqual(c.discretion);
    expect(lr.majorCase).toEqual(c.majorCase);
    expect(lr.deadline).toEqual(deadline(c, 'legalReview'));
    expect(lr.deadline).toMatchObject({ state: 'OPEN', basis: { days: 5, kind: 'WORKING' } });
    expect(lr.rounds).toHaveLength(1);
    expect(lr.rounds[0]).toMatchObject({
      round: 1,
      requestedBy: { name: '张伟' },
      note: '罚款超过十万元',
      proposal: { outcome: 'PENALTY', penalty: { fineAmount: 150000 }, circumstanceLevel: 'LIGHTER' },
      assignments: [{ reviewer: { name: '刘洋', certificateNumber: 'FZSH20240001' }, by: { name: '张伟' } }],
    });
    expect(lr.rounds[0].opinion).toBeUndefined();

    // The reviewer's queue: the opinion, by the review's own limit; the other reviewer has nothing on this case.
    const mine = (await api.myTasks('reviewer.liu')).items.filter((t) => t.caseId === id);
    expect(mine.map((t) => [t.action, t.deadline, t.dueAt])).toEqual([['legal-review', 'legalReview', lr.deadline?.dueAt]]);
    expect((await api.myTasks('reviewer.ma')).items.filter((t) => t.caseId === id)).toEqual([]);

    // Whoever may read the case may read its review; an officer of another case may not; an unknown case is 404.
    expect((await read('officer.zhang', id)).caseId).toBe(id);
    const outsider = await api.as('officer.wang').GET('/api/v1/cases/{id}/legal-review', { params: { path: { id } } });
    expect({ status: outsider.response.status, code: outsider.error?.code }).toEqual({ status: 403, code: 'CASE.NOT_ASSIGNED' });
    const unknown = await api.as('reviewer.liu').GET('/api/v1/cases/{id}/legal-review', { params: { path: { id: randomUUID() } } });
    expect({ status: unknown.response.status, code: unknown.error?.code }).toEqual({ status: 404, code: 'CASE.NOT_FOUND' });

    // RETURN with two points: the round closes, nothing is pending, the case goes back to FILED.
    await ok(
      api.command('reviewer.liu', id, 'legal-review', {
        opinion: 'RETURN',
        text: '罚款数额需重新论证',
        points: ['货值计算依据不足', '从轻理由需补充证据'],
        returnTo: 'PROPOSAL',
      }),
    );
    const returned = await read('reviewer.liu', id);
    expect(returned).toMatchObject({ status: 'FILED', pending: false, deadline: { state: 'MET' } });
    expect(returned.assignee).toBeUndefined();
    expect(returned.rounds[0]).toMatchObject({
      opinion: 'RETURN',
      text: '罚款数额需重新论证',
      points: ['货值计算依据不足', '从轻理由需补充证据'],
      returnTo: 'PROPOSAL',
      reviewer: { userId: api.id('reviewer.liu'), name: '刘洋' },
    });
    expect((await api.myTasks('reviewer.liu')).items.filter((t) => t.caseId === id)).toEqual([]);

    // A new proposal, reviewed again: two rounds, each with the proposal it reviewed.
    await reportedAndHeard(api, id, 130000);
    const again = await ok(api.command('officer.zhang', id, 'legal-review-request', { reviewerId: api.id('reviewer.liu') }));
    expect(again.body.case.discretion).toMatchObject({ range: { min: 120000, max: 156000 } });
    const second = await read('reviewer.liu', id);
    expect(second.proposal?.proposedPenalty?.fineAmount).toBe(130000);
    expect(second.rounds.map((r) => [r.round, r.proposal?.penalty?.fineAmount, r.opinion ?? null])).toEqual([
      [1, 150000, 'RETURN'],
      [2, 130000, null],
    ]);
    await ok(api.command('reviewer.liu', id, 'legal-review', { opinion: 'APPROVE', text: '同意' }));
    const approved = await read('head.sun', id);
    expect(approved).toMatchObject({ status: 'LEGAL_REVIEW_PASSED', pending: false });
    expect(approved.rounds.map((r) => r.opinion)).toEqual(['RETURN', 'APPROVE']);
  });
});
