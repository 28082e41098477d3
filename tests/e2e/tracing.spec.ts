import { randomUUID } from 'node:crypto';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { SpanKind } from '@opentelemetry/api';
import { exportSpansTo } from '@zhifa/tracing';
import { eventually } from '../support/eventually';
import { http, startStack, Stack } from '../support/stack';

// Tracing on (TRACING=otlp), the spans of the three apps caught in memory instead of sent: one command over HTTP
// must make one trace from the request through the Update, the workflow and its activity to the job it caused.
describe('tracing across HTTP, the Update, the activity and the job', () => {
  const exporter = new InMemorySpanExporter();
  let stack: Stack;
  let token: string;

  beforeAll(async () => {
    exportSpansTo(exporter);
    stack = await startStack({ jobs: true, env: { TRACING: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' } });
    token = await stack.token('officer.zhang');
  });
  afterAll(async () => {
    await stack?.close();
    exportSpansTo(undefined);
    delete process.env.TRACING;
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  });

  const spans = (): ReadableSpan[] => exporter.getFinishedSpans();
  const service = (s: ReadableSpan): unknown => s.resource.attributes['service.name'];
  /** The spans of a trace as "service name <- parent", for a failure to show what was made. */
  const tree = (traceId: string): string[] =>
    spans()
      .filter((s) => s.spanContext().traceId === traceId)
      .map((s) => `${String(service(s))} ${s.name} ${s.spanContext().spanId} <- ${s.parentSpanId ?? 'root'}`);

  it('makes one trace with the HTTP span, the Update, the workflow, the activity and the job span linked parent to child', async () => {
    const requestId = `trace-${randomUUID()}`;
    const created = await http(stack, 'POST', '/api/v1/cases', {
      token,
      headers: { 'X-Request-Id': requestId },
      body: {
        source: 'complaint (12315 hotline)',
        discoveredAt: '2026-11-20T02:00:00Z',
        party: { type: 'PERSON', name: '王某某', address: '长治市潞州区某街1号' },
        violationCode: 'FOOD-UNLICENSED',
        summary: 'Selling packaged food without a licence',
        procedure: 'ORDINARY',
        officerIds: [stack.userId('officer.zhang'), stack.userId('officer.li')],
      },
    });
    expect(created.status).toBe(201);

    const httpSpan = await eventually(async () => spans().find((s) => s.kind === SpanKind.SERVER && s.attributes['zhifa.request_id'] === requestId));
    expect(service(httpSpan)).toBe('case-api');
    expect(httpSpan.kind).toBe(SpanKind.SERVER);
    expect(httpSpan.name).toBe('POST /api/v1/cases');
    expect(httpSpan.attributes).toMatchObject({ 'http.route': '/api/v1/cases', 'http.response.status_code': 201 });
    const traceId = httpSpan.spanContext().traceId;
    const inTrace = (name: string) => spans().find((s) => s.spanContext().traceId === traceId && s.name.startsWith(name));
    const job = await eventually(async () => spans().find((s) => s.spanContext().traceId === traceId && service(s) === 'jobs'));

    const parentOf = (s: ReadableSpan) => spans().find((p) => p.spanContext().spanId === s.parentSpanId);
    const shown = tree(traceId).join('\n');
    const update = inTrace('UpdateWithStartWorkflow:');
    const handle = inTrace('HandleUpdate:');
    const startActivity = inTrace('StartActivity:appendCaseEvents');
    const activity = inTrace('RunActivity:appendCaseEvents');
    expect({ update: !!update, handle: !!handle, startActivity: !!startActivity, activity: !!activity, shown }).toEqual({
      update: true,
      handle: true,
      startActivity: true,
      activity: true,
      shown,
    });

    // case-api: the request, then the Update the handler sent (the official client interceptor) under it.
    expect(service(update!)).toBe('case-api');
    expect(update!.parentSpanId).toBe(httpSpan.spanContext().spanId);
    // worker, in the workflow sandbox: the Update's handling, the child of the client's span (the Temporal headers) …
    expect(service(handle!)).toBe('worker');
    expect(handle!.parentSpanId).toBe(update!.spanContext().spanId);
    // … scheduling the activity from within the handler, and the activity run under it, in the worker's process.
    expect(startActivity!.parentSpanId).toBe(handle!.spanContext().spanId);
    expect(service(activity!)).toBe('worker');
    expect(activity!.parentSpanId).toBe(startActivity!.spanContext().spanId);
    // jobs: a job of the event the activity recorded, the child of the activity's span (the outbox message's trace).
    expect(job.kind).toBe(SpanKind.CONSUMER);
    expect(job.parentSpanId).toBe(activity!.spanContext().spanId);
    expect(parentOf(job)?.name).toBe('RunActivity:appendCaseEvents');
    expect(job.attributes['zhifa.request_id']).toBe(requestId);
  });

  it('names a read by its route pattern and makes no Temporal span for it', async () => {
    const requestId = `read-${randomUUID()}`;
    const res = await http(stack, 'GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000/timeline', { token, headers: { 'X-Request-Id': requestId } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const span = await eventually(async () => spans().find((s) => s.attributes['zhifa.request_id'] === requestId));
    expect(span.name).toBe('GET /api/v1/cases/:id/timeline');
    expect(span.attributes['http.response.status_code']).toBe(res.status);
    expect(tree(span.spanContext().traceId)).toHaveLength(1);
  });
});
