import { agencyToday, daysBetween } from '../support/due-leads';
import { eventually } from '../support/eventually';
import { startStack, Stack } from '../support/stack';
import { ago, Client, deadline } from './command-helpers';

// Execution over HTTP (APL 66–67, 72; ACL 40, 53–54): a payment period that
// passed unpaid (the demo policy's 15 days, the service entered after the
// fact weeks ago: the stack publishes no policy of its own, which would
// become every other suite's current one), then a head's instalment
// plan, payments through a named bank, the demand and the court application's
// waiting periods, and the end of execution that lets the case close.
describe('execution over HTTP', () => {
  let stack: Stack;
  let api: Client;
  const bank = { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' };

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  /** A day `n` days after today in the agency's zone. */
  function day(n: number): string {
    const d = new Date(`${agencyToday()}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  /** A ¥200 on-the-spot fine, served `servedDaysAgo` days ago at noon in Shanghai (recorded after the fact), whose payment period has passed unpaid. */
  async function overdueCase(document: string, servedDaysAgo: number): Promise<string> {
    const servedAt = `${day(-servedDaysAgo)}T04:00:00Z`;
    const lead = await api.register({ procedure: 'SIMPLE', violationCode: 'TRAFFIC-RULE', party: { type: 'PERSON', name: '李某' }, officerIds: [api.id('officer.zhang')] });
    const decided = await api.command('officer.zhang', lead.id, 'simple-decision', {
      facts: 'Vehicle stopped in a no-stopping zone',
      legalBasis: '《道路交通安全法》第九十条',
      penalty: { kinds: ['FINE'], fineAmount: 200 },
      documentNumber: document,
      text: '当场处罚决定书: 罚款 200 元',
      service: { method: 'DIRECT', servedAt, recipient: '李某', proof: '当事人签收' },
      defence: { waived: true },
    });
    expect(decided.status).toBe(200);
    await eventually(async () => (await api.case('head.sun', lead.id)).flags.includes('PAYMENT_OVERDUE'));
    return lead.id;
  }

  it('an instalment plan approved by the head ends PAYMENT_OVERDUE; instalments through a bank; the plan and the payments are refused where the law says', async () => {
    // Served 60 days ago: the 15 days ended weeks ago, and the surcharge has reached its cap, the fine itself (APL 72).
    const id = await overdueCase('长市监简〔2026〕E2E-X1号', 60);
    const c = await api.case('head.sun', id);
    expect(deadline(c, 'payment')?.state).toBe('MISSED');
    expect(c.ledger).toMatchObject({ fine: 200, amountDue: 200, surchargeAccrued: 200, capped: true, outstanding: 400 });

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
    expect((await api.case('head.sun', id)).ledger).toMatchObject({ paidOnDecision: 100, outstanding: 300, dueDate: second.basis.dueDate });

    // The rest of the fine and the surcharge accrued before the plan: a fen more is refused.
    const over = await api.refused(id, () => api.command('officer.zhang', id, 'payments', { amount: 300.01, paidAt: ago(1), receipt: 'No. X2', collector: bank }));
    expect(over.body).toMatchObject({ status: 422, code: 'PAYMENT.EXCEEDS_AMOUNT_DUE' });
    const rest = await api.command('officer.zhang', id, 'payments', { amount: 300, paidAt: ago(0), receipt: 'No. X2', collector: bank });
    expect(rest.body.case.status).toBe('EXECUTED');
    const [row] = await stack.ds.query('SELECT state FROM cases WHERE id = $1', [id]);
    expect(row.state.payments.map((p: { collector: unknown }) => p.collector)).toEqual([bank, bank]);
  });

  it('a demand after the period; the court is not applied to within 10 working days of it; execution ended by the head lets the case close', async () => {
    const id = await overdueCase('长市监简〔2026〕E2E-X2号', 60);
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
      // What was left unpaid: the fine and the surcharge accrued to its cap.
      ended: { reason: 'PARTY_DIED_NO_ESTATE', unpaid: 400 },
      accruing: false,
    });

    expect((await api.command('officer.zhang', id, 'simple-report', { note: 'reported' })).status).toBe(200);
    const closed = await api.command('head.sun', id, 'closure', { summary: '终结执行后结案' });
    expect(closed.body.case.status).toBe('CLOSED');
  });

  it('the court is applied to once the demand has gone unanswered and the challenge windows have closed; its rulings are recorded (ACL 53, 54)', async () => {
    // Served 200 days ago: review (60 days) and litigation (6 months) windows closed weeks ago; the 3 months to apply run.
    const id = await overdueCase('长市监简〔2026〕E2E-X4号', 200);
    expect((await api.command('officer.zhang', id, 'enforcement/demand', { documentNumber: '催告 E2E-4', servedAt: `${day(-30)}T04:00:00Z` })).status).toBe(200);
    const court = { court: '长治市潞州区人民法院', documentNumber: '强执申 E2E-4', appliedAt: ago(0) };
    const byOfficer = await api.refused(id, () => api.command('officer.zhang', id, 'enforcement/court', court));
    expect(byOfficer.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
    const applied = await api.command('head.sun', id, 'enforcement/court', court);
    expect({ status: applied.status, body: applied.status === 200 ? 'recorded' : applied.body }).toEqual({ status: 200, body: 'recorded' });
    expect(applied.body.recorded).toEqual([expect.objectContaining({ type: 'COURT_ENFORCEMENT_APPLIED' })]);
    expect(deadline(applied.body.case, 'courtEnforcement')?.state).toBe('MET');
    const twice = await api.refused(id, () => api.command('head.sun', id, 'enforcement/court', court));
    expect(twice.body).toMatchObject({ status: 409, code: 'ENFORCEMENT.ALREADY_APPLIED' });

    const accepted = await api.command('officer.zhang', id, 'enforcement/ruling', { ruling: 'ACCEPTED', at: ago(0), note: '法院已受理' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.recorded).toEqual([expect.objectContaining({ type: 'COURT_RULING_RECORDED' })]);
    expect((await api.case('head.sun', id)).ledger).toMatchObject({
      demand: { documentNumber: '催告 E2E-4' },
      court: { court: '长治市潞州区人民法院', documentNumber: '强执申 E2E-4', rulings: [expect.objectContaining({ ruling: 'ACCEPTED', note: '法院已受理' })] },
    });
  });

  it('the late surcharge: 3 % of the fine a day, not while a challenge was pending; the fine and the surcharge are accepted, a fen more is not', async () => {
    // Served 30 days ago: the 15 days (rolled past any day off) ended k days ago, k between 7 and 15 — one surcharge day each.
    const id = await overdueCase('长市监简〔2026〕E2E-X3号', 30);
    const due = deadline(await api.case('head.sun', id), 'payment')!.basis.dueDate;
    const k = daysBetween(due, agencyToday());
    expect(k).toBeGreaterThanOrEqual(7);
    expect((await api.case('head.sun', id)).ledger).toMatchObject({ surchargeDays: k, surchargeAccrued: 6 * k, accruing: true, outstanding: 200 + 6 * k });

    // A reconsideration filed 3 days ago and still pending: the days from its filing are not counted (APL 73).
    const filed = await api.command('officer.zhang', id, 'challenges', { kind: 'RECONSIDERATION', stage: 'FILED', at: `${day(-3)}T04:00:00Z`, body: '长治市人民政府' });
    expect(filed.status).toBe(200);
    expect((await api.case('head.sun', id)).ledger).toMatchObject({ surchargeDays: k - 4, surchargeAccrued: 6 * (k - 4), accruing: false });
    // Decided yesterday: the 2 days it was pending stay uncounted, the rest count again.
    const decided = await api.command('officer.zhang', id, 'challenges', {
      challengeId: filed.body.challengeId,
      kind: 'RECONSIDERATION',
      stage: 'DECIDED',
      at: `${day(-1)}T04:00:00Z`,
      body: '长治市人民政府',
      result: 'UPHELD',
    });
    expect(decided.status).toBe(200);
    const owed = 200 + 6 * (k - 2);
    expect((await api.case('head.sun', id)).ledger).toMatchObject({ surchargeDays: k - 2, surchargeAccrued: 6 * (k - 2), accruing: true, outstanding: owed });

    const over = await api.refused(id, () => api.command('officer.zhang', id, 'payments', { amount: owed + 0.01, paidAt: ago(1), receipt: 'No. X3', collector: bank }));
    expect(over.body).toMatchObject({ status: 422, code: 'PAYMENT.EXCEEDS_AMOUNT_DUE' });
    const paid = await api.command('officer.zhang', id, 'payments', { amount: owed, paidAt: ago(1), receipt: 'No. X3', collector: bank });
    expect(paid.status).toBe(200);
    expect(paid.body.case.status).toBe('EXECUTED');
    expect(paid.body.case.flags).not.toContain('PAYMENT_OVERDUE');
    expect((await api.case('head.sun', id)).ledger).toMatchObject({ paidOnDecision: 200, paidOnSurcharge: 6 * (k - 2), outstanding: 0, accruing: false });
  });
});
