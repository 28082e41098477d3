import { randomUUID } from 'node:crypto';
import { startStack, Stack } from '../support/stack';
import { ago, Client, deadline } from './command-helpers';

// 两法衔接 over HTTP: a dispatch before the head approved it, the police's
// intake review within 24 hours of receipt (R310 7), and filing supervision's
// steps (the procuratorate asks the police to explain their refusal, the
// police explain) — each by the right role of the addressed body, each
// refusal recording nothing.
describe('the limits of the police and the procuratorate on a transfer, over HTTP', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  const team = () => [api.id('officer.zhang'), api.id('officer.li')];

  async function ok(user: string, id: string, action: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
    const res = await api.command(user, id, action, body, headers);
    expect({ action, status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({ action, status: 200, body: undefined });
    return res.body.case;
  }

  const dispatch = { policeAgency: '长治市公安局', procuratorate: '长治市人民检察院', documents: ['移送书', '调查报告'] };

  async function received(): Promise<string> {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    await ok('officer.zhang', id, 'criminal-transfer', { grounds: 'sales of fake goods above ¥50,000', officerIds: team() });
    await ok('head.sun', id, 'criminal-transfer/approval', { approve: true, reason: 'threshold reached' });
    await ok('officer.li', id, 'criminal-transfer/dispatch', { sentAt: ago(600), ...dispatch });
    await ok('police.wu', id, 'criminal-transfer/police-decision', { decision: 'RECEIPT', at: ago(500) });
    return id;
  }

  it('a dispatch before the head approved the transfer is refused (409) and records nothing', async () => {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    await ok('officer.zhang', id, 'criminal-transfer', { grounds: 'sales of fake goods above ¥50,000', officerIds: team() });
    const early = await api.refused(id, () => api.command('officer.li', id, 'criminal-transfer/dispatch', { sentAt: ago(10), ...dispatch }));
    expect(early.body).toMatchObject({ status: 409, code: 'CASE.TRANSITION_NOT_ALLOWED', state: 'TRANSFER_PROPOSED' });
    expect((await api.case('officer.li', id)).allowedActions).not.toContain('criminal-transfer/dispatch');
  });

  it("the receipt starts the police's 24 hours; the addressed police record their intake review, once; others are refused", async () => {
    const id = await received();
    const c = await api.case('police.wu', id);
    expect(deadline(c, 'policeIntakeReview')).toMatchObject({ state: 'OPEN', owner: 'POLICE', basis: { source: expect.stringContaining('R310 7') } });
    const tasks = (await api.myTasks('police.wu')).items.filter((t) => t.caseId === id);
    expect(tasks).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'criminal-transfer/intake-review', deadline: 'policeIntakeReview', dueAt: expect.any(String) })]));

    const byOfficer = await api.refused(id, () => api.command('officer.zhang', id, 'criminal-transfer/intake-review', { at: ago(400) }));
    expect(byOfficer.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
    const otherBody = await api.refused(id, () => api.command('police.jiang', id, 'criminal-transfer/intake-review', { at: ago(400) }));
    expect(otherBody.body).toMatchObject({ status: 404, code: 'CASE.NOT_FOUND' });
    const beforeReceipt = await api.refused(id, () => api.command('police.wu', id, 'criminal-transfer/intake-review', { at: ago(550) }));
    expect(beforeReceipt.body).toMatchObject({ status: 422, code: 'TRANSFER.STEP_BEFORE_ITS_CAUSE' });

    const key = `intake-${randomUUID()}`;
    const review = { at: ago(400) };
    const reviewed = await ok('police.wu', id, 'criminal-transfer/intake-review', review, { 'idempotency-key': key });
    expect(deadline(reviewed, 'policeIntakeReview')?.state).toBe('MET');
    const replay = await api.command('police.wu', id, 'criminal-transfer/intake-review', review, { 'idempotency-key': key });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const twice = await api.refused(id, () => api.command('police.wu', id, 'criminal-transfer/intake-review', { at: ago(300) }));
    expect(twice.body).toMatchObject({ status: 409, code: 'TRANSFER.NO_INTAKE_REVIEW' });
    expect((await api.eventTypes(id)).filter((t) => t === 'TRANSFER_INTAKE_CONFIRMED')).toHaveLength(1);
    const timeline = await api.get<{ events: { type: string; payload: Record<string, unknown> }[] }>('head.sun', `/cases/${id}/timeline`);
    expect(timeline.body.events.at(-1)).toMatchObject({ type: 'TRANSFER_INTAKE_CONFIRMED', payload: { body: '长治市公安局' } });
  });

  it('filing supervision: the procuratorate asks the police to explain, the addressed police explain, and only then is filing ordered', async () => {
    const id = await received();
    await ok('police.wu', id, 'criminal-transfer/police-decision', { decision: 'DECLINE', at: ago(450), reason: '未达追诉标准' });
    const asked = await ok('officer.zhang', id, 'criminal-transfer/supervision', { action: 'REQUEST', reason: '不予立案理由不能成立' });
    expect(deadline(asked, 'supervisionExplanationRequest')).toMatchObject({ state: 'OPEN', owner: 'PROCURATORATE' });
    const procTasks = (await api.myTasks('procurator.zheng')).items.filter((t) => t.caseId === id);
    expect(procTasks).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'criminal-transfer/explanation-request', deadline: 'supervisionExplanationRequest' })]));

    const toFile = await api.refused(id, () => api.command('procurator.zheng', id, 'criminal-transfer/supervision', { action: 'RESOLVE', reason: '通知立案', outcome: 'POLICE_TO_FILE' }));
    expect(toFile.body).toMatchObject({ status: 409, code: 'TRANSFER.EXPLANATION_NOT_REQUESTED' });
    const noRequest = await api.refused(id, () => api.command('police.wu', id, 'criminal-transfer/explanation', { at: ago(5), explanation: 'x' }));
    expect(noRequest.body).toMatchObject({ status: 409, code: 'TRANSFER.NO_EXPLANATION_REQUESTED' });
    const byPolice = await api.refused(id, () => api.command('police.wu', id, 'criminal-transfer/explanation-request', { at: ago(5), reason: 'x' }));
    expect(byPolice.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
    const byOfficer = await api.refused(id, () => api.command('officer.zhang', id, 'criminal-transfer/explanation-request', { at: ago(5), reason: 'x' }));
    expect(byOfficer.body.status).toBe(403);
    const noReason = await api.refused(id, () => api.command('procurator.zheng', id, 'criminal-transfer/explanation-request', { at: ago(5) }));
    expect(noReason.body.status).toBe(400);

    // Supervision was asked just now (its recording instant): the notice follows it.
    const noticeAt = ago(0);
    const notice = await ok('procurator.zheng', id, 'criminal-transfer/explanation-request', { at: noticeAt, reason: '需公安机关说明不立案理由' });
    expect(deadline(notice, 'supervisionExplanationRequest')?.state).toBe('MET');
    expect(deadline(notice, 'policeNonFilingExplanation')).toMatchObject({ state: 'OPEN', owner: 'POLICE', startAt: noticeAt });
    const again = await api.refused(id, () => api.command('procurator.zheng', id, 'criminal-transfer/explanation-request', { at: ago(5), reason: 'x' }));
    expect(again.body).toMatchObject({ status: 409, code: 'TRANSFER.EXPLANATION_ALREADY_REQUESTED' });
    const awaited = await api.refused(id, () => api.command('procurator.zheng', id, 'criminal-transfer/supervision', { action: 'RESOLVE', reason: '维持', outcome: 'REFUSAL_UPHELD' }));
    expect(awaited.body).toMatchObject({ status: 409, code: 'TRANSFER.EXPLANATION_AWAITED' });
    expect((await api.myTasks('police.wu')).items.filter((t) => t.caseId === id)).toEqual([
      expect.objectContaining({ action: 'criminal-transfer/explanation', deadline: 'policeNonFilingExplanation' }),
    ]);

    const otherBody = await api.refused(id, () => api.command('police.jiang', id, 'criminal-transfer/explanation', { at: ago(30), explanation: 'x' }));
    expect(otherBody.body).toMatchObject({ status: 404, code: 'CASE.NOT_FOUND' });
    const byProcurator = await api.refused(id, () => api.command('procurator.zheng', id, 'criminal-transfer/explanation', { at: ago(30), explanation: 'x' }));
    expect(byProcurator.body.status).toBe(403);
    const beforeNotice = await api.refused(id, () => api.command('police.wu', id, 'criminal-transfer/explanation', { at: ago(120), explanation: 'x' }));
    expect(beforeNotice.body).toMatchObject({ status: 422, code: 'TRANSFER.STEP_BEFORE_ITS_CAUSE' });
    const explained = await ok('police.wu', id, 'criminal-transfer/explanation', { at: ago(0), explanation: '退货部分不计入销售金额，未达追诉标准' });
    expect(deadline(explained, 'policeNonFilingExplanation')?.state).toBe('MET');

    const filed = await ok('procurator.zheng', id, 'criminal-transfer/supervision', { action: 'RESOLVE', reason: '不立案理由不能成立，通知立案', outcome: 'POLICE_TO_FILE' });
    expect(filed.status).toBe('TRANSFER_ACCEPTED');
    expect((await api.eventTypes(id)).slice(-4)).toEqual(['TRANSFER_SUPERVISION_REQUESTED', 'NON_FILING_EXPLANATION_REQUESTED', 'NON_FILING_EXPLAINED', 'TRANSFER_SUPERVISION_RESOLVED']);

    // Supervisors see the steps and each body's limits.
    const watch = await api.get<{ items: { caseId: string; supervision?: unknown; limits: { kind: string; owner: string; state: string }[] }[] }>(
      'supervisor.zhou',
      '/supervision/transfers?stage=TRANSFER_ACCEPTED&pageSize=100',
    );
    const item = watch.body.items.find((i) => i.caseId === id);
    expect(item?.supervision).toMatchObject({ requestedAt: expect.any(String), explanationRequestedAt: noticeAt, explainedAt: expect.any(String), outcome: 'POLICE_TO_FILE' });
    expect(item?.limits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'policeIntakeReview', owner: 'POLICE', state: 'MET' }),
        expect.objectContaining({ kind: 'supervisionExplanationRequest', owner: 'PROCURATORATE', state: 'MET' }),
        expect.objectContaining({ kind: 'policeNonFilingExplanation', owner: 'POLICE', state: 'MET' }),
      ]),
    );
    expect((await api.get('head.sun', `/cases/${id}/timeline/verify`)).body).toMatchObject({ valid: true });
  });
});
