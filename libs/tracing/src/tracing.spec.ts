import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { contextFromCarrier, createTracing, currentTraceCarrier, exportSpansTo } from './index';

// One file, one module registry: the "off" case runs first, before any test switches tracing on in this process.
describe('tracing', () => {
  afterAll(() => exportSpansTo(undefined));

  it('with tracing off sets up nothing: no tracing, no context manager, no propagator, no carrier', () => {
    expect(createTracing('case-api', { exporter: 'off' })).toBeUndefined();
    const span = trace.getTracer('t').startSpan('s');
    // The API's no-op defaults: a span that records nothing, a context that does not follow it.
    expect(span.isRecording()).toBe(false);
    expect(context.with(trace.setSpan(context.active(), span), () => currentTraceCarrier())).toBeUndefined();
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(context.active(), span), carrier);
    expect(carrier).toEqual({});
  });

  it('with tracing on names the service, carries the active span as traceparent and reads it back as a remote parent', async () => {
    const exporter = new InMemorySpanExporter();
    exportSpansTo(exporter);
    const tracing = createTracing('jobs', { exporter: 'otlp', endpoint: 'http://127.0.0.1:1' })!;
    const parent = tracing.tracer.startSpan('parent');
    const carrier = context.with(trace.setSpan(context.active(), parent), () => currentTraceCarrier());
    expect(carrier?.traceparent).toBe(`00-${parent.spanContext().traceId}-${parent.spanContext().spanId}-01`);
    const child = tracing.tracer.startSpan('child', {}, contextFromCarrier(carrier));
    child.end();
    parent.end();
    const [c, p] = exporter.getFinishedSpans();
    expect(c.parentSpanId).toBe(p.spanContext().spanId);
    expect(c.spanContext().traceId).toBe(p.spanContext().traceId);
    expect(p.resource.attributes['service.name']).toBe('jobs');
    expect(trace.getSpan(contextFromCarrier({ traceparent: 'garbage' }))).toBeUndefined();
    expect(contextFromCarrier(undefined)).toBe(contextFromCarrier({}));
    await tracing.shutdown();
  });
});
