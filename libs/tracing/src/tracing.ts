import { context, propagation, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { AppConfig } from '@zhifa/config';

/** The three services a trace crosses, as `service.name` names them. */
export type TracedService = 'case-api' | 'worker' | 'jobs';

/**
 * One app's tracing: its own provider and resource (service.name), so the
 * three apps keep their names even in one process (the e2e stack). Nothing
 * here registers a global tracer provider: every span is made through
 * `tracer`, which the middleware and the Temporal interceptors are given.
 */
export class AppTracing {
  readonly tracer: Tracer;

  constructor(
    readonly service: TracedService,
    readonly resource: Resource,
    /** Also what the worker's workflow spans (made in the sandbox, sent through a sink) go through. */
    readonly processor: SpanProcessor,
    private readonly provider: BasicTracerProvider,
  ) {
    this.tracer = provider.getTracer(`zhifa-${service}`);
  }

  /** Sends what is still buffered; on shutdown, after the app's last span. */
  async shutdown(): Promise<void> {
    await this.provider.shutdown();
  }
}

let testExporter: SpanExporter | undefined;

/**
 * Tests only: apps started after this send their spans to `exporter`
 * (an InMemorySpanExporter), synchronously, instead of to the OTLP endpoint.
 * Tracing must still be switched on in the config.
 */
export function exportSpansTo(exporter: SpanExporter | undefined): void {
  testExporter = exporter;
}

let globalsInstalled = false;

/**
 * What the OpenTelemetry API needs process-wide, whatever app asks first: an
 * async context (so the span of a request is the parent of what its handler
 * does, across awaits) and W3C trace-context propagation (the Temporal
 * interceptors and the outbox carry `traceparent`). Only installed when
 * tracing is on: with it off the API keeps its no-op defaults.
 */
function installGlobals(): void {
  if (globalsInstalled) return;
  globalsInstalled = true;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
}

/** The app's tracing, or undefined when the config leaves it off (then nothing at all is set up). */
export function createTracing(service: TracedService, cfg: AppConfig['tracing']): AppTracing | undefined {
  if (cfg.exporter === 'off') return undefined;
  installGlobals();
  const resource = new Resource({ 'service.name': service, 'service.namespace': 'zhifa' });
  const processor = testExporter
    ? new SimpleSpanProcessor(testExporter)
    : new BatchSpanProcessor(new OTLPTraceExporter({ url: `${cfg.endpoint.replace(/\/+$/, '')}/v1/traces` }));
  const provider = new BasicTracerProvider({ resource });
  provider.addSpanProcessor(processor);
  return new AppTracing(service, resource, processor, provider);
}
