import { caseWorkflowId } from '@zhifa/contracts';
import { TemporalClientProvider } from '../../apps/case-api/src/temporal/temporal-client.provider';
import { startStack, Stack } from '../support/stack';
import { ago, CaseBody, Client, deadline, decisionContents } from './command-helpers';

// 复议 and 诉讼 over HTTP (issue 10, "no dead ends"): the windows run from
// service, an outcome takes effect on the decision, archiving waits for a
// pending challenge, and an archived case records a later one as a supplement.
/** 罚缴分离 (APL 67): every payment names the bank that collected it. */
const BANK = { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' };

describe('challenges that take effect', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  async function ok(res: Promise<{ status: number; body: unknown }>): Promise<{ case: CaseBody } & Record<string, unknown>> {
    const r = await res;
    if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body as { case: CaseBody } & Record<string, unknown>;
  }

  /** An ordinary case decided (a ¥3,000 fine, 《产品质量法》art 50 on goods of ¥2,000) and served now. */
  async function servedCase(): Promise<string> {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    await api.textEvidence(id);
    await ok(
      api.command('officer.li', id, 'investigation-report', {
        findings: 'The party sold substandard goods worth ¥2,000 as standard',
        proposedOutcome: 'PENALTY',
        proposedPenalty: { kinds: ['FINE'], fineAmount: 3000 },
        legalBasis: '《产品质量法》第五十条',
        circumstanceLevel: 'GENERAL',
        discretionBases: [{ kind: 'GOODS_VALUE', value: 2000 }],
      }),
    );
    await ok(api.command('reviewer.liu', id, 'case-review', { opinion: 'AGREE', comments: 'facts clear' }));
    await api.approveNotice(id);
    await ok(
      api.command('officer.zhang', id, 'notice', {
        noticeNumber: `长市监告〔2026〕CH-${id.slice(0, 6)}号`,
        text: '拟罚款叁仟元',
        hearingRightsNotified: false,
        method: 'DIRECT',
        servedAt: ago(30),
        recipient: '王某',
        proof: '送达回证',
      }),
    );
    await ok(api.command('officer.zhang', id, 'defence', { waived: true }));
    await ok(
      api.command('head.sun', id, 'decision', {
        outcome: 'PENALTY',
        penalty: { kinds: ['FINE'], fineAmount: 3000 },
        documentNumber: `长市监罚〔2026〕CH-${id.slice(0, 6)}号`,
        text: '决定: 罚款人民币叁仟元整',
        ...decisionContents(await api.evidenceIds(id), { legalBasis: '《产品质量法》第五十条' }),
      }),
    );
    await ok(api.command('officer.zhang', id, 'service', { method: 'DIRECT', servedAt: new Date().toISOString(), recipient: '王某', proof: '送达回证' }));
    return id;
  }

  const filed = (kind: 'RECONSIDERATION' | 'LITIGATION', body = kind === 'LITIGATION' ? '长治市潞州区人民法院' : '长治市人民政府') => ({ kind, stage: 'FILED', at: new Date().toISOString(), body });
  const decided = (challengeId: string, kind: 'RECONSIDERATION' | 'LITIGATION', result: string, extra: Record<string, unknown> = {}) => ({
    challengeId,
    kind,
    stage: 'DECIDED',
    at: new Date().toISOString(),
    body: kind === 'LITIGATION' ? '长治市潞州区人民法院' : '长治市人民政府',
    result,
    ...extra,
  });

  it('service arms both windows (60 days, 6 months) and names when the decision becomes final', async () => {
    const id = await servedCase();
    const c = await api.case('officer.zhang', id);
    expect(deadline(c, 'reconsiderationWindow')).toMatchObject({ state: 'OPEN', basis: { days: 60, kind: 'CALENDAR', source: 'ARL 20 (60 days from service)' } });
    expect(deadline(c, 'litigationWindow')).toMatchObject({ state: 'OPEN', basis: { months: 6, kind: 'CALENDAR', source: 'ALL 46 (6 months from service)' } });
    expect(c).toMatchObject({ amountDue: 3000, decisionFinalAt: deadline(c, 'litigationWindow')!.dueAt, decisionFinal: false });
  });

  it('served → reconsideration → REVOKED: nothing due, the payment clock cancelled, payment refused, the case closes', async () => {
    const id = await servedCase();
    const challenge = await ok(api.command('officer.zhang', id, 'challenges', filed('RECONSIDERATION')));
    const challengeId = challenge.challengeId as string;
    // Pending: not final.
    expect(challenge.case.decisionFinalAt).toBeUndefined();
    const revoked = await ok(api.command('officer.zhang', id, 'challenges', decided(challengeId, 'RECONSIDERATION', 'REVOKED')));
    expect(revoked.case).toMatchObject({ status: 'SERVED', amountDue: 0 });
    expect(revoked.case.flags).toContain('DECISION_REVOKED');
    expect(deadline(revoked.case, 'payment')?.state).toBe('CANCELLED');
    expect(deadline(revoked.case, 'closure')?.state).toBe('OPEN');

    const pay = await api.refused(id, () => api.command('officer.li', id, 'payments', { amount: 3000, paidAt: new Date().toISOString(), receipt: '缴款书', collector: BANK }));
    expect(pay.body).toMatchObject({ status: 409, code: 'PAYMENT.DECISION_REVOKED', state: 'SERVED' });
    expect(pay.body.allowedActions).not.toContain('payments');

    const closed = await ok(api.command('head.sun', id, 'closure', { summary: '处罚决定经行政复议撤销，结案' }));
    expect(closed.case.status).toBe('CLOSED');
  });

  it('paid → lawsuit → VARIED: the lighter penalty and its amount, the excess owed back; heavier or malformed is refused', async () => {
    const id = await servedCase();
    await ok(api.command('officer.li', id, 'payments', { amount: 3000, paidAt: new Date().toISOString(), receipt: '缴款书 CH-1', collector: BANK }));
    const challengeId = (await ok(api.command('officer.zhang', id, 'challenges', filed('LITIGATION')))).challengeId as string;

    const heavier = await api.refused(id, () =>
      api.command('officer.zhang', id, 'challenges', decided(challengeId, 'LITIGATION', 'VARIED', { penalty: { kinds: ['FINE'], fineAmount: 4000 } })),
    );
    expect(heavier.body).toMatchObject({ status: 422, code: 'CHALLENGE.VARIED_HEAVIER' });
    const missing = await api.refused(id, () => api.command('officer.zhang', id, 'challenges', decided(challengeId, 'LITIGATION', 'VARIED')));
    expect(missing.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    const stray = await api.refused(id, () =>
      api.command('officer.zhang', id, 'challenges', decided(challengeId, 'LITIGATION', 'UPHELD', { penalty: { kinds: ['WARNING'] } })),
    );
    expect(stray.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED', errors: [expect.objectContaining({ field: 'penalty' })] });

    const varied = await ok(
      api.command('officer.zhang', id, 'challenges', decided(challengeId, 'LITIGATION', 'VARIED', { penalty: { kinds: ['FINE'], fineAmount: 2000 } })),
    );
    expect(varied.case).toMatchObject({ status: 'EXECUTED', amountDue: 2000, refundOwed: 1000 });
    const [row] = await stack.ds.query('SELECT state FROM cases WHERE id = $1', [id]);
    expect(row.state.decision.varied).toMatchObject({ penalty: { kinds: ['FINE'], fineAmount: 2000 }, challengeId });
  });

  it('closed → lawsuit: archiving waits for the court (409, nothing recorded); after it the case archives', async () => {
    const id = await servedCase();
    await ok(api.command('officer.li', id, 'payments', { amount: 3000, paidAt: new Date().toISOString(), receipt: '缴款书 CH-2', collector: BANK }));
    await ok(api.command('head.sun', id, 'closure', { summary: '罚款已缴清' }));
    const challengeId = (await ok(api.command('officer.zhang', id, 'challenges', filed('LITIGATION')))).challengeId as string;

    const early = await api.refused(id, () => api.command('officer.zhang', id, 'archive'));
    expect(early.body).toMatchObject({ status: 409, code: 'CASE.CHALLENGE_PENDING', state: 'CLOSED' });
    expect(early.body.allowedActions).not.toContain('archive');

    await ok(api.command('officer.zhang', id, 'challenges', decided(challengeId, 'LITIGATION', 'DISMISSED')));
    const archived = await api.archive(id);
    expect(archived).toMatchObject({ status: 'ARCHIVED', allowedActions: ['challenges'] });
  });

  it('archived → a later lawsuit and its judgment are recorded as supplements on the same chain; nothing else is', async () => {
    const id = await servedCase();
    await ok(api.command('officer.li', id, 'payments', { amount: 3000, paidAt: new Date().toISOString(), receipt: '缴款书 CH-3', collector: BANK }));
    await ok(api.command('head.sun', id, 'closure', { summary: '罚款已缴清' }));
    await api.archive(id);
    // The archiving run ends; a supplement starts a new run of the same workflow.
    const temporal = stack.api.get(TemporalClientProvider).client;
    await temporal.workflow.getHandle(caseWorkflowId(id)).result();

    // Within the 6 months of ALL 46 the party sues; the court later revokes the decision.
    const sued = await ok(api.command('officer.zhang', id, 'challenges', filed('LITIGATION')));
    expect(sued.recorded).toEqual([{ seq: 15, type: 'CHALLENGE_RECORDED' }]);
    const challengeId = sued.challengeId as string;
    const judged = await ok(api.command('officer.zhang', id, 'challenges', decided(challengeId, 'LITIGATION', 'REVOKED')));
    expect(judged.recorded).toEqual([{ seq: 16, type: 'CHALLENGE_RECORDED' }]);
    expect(judged.case).toMatchObject({ status: 'ARCHIVED', amountDue: 0, refundOwed: 3000 });

    // The file is otherwise sealed.
    const close = await api.refused(id, () => api.command('head.sun', id, 'closure', { summary: 'again' }));
    expect(close.body).toMatchObject({ status: 409, code: 'CASE.ARCHIVED' });
    const pay = await api.refused(id, () => api.command('officer.li', id, 'payments', { amount: 1, paidAt: new Date().toISOString(), receipt: 'x', collector: BANK }));
    expect(pay.body).toMatchObject({ status: 409, code: 'CASE.ARCHIVED' });
    // A head is no case officer: no supplement from them either (403, nothing recorded).
    const foreign = await api.refused(id, () => api.command('head.sun', id, 'challenges', filed('RECONSIDERATION')));
    expect(foreign.body.status).toBe(403);

    expect((await api.eventTypes(id)).slice(-5)).toEqual(['CASE_CLOSED', 'ARCHIVE_REQUESTED', 'CASE_ARCHIVED', 'CHALLENGE_RECORDED', 'CHALLENGE_RECORDED']);
    expect((await api.get('head.sun', `/cases/${id}/timeline/verify`)).body).toEqual({ valid: true, events: 16 });
    const [row] = await stack.ds.query('SELECT status, state FROM cases WHERE id = $1', [id]);
    expect(row.status).toBe('ARCHIVED');
    expect(row.state.challenges).toEqual([expect.objectContaining({ challengeId, result: 'REVOKED', supplement: true })]);
    // The supplement run ends too once it has recorded.
    await temporal.workflow.getHandle(caseWorkflowId(id)).result();
  });
});
