import { http, startStack, type Stack } from '../support/stack';

// The public pages need no sign-in, so each client gets PUBLIC_RATE_LIMIT requests a minute.
describe('the public pages are rate-limited per client', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ env: { PUBLIC_RATE_LIMIT: '3' } });
  });
  afterAll(() => stack?.close());

  it('answers the limit, then 429 RATE.LIMITED with Retry-After; signed-in routes are not counted', async () => {
    const get = () => http(stack, 'GET', '/api/v1/public/disclosures');
    const answers = [await get(), await get(), await get()];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0']);
    const refused = await http(stack, 'GET', '/api/v1/public/officers/14040120240001', { headers: { 'accept-language': 'zh-CN' } });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE.LIMITED', detail: expect.stringContaining('一分钟内的请求超过3次') });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await http(stack, 'GET', '/api/v1/me', { token: await stack.token('officer.zhang') })).status).toBe(200);
  });
});
