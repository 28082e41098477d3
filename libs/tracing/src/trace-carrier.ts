import { context, propagation, ROOT_CONTEXT, type Context } from '@opentelemetry/api';

/** The W3C trace context of a span, as it travels in a message (the outbox row, a job's data). */
export interface TraceCarrier {
  traceparent: string;
  tracestate?: string;
}

/**
 * The active span's context as a carrier, or undefined when there is none —
 * always so with tracing off, when the API's propagator is a no-op.
 */
export function currentTraceCarrier(): TraceCarrier | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  if (!carrier.traceparent) return undefined;
  return { traceparent: carrier.traceparent, ...(carrier.tracestate ? { tracestate: carrier.tracestate } : {}) };
}

/** The context a message's carrier names (a remote parent), or the root context when it carries none. */
export function contextFromCarrier(carrier: unknown): Context {
  if (!carrier || typeof carrier !== 'object') return ROOT_CONTEXT;
  const { traceparent, tracestate } = carrier as Record<string, unknown>;
  if (typeof traceparent !== 'string') return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { traceparent, ...(typeof tracestate === 'string' ? { tracestate } : {}) });
}
