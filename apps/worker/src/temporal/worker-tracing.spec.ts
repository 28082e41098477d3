import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { createTracing, exportSpansTo } from '@zhifa/tracing';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { WORKFLOW_TRACING_INTERCEPTORS, workerInterceptors, workerTracing } from './worker-tracing';

describe('worker tracing options', () => {
  const metrics: ActivityInterceptorsFactory = () => ({});

  it('with tracing off registers nothing: no workflow module (the bundle is as always), no sink, only the metrics interceptor', () => {
    expect(createTracing('worker', { exporter: 'off' })).toBeUndefined();
    expect(workerInterceptors(undefined, undefined)).toBeUndefined();
    expect(workerInterceptors([metrics], undefined)).toEqual({ activity: [metrics] });
  });

  it('with tracing on adds the official workflow interceptors module, the activity interceptor and the span sink', async () => {
    exportSpansTo(new InMemorySpanExporter());
    const tracing = createTracing('worker', { exporter: 'otlp', endpoint: 'http://127.0.0.1:1' })!;
    const options = workerTracing(tracing);
    expect(WORKFLOW_TRACING_INTERCEPTORS).toMatch(/@temporalio\/interceptors-opentelemetry\/lib\/workflow-interceptors\.js$/);
    expect(workerInterceptors([metrics], options)).toEqual({ activity: [metrics, options.activity], workflowModules: [WORKFLOW_TRACING_INTERCEPTORS] });
    expect(typeof options.sinks.exporter.export.fn).toBe('function');
    exportSpansTo(undefined);
    await tracing.shutdown();
  });
});
