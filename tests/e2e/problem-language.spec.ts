import { http, startStack, Stack } from '../support/stack';
import { Client, type ProblemBody } from './command-helpers';

// The same refused command, asked in Chinese and in English: the code, the
// status, the state and the allowed actions never change; the title, the
// detail and every field's message are in the language asked for, with the
// case's own dates and amounts in local form (2026年11月20日, ¥3,750.00).
describe('problems in the reader’s language (Accept-Language)', () => {
  let stack: Stack;
  let api: Client;
  const ZH = { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' };
  const CJK = /[\u4e00-\u9fff]/;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  /** The same request twice, in Chinese and without a language; both refused and nothing recorded. */
  async function both(caseId: string, user: string, action: string, body: unknown): Promise<{ zh: ProblemBody; en: ProblemBody; headers: [string | null, string | null] }> {
    const zh = await api.refused(caseId, () => api.command(user, caseId, action, body, ZH));
    const en = await api.refused(caseId, () => api.command(user, caseId, action, body));
    expect({ code: zh.body.code, status: zh.status }).toEqual({ code: en.body.code, status: en.status });
    expect(zh.body.type).toBe(en.body.type);
    return { zh: zh.body, en: en.body, headers: [zh.headers.get('content-language'), en.headers.get('content-language')] };
  }

  it('a fine outside the discretion benchmark: the ranges in ¥ to the fen, the field message in Chinese', async () => {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    expect((await api.textEvidence(id)).status).toBe(201);
    const { zh, en, headers } = await both(id, 'officer.li', 'investigation-report', {
      findings: 'Substandard goods worth ¥3,000 sold as standard',
      proposedOutcome: 'PENALTY',
      proposedPenalty: { kinds: ['FINE'], fineAmount: 3749.99 },
      legalBasis: '《产品质量法》第五十条',
      circumstanceLevel: 'GENERAL',
      discretionBases: [{ kind: 'GOODS_VALUE', value: 3000 }],
    });
    expect(headers).toEqual(['zh-CN', 'en']);
    expect(en).toMatchObject({ status: 422, code: 'DISCRETION.OUT_OF_RANGE', title: 'Unprocessable Content' });
    expect(en.detail).toContain('GENERAL range 1.25–2.25× goods value (货值金额) = ¥3,750–¥6,750');
    expect(en.errors).toEqual([{ field: 'proposedPenalty.fineAmount', message: 'must be within ¥3,750–¥6,750 for GENERAL' }]);

    expect(zh.title).toBe('罚款超出裁量基准范围');
    expect(zh.detail).toContain('拟罚款¥3,749.99');
    expect(zh.detail).toContain('货值金额的1.25至2.25倍，即¥3,750.00至¥6,750.00');
    expect(zh.detail).toContain('《产品质量法》第五十条');
    expect(zh.errors).toEqual([{ field: 'proposedPenalty.fineAmount', message: '“一般”的罚款须在¥3,750.00至¥6,750.00之间' }]);
  });

  it('the limitation period: the dates as the agency writes them, in its own time zone', async () => {
    // Discovered at 04:00 on 20 November in Shanghai, which is still the 19th in UTC.
    const { id } = await api.register({ violationAt: '2020-03-01', discoveredAt: '2026-11-19T20:00:00Z' });
    const { zh, en } = await both(id, 'head.sun', 'filing', { approve: true, reason: 'facts verified', officerIds: [api.id('officer.zhang'), api.id('officer.li')] });
    expect(en).toMatchObject({ status: 422, code: 'CASE.LIMITATION_EXPIRED' });
    expect(en.detail).toContain('The violation of 2020-03-01 was discovered on 2026-11-20');
    expect(zh.detail).toMatch(/^2020年3月1日的违法行为于2026年11月20日被发现，已超过\d年追责时效（\d{4}年\d{1,2}月\d{1,2}日届满/);
    expect(zh.detail).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('a 409 keeps its state and allowed actions; the detail names the state in Chinese', async () => {
    const id = await api.filedCase();
    const { zh, en } = await both(id, 'head.sun', 'closure', { summary: 'done' });
    expect(en).toMatchObject({ status: 409, code: 'CASE.TRANSITION_NOT_ALLOWED', state: 'FILED' });
    expect(en.detail).toBe('CLOSE is not allowed while the ordinary case is FILED');
    expect(zh.detail).toBe('普通程序案件处于「已立案」状态，不能办理「结案」');
    expect(zh.state).toBe(en.state);
    expect(zh.allowedActions).toEqual(en.allowedActions);
  });

  it('field errors of the request (class-validator) in Chinese, each naming its field; the fields the same in both', async () => {
    const { id } = await api.register();
    const { zh, en } = await both(id, 'head.sun', 'filing', { approve: 'yes', officerIds: ['nope'], extra: 1 });
    expect(en).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    expect(zh.errors!.map((e) => e.field)).toEqual(en.errors!.map((e) => e.field));
    const zhOf = (field: string) => zh.errors!.filter((e) => e.field === field).map((e) => e.message);
    expect(zhOf('approve')).toEqual(['approve须为 true 或 false']);
    expect(zhOf('reason')).toEqual(expect.arrayContaining(['reason不能为空', 'reason须为文本']));
    expect(zhOf('extra')).toEqual(['不允许提交字段extra']);
    expect(en.errors).toEqual(expect.arrayContaining([{ field: 'extra', message: 'property extra should not exist' }]));
    for (const e of zh.errors!) expect({ field: e.field, zh: CJK.test(e.message) }).toEqual({ field: e.field, zh: true });
    expect(CJK.test(zh.detail)).toBe(true);
  });

  it('field errors the domain judges, and the people the API looks up', async () => {
    const lead = { source: 'inspection', party: { type: 'PERSON', name: '王某' }, violationCode: 'FOOD-UNLICENSED', summary: 'e2e language', procedure: 'ORDINARY', officerIds: [api.id('officer.zhang')] };
    const token = await api.token('officer.zhang');
    const body = { ...lead, discoveredAt: '2026-11-20T02:00:00Z', violationAt: '2026-11-21' };
    const zh = await http<ProblemBody>(stack, 'POST', '/api/v1/cases', { token, body, headers: ZH });
    const en = await http<ProblemBody>(stack, 'POST', '/api/v1/cases', { token, body });
    expect({ zh: zh.body.code, en: en.body.code, status: zh.status }).toEqual({ zh: 'VALIDATION.FAILED', en: 'VALIDATION.FAILED', status: 400 });
    expect(en.body.errors).toEqual([{ field: 'violationAt', message: 'must not be after discoveredAt' }]);
    expect(zh.body.errors).toEqual([{ field: 'violationAt', message: '不得晚于发现时间（discoveredAt）' }]);

    const ghost = '6c0b2f1e-0000-4000-8000-00000000dead';
    const people = await http<ProblemBody>(stack, 'POST', '/api/v1/cases', { token, body: { ...lead, discoveredAt: '2026-11-20T02:00:00Z', officerIds: [ghost] }, headers: ZH });
    expect(people.body.errors).toEqual([{ field: 'officerIds[0]', message: `没有编号为${ghost}的在职用户` }]);
  });

  it("the API's own problems, and the language picked by weight: any Chinese range first in q is zh-CN", async () => {
    const missing = await http<ProblemBody>(stack, 'GET', '/api/v1/cases', { headers: { 'accept-language': 'fr-FR, zh;q=0.8, en;q=0.5' } });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('content-language')).toBe('zh-CN');
    expect(missing.body).toMatchObject({ code: 'AUTH.TOKEN_MISSING', title: '未登录：请求缺少访问令牌' });
    expect(missing.body.detail).toContain('请登录');

    const english = await http<ProblemBody>(stack, 'GET', '/api/v1/cases', { headers: { 'accept-language': 'en-GB, zh-CN;q=0.9' } });
    expect(english.headers.get('content-language')).toBe('en');
    expect(english.body).toMatchObject({ code: 'AUTH.TOKEN_MISSING', detail: 'Send Authorization: Bearer <token>' });
    expect(english.headers.get('vary')).toMatch(/accept-language/i);

    const route = await http<ProblemBody>(stack, 'GET', '/api/v1/no-such-route', { token: await api.token('officer.zhang'), headers: { 'accept-language': 'zh-Hans' } });
    expect(route.body).toMatchObject({ status: 404, code: 'ROUTE.NOT_FOUND', detail: '没有该接口' });
  });
});
