import { randomUUID } from 'node:crypto';
import { isResidentIdNumber } from '@zhifa/domain';
import { eventually } from '../support/eventually';
import { http, startStack, Stack } from '../support/stack';

type Line = Record<string, unknown>;

// A resident ID number with a valid check digit (GB 11643) and a mobile number: neither may reach a log line.
const ID_NUMBER = '11010519491231002X';
const PHONE = '13912345678';

// The apps' own logger (JSON), as in production, captured: one line per request
// with its ids, the same request id on the worker's and the jobs' lines.
describe('request logs', () => {
  let stack: Stack;
  let token: string;
  const raw: string[] = [];
  const lines = (): Line[] => raw.map((l) => JSON.parse(l) as Line);
  const requestLines = (requestId: string) => lines().filter((l) => l.context === 'Http' && l.requestId === requestId);

  beforeAll(async () => {
    stack = await startStack({ jobs: true, logSink: (line) => raw.push(line) });
    token = await stack.token('officer.zhang');
  });
  afterAll(() => stack?.close());

  const lead = () => ({
    source: 'complaint (12315 hotline)',
    discoveredAt: '2026-11-20T02:00:00Z',
    party: { type: 'PERSON', name: '王某某', idNumber: ID_NUMBER, phone: PHONE, address: '长治市潞州区某街1号' },
    violationCode: 'FOOD-UNLICENSED',
    summary: `Selling packaged food without a licence; reached on ${PHONE}`,
    procedure: 'ORDINARY',
    officerIds: [stack.userId('officer.zhang'), stack.userId('officer.li')],
  });

  it('logs a command once with route, status, time and its ids, and carries the request id to the worker and the jobs', async () => {
    expect(isResidentIdNumber(ID_NUMBER)).toBe(true);
    const requestId = `e2e-${randomUUID()}`;
    const created = await http(stack, 'POST', '/api/v1/cases', { token, body: lead(), headers: { 'X-Request-Id': requestId } });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toBe(requestId);
    const caseId = created.body.id as string;

    const [line] = await eventually(async () => (requestLines(requestId).length ? requestLines(requestId) : undefined));
    expect(line).toMatchObject({
      level: 'log',
      method: 'POST',
      route: '/api/v1/cases',
      status: 201,
      requestId,
      caseId,
      workflowId: `case-${caseId}`,
    });
    expect(typeof line.durationMs).toBe('number');
    expect(typeof line.timestamp).toBe('string');

    // The worker's activity recorded the event under the same request id.
    const recorded = await eventually(async () =>
      lines().find((l) => l.context === 'CaseActivities' && l.requestId === requestId),
    );
    expect(recorded).toMatchObject({ caseId, workflowId: `case-${caseId}`, events: ['LEAD_REGISTERED'] });

    // A job the event caused (the notifications of LEAD_REGISTERED) names its case, event and the request.
    const job = await eventually(async () => lines().find((l) => l.context === 'Jobs' && l.requestId === requestId && l.jobId));
    expect(job).toMatchObject({ caseId, eventId: `case-${caseId}:1` });

    // Still exactly one request line, however long we waited.
    expect(requestLines(requestId)).toHaveLength(1);
  });

  it('logs the route pattern, not the URL, with the case from the route', async () => {
    const created = await http(stack, 'POST', '/api/v1/cases', { token, body: lead() });
    const caseId = created.body.id as string;
    const requestId = `read-${randomUUID()}`;
    const read = await http(stack, 'GET', `/api/v1/cases/${caseId}/timeline`, { token, headers: { 'X-Request-Id': requestId } });
    expect(read.status).toBe(200);
    const [line] = await eventually(async () => (requestLines(requestId).length ? requestLines(requestId) : undefined));
    expect(line).toMatchObject({ method: 'GET', route: '/api/v1/cases/:id/timeline', status: 200, caseId });
    expect(line).not.toHaveProperty('workflowId');
    expect(JSON.stringify(line)).not.toContain(`/cases/${caseId}/`);
  });

  it('answers with a new request id when none or an unsafe one is sent, and logs refusals and unknown paths once', async () => {
    const none = await http(stack, 'GET', '/api/v1/cases', {});
    expect(none.status).toBe(401);
    const generated = none.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await eventually(async () => requestLines(generated!).length === 1);
    expect(requestLines(generated!)[0]).toMatchObject({ method: 'GET', route: '/api/v1/cases', status: 401 });

    for (const unsafe of ['has spaces in it', 'x'.repeat(200), '<script>', 'a\tb']) {
      const res = await http(stack, 'GET', '/health', { headers: { 'X-Request-Id': unsafe } });
      expect(res.headers.get('x-request-id')).not.toBe(unsafe);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }

    const lost = await http(stack, 'GET', `/api/v1/nothing-here/${ID_NUMBER}`, { token, headers: { 'X-Request-Id': 'lost-1' } });
    expect(lost.status).toBe(404);
    await eventually(async () => requestLines('lost-1').length === 1);
    const line = requestLines('lost-1')[0];
    expect(line).toMatchObject({ method: 'GET', status: 404 });
    expect(line).not.toHaveProperty('route');
    expect(line.path).toMatch(/^\/api\/v1\/nothing-here\//);
  });

  it('never writes a token, an ID number or a phone number, even where a route or path holds one', async () => {
    // A "case id" that is a phone number: the request line's caseId comes from the route, and is masked.
    const byPhone = await http(stack, 'GET', `/api/v1/cases/${PHONE}`, { token, headers: { 'X-Request-Id': 'phone-1' } });
    expect(byPhone.status).toBeGreaterThanOrEqual(400);
    await eventually(async () => requestLines('phone-1').length === 1);
    expect(requestLines('phone-1')[0].caseId).toBe('139****5678');

    const all = raw.join('');
    expect(all).not.toContain(token);
    expect(all).not.toContain(token.split('.')[2]);
    expect(all).not.toContain(ID_NUMBER);
    expect(all).not.toContain(PHONE);
    // Every line the apps wrote is one JSON object.
    expect(raw.length).toBeGreaterThan(5);
    for (const l of raw) expect(() => JSON.parse(l) as unknown).not.toThrow();
  });
});
