import { randomUUID } from 'node:crypto';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { http, startStack, Stack } from '../support/stack';
import { HmacTokenVerifier } from '../../apps/case-api/src/auth/token-verifier';
import { ago, Client, deadline, decisionContents, type CommandBody } from './command-helpers';
import { organisation } from './legal-review-helpers';
import type { HttpResult } from '../support/stack';

interface Task {
  caseId: string;
  action: string;
  deadline?: string;
}

// 法制审核 over HTTP (APL 58): a case marked major, the review requested of a
// named qualified reviewer, only they answer, the head reassigns, a RETURN
// sends the case back and a new proposal is reviewed again; collective
// discussion and decision. Each refusal: its status, code, and nothing recorded.
describe('legal review of a major decision, over HTTP', () => {
  let stack: Stack;
  let api: Client;
  let unqualified: { id: string; token: string };

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
    // A legal reviewer of the agency whose only certificate is an enforcement one: not the qualification the demo policy names.
    const id = randomUUID();
    await stack.ds.query('INSERT INTO users (id, agency_id, username, name, roles, active) VALUES ($1, $2, $3, $4, $5, true)', [
      id,
      DEMO_AGENCY.id,
      `e2e.${id}`,
      '未取得资格的审核人员',
      ['LEGAL_REVIEWER'],
    ]);
    await stack.ds.query(
      "INSERT INTO certificates (id, user_id, number, scope, valid_from, valid_to, status) VALUES ($1, $2, $3, 'ENFORCEMENT:market', '2024-01-01', '2028-12-31', 'ACTIVE')",
      [randomUUID(), id, `E2E-${id.slice(0, 8)}`],
    );
    unqualified = { id, token: await stack.api.get(HmacTokenVerifier).issue({ sub: id, agencyId: DEMO_AGENCY.id, roles: ['LEGAL_REVIEWER'] }) };
  });
  afterAll(() => stack?.close());


  async function ok(res: Promise<HttpResult<unknown>>, status = 200): Promise<HttpResult<CommandBody>> {
    const r = await res;
    if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
    return r as HttpResult<CommandBody>;
  }

  /** Reported (a fine of `fineAmount`), reviewed, noticed, the defence and the hearing waived: ready for the legal review. */
  /**
   * 《食品安全法》art 122 under the demo benchmark: goods of ¥12,000 → 10–20×, 从轻 ¥120,000–156,000;
   * goods of ¥3,000 → ¥50,000–100,000, 从轻 ¥50,000–65,000. Each fine here is 从轻, with its reasons.
   */
  async function defended(id: string, fineAmount: number, n: string, goods = 12000) {
    await ok(
      api.command('officer.li', id, 'investigation-report', {
        findings: `Sold packaged food worth ¥${goods} without a food business licence`,
        proposedOutcome: 'PENALTY',
        proposedPenalty: { kinds: ['FINE'], fineAmount },
        legalBasis: '《食品安全法》第一百二十二条',
        circumstanceLevel: 'LIGHTER',
        discretionReasons: '初次违法, 积极配合调查',
        discretionBases: [{ kind: 'GOODS_VALUE', value: goods }],
      }),
    );
    await ok(api.command('reviewer.liu', id, 'case-review', { opinion: 'AGREE', comments: 'facts clear' }));
    await api.approveNotice(id);
    await ok(
      api.command('officer.zhang', id, 'notice', {
        noticeNumber: `长市监告〔2026〕E2E-LR-${n}号`,
        text: '拟罚款; 你有陈述、申辩和要求听证的权利.',
        hearingRightsNotified: true,
        method: 'DIRECT',
        servedAt: ago(30),
        recipient: '法定代表人',
        proof: `送达回证 E2E-LR-${n}`,
      }),
    );
    await ok(api.command('officer.zhang', id, 'defence', { waived: true, hearingWaived: true }));
  }

  async function major(fineAmount = 150000, n = randomUUID().slice(0, 6)): Promise<string> {
    const id = await api.filedCase(organisation());
    await ok(api.textEvidence(id), 201);
    await defended(id, fineAmount, n);
    return id;
  }

  async function tasks(username: string, caseId: string): Promise<Task[]> {
    const res = await http<{ items: Task[] }>(stack, 'GET', '/api/v1/me/tasks', { token: await api.token(username) });
    expect(res.status).toBe(200);
    return res.body.items.filter((t) => t.caseId === caseId);
  }

  it('refuses a request naming no reviewer, one who is not a reviewer, or one without the qualification', async () => {
    const id = await major();
    const none = await api.refused(id, () => api.command('officer.zhang', id, 'legal-review-request', { note: 'x' }));
    expect(none.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    const officer = await api.refused(id, () => api.command('officer.zhang', id, 'legal-review-request', { reviewerId: api.id('officer.wang') }));
    expect(officer.body).toMatchObject({ status: 422, code: 'LEGAL_REVIEW.NOT_A_REVIEWER' });
    const notQualified = await api.refused(id, () => api.command('officer.zhang', id, 'legal-review-request', { reviewerId: unqualified.id }));
    expect(notQualified.body).toMatchObject({ status: 422, code: 'LEGAL_REVIEW.REVIEWER_NOT_QUALIFIED' });
    expect(notQualified.body.detail).toContain('LEGAL_REVIEW');
  });

  it('only the named reviewer answers; the head reassigns; a RETURN sends the case back and the new proposal is reviewed again', async () => {
    const id = await major();
    const requested = await ok(api.command('officer.zhang', id, 'legal-review-request', { reviewerId: api.id('reviewer.liu'), note: 'fine above ¥100,000' }));
    expect(requested.body.case.status).toBe('LEGAL_REVIEW_PENDING');
    expect(deadline(requested.body.case, 'legalReview')).toMatchObject({ state: 'OPEN', basis: { days: 5, kind: 'WORKING' } });
    expect(requested.body.case.flags).toEqual(expect.arrayContaining(['MAJOR_DECISION', 'COLLECTIVE_DISCUSSION_REQUIRED']));

    // The named reviewer sees it, by its own limit; the other reviewer does not; the head has nothing to reassign yet.
    expect((await tasks('reviewer.liu', id)).map((t) => [t.action, t.deadline])).toEqual([['legal-review', 'legalReview']]);
    expect(await tasks('reviewer.ma', id)).toEqual([]);
    expect((await tasks('head.sun', id)).map((t) => t.action)).not.toContain('legal-review-assignment');

    const other = await api.refused(id, () => api.command('reviewer.ma', id, 'legal-review', { opinion: 'APPROVE', text: '同意' }));
    expect(other.body).toMatchObject({ status: 403, code: 'LEGAL_REVIEW.NOT_ASSIGNED_REVIEWER' });
    const unq = await api.refused(id, () =>
      http(stack, 'POST', `/api/v1/cases/${id}/legal-review`, { token: unqualified.token, body: { opinion: 'APPROVE', text: '同意' } }),
    );
    expect(unq.body).toMatchObject({ status: 403, code: 'LEGAL_REVIEW.NOT_ASSIGNED_REVIEWER' });

    const same = await api.refused(id, () => api.command('head.sun', id, 'legal-review-assignment', { reviewerId: api.id('reviewer.liu'), reason: 'x' }));
    expect(same.body).toMatchObject({ status: 422, code: 'LEGAL_REVIEW.SAME_REVIEWER' });
    const byOfficer = await api.refused(id, () => api.command('officer.zhang', id, 'legal-review-assignment', { reviewerId: api.id('reviewer.ma'), reason: 'x' }));
    expect(byOfficer.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
    const reassigned = await ok(api.command('head.sun', id, 'legal-review-assignment', { reviewerId: api.id('reviewer.ma'), reason: '刘洋 is on leave' }));
    expect(deadline(reassigned.body.case, 'legalReview')?.state).toBe('OPEN');
    const first = await api.refused(id, () => api.command('reviewer.liu', id, 'legal-review', { opinion: 'APPROVE', text: '同意' }));
    expect(first.body).toMatchObject({ status: 403, code: 'LEGAL_REVIEW.NOT_ASSIGNED_REVIEWER' });

    const noPoints = await api.refused(id, () => api.command('reviewer.ma', id, 'legal-review', { opinion: 'RETURN', text: '退回', returnTo: 'PROPOSAL' }));
    expect(noPoints.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    const returned = await ok(
      api.command('reviewer.ma', id, 'legal-review', { opinion: 'RETURN', text: '退回补充', points: ['罚款数额应说明货值计算'], returnTo: 'PROPOSAL' }),
    );
    expect(returned.body.case.status).toBe('FILED');
    expect(deadline(returned.body.case, 'legalReview')?.state).toBe('MET');

    // The new proposal is a new report: reviewed, noticed and legally reviewed again; then discussed and decided.
    await defended(id, 120000, randomUUID().slice(0, 6));
    const decision = {
      outcome: 'PENALTY',
      penalty: { kinds: ['FINE'], fineAmount: 120000 },
      documentNumber: `长市监罚〔2026〕E2E-LR-${id.slice(0, 6)}号`,
      text: '决定: 罚款.',
      ...decisionContents(await api.evidenceIds(id)),
    };
    const unreviewed = await api.refused(id, () => api.command('head.sun', id, 'decision', decision));
    expect(unreviewed.body).toMatchObject({ status: 409, code: 'CASE.PRE_DECISION_STEP_MISSING' });
    await ok(api.command('officer.zhang', id, 'legal-review-request', { reviewerId: api.id('reviewer.ma') }));
    await ok(api.command('reviewer.ma', id, 'legal-review', { opinion: 'APPROVE', text: '同意' }));
    const undiscussed = await api.refused(id, () => api.command('head.sun', id, 'decision', decision));
    expect(undiscussed.body).toMatchObject({ status: 409, code: 'CASE.PRE_DECISION_STEP_MISSING' });
    await ok(
      api.command('head.sun', id, 'collective-discussion', {
        heldAt: ago(5),
        attendeeIds: [api.id('head.sun'), api.id('head.qian')],
        minutes: '集体讨论记录',
        resolution: 'impose ¥120,000',
      }),
    );
    const decided = await ok(api.command('head.sun', id, 'decision', decision));
    expect(decided.body.case.status).toBe('DECIDED');
    const types = await api.eventTypes(id);
    expect(types.filter((t) => t.startsWith('LEGAL_REVIEW_'))).toEqual([
      'LEGAL_REVIEW_REQUESTED',
      'LEGAL_REVIEW_REASSIGNED',
      'LEGAL_REVIEW_RECORDED',
      'LEGAL_REVIEW_REQUESTED',
      'LEGAL_REVIEW_RECORDED',
    ]);
  });

  it('a case marked major by its officer needs the review whatever its amount; a second mark is refused', async () => {
    const id = await api.filedCase(organisation());
    await ok(api.textEvidence(id), 201);
    const badGround = await api.refused(id, () => api.command('officer.zhang', id, 'major-case', { grounds: ['BIG'], reason: 'x' }));
    expect(badGround.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    const outsider = await api.refused(id, () => api.command('officer.wang', id, 'major-case', { grounds: ['COMPLEX'], reason: 'x' }));
    expect(outsider.body).toMatchObject({ status: 403, code: 'CASE.NOT_ASSIGNED' });
    const marked = await ok(api.command('officer.zhang', id, 'major-case', { grounds: ['MAJOR_PUBLIC_INTEREST', 'COMPLEX'], reason: 'Food sold to a school canteen' }));
    expect(marked.body.case.flags).toEqual(expect.arrayContaining(['MAJOR_DECISION', 'COLLECTIVE_DISCUSSION_REQUIRED']));
    const again = await api.refused(id, () => api.command('head.sun', id, 'major-case', { grounds: ['COMPLEX'], reason: 'x' }));
    expect(again.body).toMatchObject({ status: 409, code: 'LEGAL_REVIEW.ALREADY_MARKED' });

    // ¥50,000 for an organisation is under the review list's ¥100,000: only the mark sends it to review.
    await defended(id, 50000, randomUUID().slice(0, 6), 3000);
    const decision = {
      outcome: 'PENALTY',
      penalty: { kinds: ['FINE'], fineAmount: 50000 },
      documentNumber: `长市监罚〔2026〕E2E-MK-${id.slice(0, 6)}号`,
      text: '决定: 罚款.',
      ...decisionContents(await api.evidenceIds(id)),
    };
    const missing = await api.refused(id, () => api.command('head.sun', id, 'decision', decision));
    expect(missing.body).toMatchObject({ status: 409, code: 'CASE.PRE_DECISION_STEP_MISSING' });
    expect(missing.body.errors?.map((e) => e.field)).toEqual(['legal-review', 'collective-discussion']);
    // The mark and the grounds it gives are in the case's state (the read model keeps the whole state).
    const [row] = (await stack.ds.query('SELECT state FROM cases WHERE id = $1', [id])) as { state: { majorCase?: unknown; reviewGrounds?: { legalReview: string[] } } }[];
    expect(row.state.majorCase).toMatchObject({ grounds: ['MAJOR_PUBLIC_INTEREST', 'COMPLEX'], reason: 'Food sold to a school canteen', markedBy: { userId: api.id('officer.zhang') } });
    expect(row.state.reviewGrounds?.legalReview).toEqual([expect.stringContaining('marked MAJOR_PUBLIC_INTEREST, COMPLEX')]);
  });
});
