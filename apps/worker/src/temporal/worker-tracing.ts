import { OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor, makeWorkflowExporter } from '@temporalio/interceptors-opentelemetry/lib/worker';
import type { ActivityInterceptorsFactory, InjectedSinks, WorkerInterceptors } from '@temporalio/worker';
import type { OpenTelemetryWorkflowExporter } from '@temporalio/interceptors-opentelemetry/lib/workflow/definitions';
import type { AppTracing } from '@zhifa/tracing';

/**
 * The official workflow interceptors (a span per workflow run, Update and
 * activity scheduled, whose context goes to the activity in its headers). A
 * workflow module, so it is fixed when the workflows are bundled: the worker
 * bundles with it only when tracing is on, and a prebuilt bundle has it only
 * when built with `--tracing` (infra/workflows/build-bundle.ts). It emits no
 * command of its own (it adds a header to each activity), so histories made
 * with it and without it replay either way (tests/replay checks both).
 */
export const WORKFLOW_TRACING_INTERCEPTORS = require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

/** The worker options tracing adds: the workflow interceptors, the activity span, and the sink workflow spans leave the sandbox by. */
export interface WorkerTracing {
  workflowModules: string[];
  activity: ActivityInterceptorsFactory;
  sinks: InjectedSinks<{ exporter: OpenTelemetryWorkflowExporter }>;
}

export function workerTracing(tracing: AppTracing): WorkerTracing {
  return {
    workflowModules: [WORKFLOW_TRACING_INTERCEPTORS],
    // The span of each activity attempt, the child of the workflow's "StartActivity" span; the activity runs inside
    // its context, so what it writes to the outbox carries the trace on to the jobs (case.activities.ts).
    activity: (ctx) => ({
      inbound: new OpenTelemetryActivityInboundInterceptor(ctx, { tracer: tracing.tracer }),
      outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
    }),
    // Spans made in the workflow sandbox come out through this sink, into the worker's own processor and resource.
    sinks: { exporter: makeWorkflowExporter(tracing.processor, tracing.resource) },
  };
}

/** The interceptors part of the worker options. */
export function workerInterceptors(activity: ActivityInterceptorsFactory[] | undefined, tracing: WorkerTracing | undefined): WorkerInterceptors | undefined {
  const all = [...(activity ?? []), ...(tracing ? [tracing.activity] : [])];
  if (!all.length && !tracing) return undefined;
  return { ...(all.length ? { activity: all } : {}), ...(tracing ? { workflowModules: tracing.workflowModules } : {}) };
}
