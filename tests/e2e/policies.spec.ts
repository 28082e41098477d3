import { http, startStack, Stack } from '../support/stack';

describe('policies and the due-date calendar', () => {
  let stack: Stack;
  let token: string;
  beforeAll(async () => {
    stack = await startStack();
    token = await stack.token('supervisor.zhou');
  });
  afterAll(() => stack?.close());

  it('serves the policy in force and a version by name', async () => {
    const current = await http(stack, 'GET', '/api/v1/policies/current', { token });
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ version: 'changzhi-market-2026.2', simpleProcedure: { maxFine: { PERSON: 200, ORGANISATION: 3000 } } });
    const byVersion = await http<{ discretion: { violationCode: string; bands: { label: string; levels: unknown }[]; source: string }[] }>(
      stack,
      'GET',
      '/api/v1/policies/changzhi-market-2026.2',
      { token },
    );
    expect(byVersion.status).toBe(200);
    // The discretion benchmarks (裁量基准) are part of the version: art 122's two bands, split by the demo's stated rule.
    const food = byVersion.body.discretion.find((b) => b.violationCode === 'FOOD-UNLICENSED');
    expect(food).toMatchObject({
      legalBasis: '《食品安全法》第一百二十二条',
      bandBase: 'GOODS_VALUE',
      bands: [
        { label: 'goods value < ¥10,000', below: 10000, statutory: { min: 50000, max: 100000 }, levels: { GENERAL: { min: 65000, max: 85000 } } },
        { label: 'goods value ≥ ¥10,000', from: 10000, multipleOf: 'GOODS_VALUE', statutory: { min: 10, max: 20 }, levels: { LIGHTER: { min: 10, max: 13 } } },
      ],
      mitigation: { source: 'APL 32' },
      exemption: { source: 'APL 33' },
    });
    expect(food?.source).toContain("the demo policy's choice");
    expect(current.body).toMatchObject({ discretion: byVersion.body.discretion });
    const missing = await http(stack, 'GET', '/api/v1/policies/nope', { token });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('POLICY.NOT_FOUND');
  });

  it('counts 7 working days from Mon 28 Sep 2026 across the National Day holiday to Tue 13 Oct', async () => {
    const res = await http(stack, 'GET', '/api/v1/calendar/due-date?start=2026-09-28&days=7&kind=WORKING', { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      dueDate: '2026-10-13',
      adjustedWorkingDaysMet: ['2026-10-10'],
      warnings: [],
      policyVersion: 'changzhi-market-2026.2',
    });
    expect(res.body.holidaysMet).toEqual(expect.arrayContaining(['2026-10-01', '2026-10-07']));
  });

  it('warns when a period runs into a year without a published calendar', async () => {
    const res = await http(stack, 'GET', '/api/v1/calendar/due-date?start=2026-12-28&days=10&kind=WORKING', { token });
    expect(res.body.warnings).toEqual(['No holiday calendar for 2027: weekends only']);
  });

  it('400 naming each bad query field', async () => {
    const res = await http<{ errors: { field: string }[] }>(stack, 'GET', '/api/v1/calendar/due-date?start=28-09-2026&days=-1&kind=LUNAR', { token });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.field).sort()).toEqual(['days', 'kind', 'start']);
  });

  it('401 without a token', async () => {
    expect((await http(stack, 'GET', '/api/v1/policies/current')).status).toBe(401);
  });
});
