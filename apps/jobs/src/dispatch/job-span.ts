import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Job } from 'bullmq';
import type { JobQueue } from '@zhifa/contracts';
import { contextFromCarrier, type AppTracing } from '@zhifa/tracing';

/**
 * Runs a job attempt in a consumer span whose parent is the trace its outbox
 * message carries (`data.trace`, written by the worker's activity): one trace
 * from the HTTP request to the job. A job with no trace (scheduled, or queued
 * with tracing off) starts a trace of its own.
 */
export async function traced<T>(tracing: AppTracing, queue: JobQueue, job: Job, run: () => Promise<T>): Promise<T> {
  const data = (job.data ?? {}) as Record<string, unknown>;
  const span = tracing.tracer.startSpan(
    `${queue} ${job.name}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'bullmq',
        'messaging.destination.name': queue,
        'messaging.message.id': job.id ?? '',
        'zhifa.job.attempt': job.attemptsMade + 1,
        ...(typeof data.eventId === 'string' ? { 'zhifa.event_id': data.eventId } : {}),
        ...(typeof data.requestId === 'string' ? { 'zhifa.request_id': data.requestId } : {}),
      },
    },
    contextFromCarrier(data.trace),
  );
  try {
    return await context.with(trace.setSpan(context.active(), span), run);
  } catch (err) {
    span.recordException(err as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
    throw err;
  } finally {
    span.end();
  }
}
