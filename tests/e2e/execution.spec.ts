import { agencyToday } from '../support/due-leads';
import { eventually } from '../support/eventually';
import { fastPolicy } from '../support/policies';
import { startStack, Stack } from '../support/stack';
import { ago, Client, deadline } from './command-helpers';

// Execution over HTTP (APL 66–67, 72; ACL 40, 53–54): a payment period that
// passes unpaid (2 seconds in this stack's policy), then a head's instalment
// plan, payments through a named bank, the demand and the court application's
// waiting periods, and the end of execution that lets the case close.
describe('execution over HTTP', () => {
  let stack: Stack;
  let api: Client;
  const bank = { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' };

  beforeAll(async () => {
    stack = await startStack({ policy: fastPolicy({ payment: { seconds: 2 } }) });
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  /** A day `n` days after today in the agency's zone. */
  function day(n: number): string {
    const d = new Date(`${agencyToday()}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  /** A ¥200 on-the-spot fine, served (at `servedAt`, recorded after the fact), whose payment period has passed unpaid. */
  async function overdueCase(document: string, servedAt = ago(5)): Promise<string> {
    const lead = await api.register({ procedure: 'SIMPLE', violationCode: 'TRAFFIC-RULE', party: { type: 'PERSON', name: '李某' }, officerIds: [api.id('officer.zhang')] });
    const decided = await api.command('officer.zhang', lead.id, 'simple-decision', {
      facts: 'Vehicle stopped in a no-stopping zone',
      legalBasis: '《道路交通安全法》第九十条',
      penalty: { kinds: ['FINE'], fineAmount: 200 },
      documentNumber: document,
      text: '当场处罚决定书: 罚款 200 元',
      service: { method: 'DIRECT', servedAt, recipient: '李某', proof: '当事人签收' },
    });
    expect(decided.status).toBe(200);
    await eventually(async () => (await api.case('head.sun', lead.id)).flags.includes('PAYMENT_OVERDUE'));
    return lead.id;
  }

  it('an instalment plan approved by the head ends PAYMENT_OVERDUE; instalments through a bank; the plan and the payments are refused where the law says', async () => {
    const id = await overdueCase('长市监简〔2026〕E2E-X1号');
    const c = await api.case('head.sun', id);
    expect(deadline(c, 'payment')?.state).toBe('MISSED');
    // The ledger as of now: the period ended today, so no surcharge day has begun.
    expect(c.ledger).toMatchObject({ fine: 200, amountDue: 200, surchargeAccrued: 0, outstanding: 200 });

    const plan = { kind: 'INSTALMENTS', instalments: [{ dueDate: day(10), amount: 100 }, { dueDate: day(40), amount: 100 }], reason: '当事人确有经济困难，书面申请分期缴纳' };
    const byOfficer = await api.refused(id, () => api.command('officer.zhang', id, 'payment-plan', plan));
    expect(byOfficer.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
    const short = await api.refused(id, () => api.command('head.sun', id, 'payment-plan', { ...plan, instalments: [{ dueDate: day(10), amount: 100 }, { dueDate: day(40), amount: 50 }] }));
    expect(short.body).toMatchObject({ status: 422, code: 'PAYMENT.PLAN_SUM_MISMATCH' });
    const past = await api.refused(id, () => api.command('head.sun', id, 'payment-plan', { ...plan, instalments: [{ dueDate: day(0), amount: 100 }, { dueDate: day(40), amount: 100 }] }));
    expect(past.body).toMatchObject({ status: 422, code: 'PAYMENT.PLAN_DATES_INVALID' });

    const approved = await api.command('head.sun', id, 'payment-plan', plan);
    expect(approved.status).toBe(200);
    expect(approved.body.recorded).toEqual([expect.objectContaining({ type: 'PAYMENT_PLAN_APPROVED' })]);
    expect(approved.body.case.flags).not.toContain('PAYMENT_OVERDUE');
    // Due on the plan's first date (on the next working day when it falls on a day off, MSA 80).
    const due = deadline(approved.body.case, 'payment')!;
    expect(due.state).toBe('OPEN');
    expect(due.basis.rolledForwardFrom ?? due.basis.dueDate).toBe(day(10));
    expect((await api.case('head.sun', id)).ledger?.dueDate).toBe(due.basis.dueDate);
    const again = await api.refused(id, () => api.command('head.sun', id, 'payment-plan', plan));
    expect(again.body).toMatchObject({ status: 409, code: 'PAYMENT.PLAN_EXISTS' });

    // 罚缴分离: the collector is required, and the agency does not collect an ordinary fine itself.
    const noCollector = await api.refused(id, () => api.command('officer.zhang', id, 'payments', { amount: 100, paidAt: ago(1), receipt: 'No. X1' }));
    expect(noCollector.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    const first = await api.command('officer.zhang', id, 'payments', { amount: 100, paidAt: ago(1), receipt: 'No. X1', collector: bank });
    expect(first.body.case.status).toBe('SERVED');
    const second = deadline(first.body.case, 'payment')!;
    expect(second.state).toBe('OPEN');
    expect(second.basis.rolledForwardFrom ?? second.basis.dueDate).toBe(day(40));
    expect((await api.case('head.sun', id)).ledger).toMatchObject({ paidOnDecision: 100, outstanding: 100, dueDate: second.basis.dueDate });

    const over = await api.refused(id, () => api.command('officer.zhang', id, 'payments', { amount: 100.01, paidAt: ago(1), receipt: 'No. X2', collector: bank }));
    expect(over.body).toMatchObject({ status: 422, code: 'PAYMENT.EXCEEDS_AMOUNT_DUE' });
    const rest = await api.command('officer.zhang', id, 'payments', { amount: 100, paidAt: ago(0), receipt: 'No. X2', collector: bank });
    expect(rest.body.case.status).toBe('EXECUTED');
    const [row] = await stack.ds.query('SELECT state FROM cases WHERE id = $1', [id]);
    expect(row.state.payments.map((p: { collector: unknown }) => p.collector)).toEqual([bank, bank]);
  });

  it('a demand after the period; the court is not applied to within 10 working days of it; execution ended by the head lets the case close', async () => {
    const id = await overdueCase('长市监简〔2026〕E2E-X2号');
    const ruling = await api.refused(id, () => api.command('officer.zhang', id, 'enforcement/ruling', { ruling: 'ACCEPTED', at: ago(1) }));
    expect(ruling.body).toMatchObject({ status: 409, code: 'ENFORCEMENT.NOT_APPLIED' });
    const undemanded = await api.refused(id, () => api.command('head.sun', id, 'enforcement/court', { court: '长治市潞州区人民法院', documentNumber: '强执申 E2E-1', appliedAt: ago(0) }));
    expect(undemanded.body).toMatchObject({ status: 409, code: 'ENFORCEMENT.NO_DEMAND' });

    const demand = await api.command('officer.zhang', id, 'enforcement/demand', { documentNumber: '催告 E2E-1', servedAt: ago(0) });
    expect(demand.status).toBe(200);
    // ACL 53: the court within 3 months of the close of the challenge windows; the agency's deadline, reminded.
    expect(deadline(demand.body.case, 'courtEnforcement')).toMatchObject({ state: 'OPEN', basis: { source: expect.stringContaining('ACL 53') } });
    const twice = await api.refused(id, () => api.command('officer.zhang', id, 'enforcement/demand', { documentNumber: '催告 E2E-2', servedAt: ago(0) }));
    expect(twice.body).toMatchObject({ status: 409, code: 'ENFORCEMENT.DEMAND_EXISTS' });
    const early = await api.refused(id, () => api.command('head.sun', id, 'enforcement/court', { court: '长治市潞州区人民法院', documentNumber: '强执申 E2E-1', appliedAt: ago(0) }));
    expect(early.body).toMatchObject({ status: 422, code: 'ENFORCEMENT.DEMAND_PERIOD_RUNNING' });

    // Nothing can be collected: the head ends execution with the ground (ACL 40).
    const byOfficer = await api.refused(id, () => api.command('officer.zhang', id, 'execution-end', { reason: 'PARTY_DIED_NO_ESTATE', facts: '当事人死亡，无遗产', at: ago(0) }));
    expect(byOfficer.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
    const ended = await api.command('head.sun', id, 'execution-end', { reason: 'PARTY_DIED_NO_ESTATE', facts: '当事人死亡，无遗产可供执行，又无义务承受人', at: ago(0) });
    expect(ended.status).toBe(200);
    expect(ended.body.case.flags).not.toContain('PAYMENT_OVERDUE');
    expect(deadline(ended.body.case, 'courtEnforcement')?.state).toBe('CANCELLED');
    expect(deadline(ended.body.case, 'closure')?.state).toBe('OPEN');
    const paidAfter = await api.refused(id, () => api.command('officer.zhang', id, 'payments', { amount: 1, paidAt: ago(0), receipt: 'x', collector: bank }));
    expect(paidAfter.body).toMatchObject({ status: 409, code: 'PAYMENT.NOTHING_DUE' });

    expect((await api.case('head.sun', id)).ledger).toMatchObject({
      demand: { documentNumber: '催告 E2E-1' },
      ended: { reason: 'PARTY_DIED_NO_ESTATE', unpaid: 200 },
      accruing: false,
    });

    expect((await api.command('officer.zhang', id, 'simple-report', { note: 'reported' })).status).toBe(200);
    const closed = await api.command('head.sun', id, 'closure', { summary: '终结执行后结案' });
    expect(closed.body.case.status).toBe('CLOSED');
  });

  it('the late surcharge: 3 % of the fine a day, not while a challenge was pending; the fine and the surcharge are accepted, a fen more is not', async () => {
    // Served at noon in Shanghai 20 days ago, due the same day (this stack's 2-second period): 20 days of surcharge by today.
    const id = await overdueCase('长市监简〔2026〕E2E-X3号', `${day(-20)}T04:00:00Z`);
    expect((await api.case('head.sun', id)).ledger).toMatchObject({ surchargeDays: 20, surchargeAccrued: 120, accruing: true, outstanding: 320 });

    // A reconsideration filed 10 days ago and still pending: the days from its filing are not counted (APL 73).
    const filed = await api.command('officer.zhang', id, 'challenges', { kind: 'RECONSIDERATION', stage: 'FILED', at: `${day(-10)}T04:00:00Z`, body: '长治市人民政府' });
    expect(filed.status).toBe(200);
    expect((await api.case('head.sun', id)).ledger).toMatchObject({ surchargeDays: 9, surchargeAccrued: 54, accruing: false });
    // Decided 5 days ago: the 5 days it was pending stay uncounted, the rest count again.
    const decided = await api.command('officer.zhang', id, 'challenges', {
      challengeId: filed.body.challengeId,
      kind: 'RECONSIDERATION',
      stage: 'DECIDED',
      at: `${day(-5)}T04:00:00Z`,
      body: '长治市人民政府',
      result: 'UPHELD',
    });
    expect(decided.status).toBe(200);
    expect((await api.case('head.sun', id)).ledger).toMatchObject({ surchargeDays: 15, surchargeAccrued: 90, accruing: true, outstanding: 290 });

    const over = await api.refused(id, () => api.command('officer.zhang', id, 'payments', { amount: 290.01, paidAt: ago(1), receipt: 'No. X3', collector: bank }));
    expect(over.body).toMatchObject({ status: 422, code: 'PAYMENT.EXCEEDS_AMOUNT_DUE' });
    const paid = await api.command('officer.zhang', id, 'payments', { amount: 290, paidAt: ago(1), receipt: 'No. X3', collector: bank });
    expect(paid.status).toBe(200);
    expect(paid.body.case.status).toBe('EXECUTED');
    expect(paid.body.case.flags).not.toContain('PAYMENT_OVERDUE');
    expect((await api.case('head.sun', id)).ledger).toMatchObject({ paidOnDecision: 200, paidOnSurcharge: 90, outstanding: 0, accruing: false });
  });
});
