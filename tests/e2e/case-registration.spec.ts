import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually';
import { http, startStack, Stack } from '../support/stack';

// The first thread through the real stack: HTTP -> Temporal Update-with-Start
// -> activity -> Postgres (event chain + read model) -> outbox -> BullMQ job.
describe('registering a lead over HTTP', () => {
  let stack: Stack;
  let officer: string;

  beforeAll(async () => {
    stack = await startStack({ jobs: true });
    officer = await stack.token('officer.zhang');
  });
  afterAll(() => stack?.close());

  const lead = (overrides: Record<string, unknown> = {}) => ({
    source: 'complaint (12315 hotline)',
    discoveredAt: '2026-11-20T02:00:00Z',
    party: { type: 'ORGANISATION', name: '长治市某某食品商行', idNumber: '91140400MA0TEST01X' },
    violationCode: 'FOOD-UNLICENSED',
    summary: 'Selling packaged food without a food business licence',
    procedure: 'ORDINARY',
    officerIds: [stack.userId('officer.zhang'), stack.userId('officer.li')],
    ...overrides,
  });

  it('answers liveness and readiness with every dependency up', async () => {
    expect((await http(stack, 'GET', '/health')).body).toEqual({ status: 'ok' });
    const ready = await http(stack, 'GET', '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', down: [], checks: { postgres: { status: 'up' }, redis: { status: 'up' }, temporal: { status: 'up' } } });
  });

  it('registers a lead, records the first event in the chain, and reads it back', async () => {
    const created = await http(stack, 'POST', '/api/v1/cases', { token: officer, body: lead() });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.headers.get('location')).toBe(`/api/v1/cases/${id}`);
    expect(created.body).toMatchObject({
      status: 'LEAD_REGISTERED',
      procedure: 'ORDINARY',
      agencyId: '0b8f5c1e-2d7a-4c1b-9e57-000000000001',
      party: { type: 'ORGANISATION', name: '长治市某某食品商行' },
      policyVersion: 'changzhi-market-2026.3',
      flags: [],
    });
    expect(created.body.caseNumber).toMatch(/^CZSJ-2026-\d{5}$/);
    expect((created.body.officers as { userId: string }[]).map((o) => o.userId).sort()).toEqual(
      [stack.userId('officer.zhang'), stack.userId('officer.li')].sort(),
    );

    // The filing decision is due 15 working days after the lead (MSA 18).
    const filing = (created.body.deadlines as { kind: string; state: string; basis: Record<string, unknown> }[]).find(
      (d) => d.kind === 'filingDecision',
    );
    expect(filing).toMatchObject({ state: 'OPEN', basis: { source: 'MSA 18', days: 15, kind: 'WORKING', dueDate: '2026-12-11' } });

    const read = await http(stack, 'GET', `/api/v1/cases/${id}`, { token: officer });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const timeline = await http<{ events: Record<string, unknown>[] }>(stack, 'GET', `/api/v1/cases/${id}/timeline`, { token: officer });
    expect(timeline.body.events).toHaveLength(1);
    expect(timeline.body.events[0]).toMatchObject({ seq: 1, type: 'LEAD_REGISTERED', eventId: `case-${id}:1`, prevHash: '0'.repeat(64) });
    expect((await http(stack, 'GET', `/api/v1/cases/${id}/timeline/verify`, { token: officer })).body).toEqual({ valid: true, events: 1 });

    const rows = await stack.ds.query('SELECT seq, type FROM case_events WHERE case_id = $1', [id]);
    expect(rows).toEqual([{ seq: 1, type: 'LEAD_REGISTERED' }]);

    // The side effect ran on BullMQ: the co-officer and the heads (whose filing decision now waits) were told, once; not the registering officer.
    const notes = await eventually(async () => {
      const n: { user_id: string }[] = await stack.ds.query('SELECT user_id FROM notifications WHERE case_id = $1', [id]);
      return n.length === 3 ? n : undefined;
    });
    expect(notes.map((n) => n.user_id).sort()).toEqual([stack.userId('officer.li'), stack.userId('head.sun'), stack.userId('head.qian')].sort());
  });

  it('replays the first answer for a repeated Idempotency-Key and opens no second case', async () => {
    const key = `reg-${randomUUID()}`;
    const body = lead({ summary: `idempotency ${key}` });
    const first = await http(stack, 'POST', '/api/v1/cases', { token: officer, body, headers: { 'idempotency-key': key } });
    const second = await http(stack, 'POST', '/api/v1/cases', { token: officer, body, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    const [{ count }] = await stack.ds.query(`SELECT count(*)::int AS count FROM cases WHERE state->>'summary' = $1`, [body.summary]);
    expect(count).toBe(1);

    const other = await http(stack, 'POST', '/api/v1/cases', {
      token: officer,
      body: { ...body, summary: 'something else' },
      headers: { 'idempotency-key': key },
    });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  describe('refuses bad requests with problem+json and records nothing', () => {
    let before: number;
    beforeEach(async () => {
      [{ count: before }] = await stack.ds.query('SELECT count(*)::int AS count FROM case_events');
    });
    afterEach(async () => {
      const [{ count }] = await stack.ds.query('SELECT count(*)::int AS count FROM case_events');
      expect(count).toBe(before);
    });

    it('401 without a token', async () => {
      const res = await http(stack, 'POST', '/api/v1/cases', { body: lead() });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 401, code: 'AUTH.TOKEN_MISSING' });
    });

    it('403 naming the role when an agency head registers a lead', async () => {
      const res = await http(stack, 'POST', '/api/v1/cases', { token: await stack.token('head.sun'), body: lead() });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'AUTH.ROLE_NOT_ALLOWED' });
      expect(res.body.detail).toContain('OFFICER');
    });

    it('400 with field-level problems for missing and malformed fields', async () => {
      const res = await http(stack, 'POST', '/api/v1/cases', {
        token: officer,
        body: { ...lead(), source: undefined, discoveredAt: 'yesterday', procedure: 'FAST', party: { type: 'ALIEN' }, extra: 1 },
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION.FAILED');
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['source', 'discoveredAt', 'procedure', 'party.type', 'party.name', 'extra']));
    });

    it('400 naming an officer id that is no user', async () => {
      const res = await http(stack, 'POST', '/api/v1/cases', { token: officer, body: lead({ officerIds: [stack.userId('officer.zhang'), randomUUID()] }) });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'officerIds[1]', message: expect.stringContaining('no active user') }]);
    });

    it('400 for a body that is not JSON', async () => {
      const res = await http(stack, 'POST', '/api/v1/cases', { token: officer, body: '{"source":', headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    });

    it('404 for an unknown case', async () => {
      const res = await http(stack, 'GET', `/api/v1/cases/${randomUUID()}`, { token: officer });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('CASE.NOT_FOUND');
    });
  });

  it('lists cases of the agency with paging', async () => {
    const res = await http<{ items: { caseNumber: string }[]; total: number }>(stack, 'GET', '/api/v1/cases?pageSize=2', {
      token: await stack.token('head.sun'),
    });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(2);
    expect(res.body.total).toBeGreaterThanOrEqual(2);
  });

  it('serves the OpenAPI document', async () => {
    const res = await http<{ paths: Record<string, unknown> }>(stack, 'GET', '/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/cases', '/api/v1/cases/{id}', '/ready']));
  });
});

describe('readiness with Redis unreachable', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  });
  afterAll(() => stack?.close());

  it('answers 503 naming redis', async () => {
    const res = await http(stack, 'GET', '/ready');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'unavailable', down: ['redis'], checks: { redis: { status: 'down' }, postgres: { status: 'up' } } });
  });
});
