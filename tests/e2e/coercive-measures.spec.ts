import { eventually } from '../support/eventually';
import { startStack, Stack } from '../support/stack';
import { ago, Client, DAY_MS, deadline, type CaseBody } from './command-helpers';

// 先行登记保存 (APL 56) and 查封扣押 (ACL 22–28) over HTTP: the lawful paths,
// each refusal with its status and code and nothing recorded, and the
// workflow's timer lapsing a preservation left undecided for 7 working days.
describe('coercive measures over HTTP', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  const team = () => [api.id('officer.zhang'), api.id('officer.li')];
  const items = [
    { description: '无标签预包装食品', quantity: 120, unit: '袋', location: '长治市潞州区某街12号仓库', custodian: '王某' },
    { description: '进货台账', quantity: 1, unit: '本', location: '长治市市场监督管理局物证室', custodian: '张伟' },
  ];
  const measure = (c: CaseBody, id: string) => c.coerciveMeasures?.find((m) => m.measureId === id);

  it('preservation: asked by two officers, approved by the head, then decided within 7 working days; each refusal records nothing', async () => {
    const id = await api.filedCase();
    const body = { measureId: 'P-1', grounds: '货物可能被转移', officerIds: team(), items, emergency: false };

    const one = await api.refused(id, () => api.command('officer.zhang', id, 'preservations', { ...body, officerIds: [api.id('officer.zhang')] }));
    expect(one.body).toMatchObject({ status: 422, code: 'CASE.TWO_OFFICERS_REQUIRED' });
    const outsider = await api.refused(id, () => api.command('officer.zhang', id, 'preservations', { ...body, officerIds: [api.id('officer.zhang'), api.id('officer.wang')] }));
    expect(outsider.body).toMatchObject({ status: 422, code: 'MEASURE.OFFICER_NOT_ASSIGNED' });
    const noItems = await api.refused(id, () => api.command('officer.zhang', id, 'preservations', { ...body, items: [] }));
    expect(noItems.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    const badItem = await api.refused(id, () => api.command('officer.zhang', id, 'preservations', { ...body, items: [{ ...items[0], custodian: '' }] }));
    expect(badItem.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    const nothingToDecide = await api.refused(id, () =>
      api.command('head.sun', id, 'preservations/decision', { measureId: 'P-1', decision: 'RELEASE', basis: 'MSA 34 (5)', reason: 'x' }),
    );
    expect(nothingToDecide.body).toMatchObject({ status: 409, code: 'CASE.TRANSITION_NOT_ALLOWED', state: 'FILED' });

    const asked = await api.command('officer.zhang', id, 'preservations', body);
    expect(asked.status).toBe(200);
    expect(measure(asked.body.case, 'P-1')).toMatchObject({ kind: 'PRESERVATION', status: 'REQUESTED', items, emergency: false });
    expect(deadline(asked.body.case, 'evidencePreservation')).toBeUndefined();
    const again = await api.refused(id, () => api.command('officer.li', id, 'preservations', body));
    expect(again.body).toMatchObject({ status: 422, code: 'MEASURE.DUPLICATE_ID' });
    const officerApproves = await api.refused(id, () => api.command('officer.zhang', id, 'preservations/approval', { measureId: 'P-1', approve: true, reason: 'x' }));
    expect(officerApproves.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });

    const approved = await api.command('head.sun', id, 'preservations/approval', { measureId: 'P-1', approve: true, reason: '证据可能灭失' });
    expect(approved.status).toBe(200);
    expect(measure(approved.body.case, 'P-1')).toMatchObject({ status: 'OPEN', approval: { approved: true } });
    expect(deadline(approved.body.case, 'evidencePreservation')).toMatchObject({ state: 'OPEN', basis: { days: 7, kind: 'WORKING' } });
    expect(approved.body.case.allowedActions).toEqual(expect.arrayContaining(['preservations/decision', 'seizures']));

    const confiscate = await api.refused(id, () =>
      api.command('head.sun', id, 'preservations/decision', { measureId: 'P-1', decision: 'CONFISCATE', basis: 'MSA 34 (4)', reason: '违法物品' }),
    );
    expect(confiscate.body).toMatchObject({ status: 422, code: 'MEASURE.NO_CONFISCATION_DECISION' });
    const noBody = await api.refused(id, () => api.command('head.sun', id, 'preservations/decision', { measureId: 'P-1', decision: 'HAND_OVER', basis: 'MSA 34', reason: '不属本机关管辖' }));
    expect(noBody.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    const unknown = await api.refused(id, () => api.command('head.sun', id, 'preservations/decision', { measureId: 'P-9', decision: 'RELEASE', basis: 'MSA 34 (5)', reason: 'x' }));
    expect(unknown.body).toMatchObject({ status: 422, code: 'MEASURE.NOT_FOUND' });

    const released = await api.command('head.sun', id, 'preservations/decision', { measureId: 'P-1', decision: 'RELEASE', basis: 'MSA 34 (5)', reason: '已拍照取证' });
    expect(released.status).toBe(200);
    expect(measure(released.body.case, 'P-1')).toMatchObject({ status: 'ENDED', ending: { outcome: 'RELEASE', basis: 'MSA 34 (5)' } });
    expect(deadline(released.body.case, 'evidencePreservation')?.state).toBe('MET');
    // The case as read back shows the same measure.
    expect(measure(await api.case('officer.zhang', id), 'P-1')?.status).toBe('ENDED');
    expect(await api.eventTypes(id)).toEqual(['LEAD_REGISTERED', 'FILING_APPROVED', 'EVIDENCE_PRESERVED', 'PRESERVATION_APPROVED', 'PRESERVATION_DECIDED']);
  });

  it('seizure: continues a preservation, 30 days, one extension of at most 30, testing not counted; the case closes only once it ended', async () => {
    const id = await api.filedCase();
    await api.command('officer.zhang', id, 'preservations', { measureId: 'P-1', grounds: '紧急', officerIds: team(), items, emergency: true, preservedAt: ago(3600) });
    const seizure = {
      measureId: 'S-1',
      mode: 'SEIZE',
      decisionNumber: '长市监强〔2026〕E2E-1号',
      grounds: '涉嫌无证经营的食品',
      legalBasis: '《行政强制法》第二十二条',
      seizedAt: ago(60),
      officerIds: team(),
      items: items.slice(0, 1),
      fromPreservationId: 'P-1',
    };
    const officerSeizes = await api.refused(id, () => api.command('officer.zhang', id, 'seizures', seizure));
    expect(officerSeizes.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
    const seized = await api.command('head.sun', id, 'seizures', seizure);
    expect(seized.status).toBe(200);
    expect(measure(seized.body.case, 'P-1')).toMatchObject({ status: 'ENDED', ending: { outcome: 'SEIZE', seizureId: 'S-1' } });
    expect(measure(seized.body.case, 'S-1')).toMatchObject({ kind: 'SEIZURE', mode: 'SEIZE', status: 'OPEN' });
    const first = deadline(seized.body.case, 'seizure')!;
    expect(first).toMatchObject({ state: 'OPEN', basis: { days: 30, kind: 'CALENDAR' } });

    const tooLong = await api.refused(id, () => api.command('head.sun', id, 'seizures/extension', { measureId: 'S-1', days: 31, reason: '案情复杂' }));
    expect(tooLong.body).toMatchObject({ status: 422, code: 'SEIZURE.EXTENSION_TOO_LONG' });
    const extended = await api.command('head.sun', id, 'seizures/extension', { measureId: 'S-1', days: 30, reason: '案情复杂' });
    expect(extended.status).toBe(200);
    expect(deadline(extended.body.case, 'seizure')).toMatchObject({ state: 'OPEN', basis: { days: 60 } });
    expect(measure(extended.body.case, 'S-1')?.extension).toMatchObject({ days: 30, reason: '案情复杂' });
    const twice = await api.refused(id, () => api.command('head.sun', id, 'seizures/extension', { measureId: 'S-1', days: 5, reason: '再延长' }));
    expect(twice.body).toMatchObject({ status: 422, code: 'SEIZURE.ALREADY_EXTENDED' });

    const testing = await api.command('officer.li', id, 'seizures/testing', { measureId: 'S-1', startedAt: ago(50), endedAt: ago(10), purpose: '送食品检验机构检验' });
    expect(testing.status).toBe(200);
    expect(measure(testing.body.case, 'S-1')?.testing).toHaveLength(1);
    // 40 seconds of testing exclude no whole day: the period counts days, and the testing began and ended today.
    expect(deadline(testing.body.case, 'seizure')?.basis.dueDate).toBe(deadline(extended.body.case, 'seizure')?.basis.dueDate);
    const backwards = await api.refused(id, () => api.command('officer.li', id, 'seizures/testing', { measureId: 'S-1', startedAt: ago(5), endedAt: ago(8), purpose: 'x' }));
    expect(backwards.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });

    await api.command('head.sun', id, 'suspension', { action: 'TERMINATE', reason: '违法事实不能成立' });
    const close = await api.refused(id, () => api.command('head.sun', id, 'closure', { summary: 'terminated' }));
    expect(close.body).toMatchObject({ status: 409, code: 'CASE.MEASURE_OPEN', state: 'TERMINATED' });
    const ended = await api.command('head.sun', id, 'seizures/end', { measureId: 'S-1', ending: 'RELEASE', basis: 'ACL 28 (1)', reason: '违法事实不能成立' });
    expect(ended.status).toBe(200);
    expect(measure(ended.body.case, 'S-1')).toMatchObject({ status: 'ENDED', ending: { outcome: 'RELEASE' } });
    const closed = await api.command('head.sun', id, 'closure', { summary: 'terminated; seized goods returned' });
    expect(closed.status).toBe(200);
    expect(closed.body.case.status).toBe('CLOSED');
  });

  it('a preservation left undecided for 7 working days lapses: the workflow records the miss, the case is overdue until the items are returned', async () => {
    const id = await api.filedCase();
    const preserved = await api.command('officer.zhang', id, 'preservations', {
      measureId: 'P-1',
      grounds: '当事人可能转移货物',
      officerIds: team(),
      items,
      emergency: true,
      // Entered after the fact (补录): acted three weeks ago, so the 7 WD ended long ago.
      preservedAt: new Date(Date.now() - 21 * DAY_MS).toISOString(),
    });
    expect(preserved.status).toBe(200);
    await eventually(async () => (await api.eventTypes(id)).includes('DEADLINE_MISSED'));
    const c = await eventually(async () => {
      const read = await api.case('head.sun', id);
      return measure(read, 'P-1')?.status === 'LAPSED' ? read : undefined;
    });
    expect(c.flags).toContain('OVERDUE');
    expect(deadline(c, 'evidencePreservation')?.state).toBe('MISSED');

    const testing = await api.refused(id, () =>
      api.command('head.sun', id, 'preservations/decision', { measureId: 'P-1', decision: 'TESTING', basis: 'MSA 34 (2)', reason: '送检' }),
    );
    expect(testing.body).toMatchObject({ status: 422, code: 'PRESERVATION.LAPSED' });
    const released = await api.command('head.sun', id, 'preservations/decision', { measureId: 'P-1', decision: 'RELEASE', basis: 'APL 56', reason: '逾期未作处理，解除保存' });
    expect(released.status).toBe(200);
    expect(measure(released.body.case, 'P-1')).toMatchObject({ status: 'ENDED', ending: { outcome: 'RELEASE', late: true } });
    expect(deadline(released.body.case, 'evidencePreservation')?.state).toBe('MET');
    expect(released.body.case.flags).not.toContain('OVERDUE');
    // The reminder (2 WD before, the policy's) and the escalation, each recorded by the workflow's timers.
    expect(await api.eventTypes(id)).toEqual(['LEAD_REGISTERED', 'FILING_APPROVED', 'EVIDENCE_PRESERVED', 'DEADLINE_APPROACHING', 'DEADLINE_MISSED', 'PRESERVATION_DECIDED']);
  });

  it('a seizure whose 30 days ended with the goods still held lapses by the timer; then it can only be released (ACL 28 (4))', async () => {
    const id = await api.filedCase();
    const seized = await api.command('head.sun', id, 'seizures', {
      measureId: 'S-9',
      mode: 'SEAL',
      decisionNumber: '长市监强〔2026〕E2E-9号',
      grounds: '涉嫌无证经营的食品',
      legalBasis: '《行政强制法》第二十二条',
      // Entered after the fact (补录): sealed 40 days ago.
      seizedAt: new Date(Date.now() - 40 * DAY_MS).toISOString(),
      officerIds: team(),
      items,
    });
    expect(seized.status).toBe(200);
    const c = await eventually(async () => {
      const read = await api.case('head.sun', id);
      return measure(read, 'S-9')?.status === 'LAPSED' ? read : undefined;
    });
    expect(deadline(c, 'seizure')?.state).toBe('MISSED');
    expect(c.flags).toContain('OVERDUE');
    const extend = await api.refused(id, () => api.command('head.sun', id, 'seizures/extension', { measureId: 'S-9', days: 30, reason: '补办延长' }));
    expect(extend.body).toMatchObject({ status: 409, code: 'CASE.TRANSITION_NOT_ALLOWED' });
    const handOver = await api.refused(id, () =>
      api.command('head.sun', id, 'seizures/end', { measureId: 'S-9', ending: 'HAND_OVER', transferredTo: '长治市公安局', basis: 'ACL 21', reason: '涉嫌犯罪' }),
    );
    expect(handOver.body).toMatchObject({ status: 422, code: 'SEIZURE.EXPIRED' });
    const released = await api.command('head.sun', id, 'seizures/end', { measureId: 'S-9', ending: 'RELEASE', basis: 'ACL 28 (4)', reason: '查封期限已经届满' });
    expect(released.status).toBe(200);
    expect(measure(released.body.case, 'S-9')).toMatchObject({ status: 'ENDED', ending: { outcome: 'RELEASE', late: true } });
    expect(released.body.case.flags).not.toContain('OVERDUE');
    expect(await api.eventTypes(id)).toEqual(['LEAD_REGISTERED', 'FILING_APPROVED', 'SEIZED', 'DEADLINE_APPROACHING', 'DEADLINE_MISSED', 'SEIZURE_ENDED']);
  });
});
