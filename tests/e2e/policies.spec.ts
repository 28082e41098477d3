import { createApiClient, type ApiClient } from '@zhifa/api-client';
import { startStack, Stack } from '../support/stack';

// Written against the typed client generated from the committed OpenAPI document.
describe('policies and the due-date calendar', () => {
  let stack: Stack;
  let api: ApiClient;
  beforeAll(async () => {
    stack = await startStack();
    const token = await stack.token('supervisor.zhou');
    api = createApiClient({ baseUrl: stack.url, token });
  });
  afterAll(() => stack?.close());

  it('serves the policy in force and a version by name', async () => {
    const current = await api.GET('/api/v1/policies/current');
    expect(current.response.status).toBe(200);
    expect(current.data).toMatchObject({ version: 'changzhi-market-2026.3', simpleProcedure: { maxFine: { PERSON: 200, ORGANISATION: 3000 } } });
    expect(current.data?.deadlines.decision).toMatchObject({ kind: expect.any(String), source: expect.any(String) });
    const byName = await api.GET('/api/v1/policies/{version}', { params: { path: { version: 'changzhi-market-2026.3' } } });
    expect(byName.response.status).toBe(200);
    expect(byName.data?.version).toBe('changzhi-market-2026.3');
    // The discretion benchmarks (裁量基准) are part of the version: art 122's two bands, split by the demo's stated rule.
    const food = byName.data?.discretion?.find((b) => b.violationCode === 'FOOD-UNLICENSED');
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
    expect(current.data).toMatchObject({ discretion: byName.data?.discretion });
    const missing = await api.GET('/api/v1/policies/{version}', { params: { path: { version: 'nope' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.code).toBe('POLICY.NOT_FOUND');
  });

  it('counts 7 working days from Mon 28 Sep 2026 across the National Day holiday to Tue 13 Oct', async () => {
    const { data, response } = await api.GET('/api/v1/calendar/due-date', { params: { query: { start: '2026-09-28', days: 7, kind: 'WORKING' } } });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({
      dueDate: '2026-10-13',
      adjustedWorkingDaysMet: ['2026-10-10'],
      warnings: [],
      policyVersion: 'changzhi-market-2026.3',
      startDayCounted: false,
    });
    expect(data?.holidaysMet).toEqual(expect.arrayContaining(['2026-10-01', '2026-10-07']));
  });

  it('warns when a period runs into a year without a published calendar', async () => {
    const { data } = await api.GET('/api/v1/calendar/due-date', { params: { query: { start: '2026-12-28', days: 10, kind: 'WORKING' } } });
    expect(data?.warnings).toEqual(['No holiday calendar for 2027: weekends and the fixed statutory days off (1 Jan, 1 May, 1–3 Oct) only']);
    // 29–31 Dec, then 1 Jan 2027 off even without a calendar (元旦), 4–8 and 11–12 Jan.
    expect(data).toMatchObject({ dueDate: '2027-01-12', holidaysMet: ['2027-01-01'] });
  });

  it('400 naming each bad query field', async () => {
    // Values the types refuse, sent on purpose: the API must refuse them too.
    const query = { start: '28-09-2026', days: -1, kind: 'LUNAR' } as unknown as { start: string; days: number; kind: 'WORKING' };
    const { error, response } = await api.GET('/api/v1/calendar/due-date', { params: { query } });
    expect(response.status).toBe(400);
    expect(error?.errors?.map((e) => e.field).sort()).toEqual(['days', 'kind', 'start']);
  });

  it('401 without a token', async () => {
    const { error, response } = await createApiClient({ baseUrl: stack.url }).GET('/api/v1/policies/current');
    expect(response.status).toBe(401);
    expect(error?.code).toBe('AUTH.TOKEN_MISSING');
  });
});
