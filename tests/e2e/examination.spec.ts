import { startStack, Stack } from '../support/stack';
import { ago, Client, deadline } from './command-helpers';

// 检测、检验、检疫、鉴定 over HTTP: the officers record the entrusting and the
// report; the decision limit is paused in between (APL 60, MSA 63).
describe('testing and appraisal over HTTP', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  const start = (startedAt: string) => ({
    kind: 'TESTING',
    subject: '抽样的散装食用油：过氧化值',
    institution: '长治市食品药品检验检测中心',
    startedAt,
  });

  it('entrusted: the decision limit is suspended; the report: it runs again, the pause in its basis', async () => {
    const id = await api.filedCase();
    const started = await api.command('officer.zhang', id, 'examination', start(ago(0)));
    expect(started.status).toBe(200);
    expect(started.body.recorded).toEqual([expect.objectContaining({ type: 'EXAMINATION_STARTED' })]);
    expect(deadline(started.body.case, 'decision')?.state).toBe('SUSPENDED');
    // The case review and the other limits are not paused: only the decision limit is (MSA 63).
    const ended = await api.command('officer.li', id, 'examination/result', {
      examinationNo: 1,
      endedAt: ago(0),
      result: '过氧化值 0.38 g/100g，超过 GB 2716 限量',
      reportNumber: 'JC-2026-0415',
    });
    expect(ended.status).toBe(200);
    const d = deadline(ended.body.case, 'decision')!;
    expect(d.state).toBe('OPEN');
    expect(d.basis.pauses).toEqual([expect.objectContaining({ reason: 'EXAMINATION:1', daysExcluded: 0 })]);
    expect(await api.eventTypes(id)).toEqual(['LEAD_REGISTERED', 'FILING_APPROVED', 'EXAMINATION_STARTED', 'EXAMINATION_ENDED']);
  });

  it('refusals record nothing: no examination under way (409), before filing or not open (422), a bad kind (400), a head (403)', async () => {
    const id = await api.filedCase();
    const none = await api.refused(id, () => api.command('officer.zhang', id, 'examination/result', { examinationNo: 1, endedAt: ago(0), result: 'x' }));
    expect(none.body).toMatchObject({ status: 409, code: 'EXAMINATION.NONE_OPEN' });
    expect(none.body.allowedActions).toContain('examination');

    const early = await api.refused(id, () => api.command('officer.zhang', id, 'examination', start(ago(30 * 86_400))));
    expect(early.body).toMatchObject({ status: 422, code: 'EXAMINATION.BEFORE_FILING' });
    expect(early.body.errors?.map((e) => e.field)).toEqual(['startedAt']);

    const badKind = await api.refused(id, () => api.command('officer.zhang', id, 'examination', { ...start(ago(0)), kind: 'GUESS' }));
    expect(badKind.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });

    const head = await api.refused(id, () => api.command('head.sun', id, 'examination', start(ago(0))));
    expect(head.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });

    expect((await api.command('officer.zhang', id, 'examination', start(ago(0)))).status).toBe(200);
    const wrongNo = await api.refused(id, () => api.command('officer.zhang', id, 'examination/result', { examinationNo: 2, endedAt: ago(0), result: 'x' }));
    expect(wrongNo.body).toMatchObject({ status: 422, code: 'EXAMINATION.NOT_OPEN' });
  });
});
