import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { AppMetrics, secondsSince } from '@zhifa/metrics';

/**
 * Counts and times every activity this worker runs, by activity type and
 * outcome (completed, failed, cancelled); a failure also carries its type (an
 * ApplicationFailure's code, such as CASE.NOT_FOUND, or the error's class).
 * The SDK's own metrics (TEMPORAL_METRICS_ADDRESS) tell the same per task
 * queue; these are on the worker's port whether or not that exporter runs.
 */
export function activityMetrics(metrics: AppMetrics): ActivityInterceptorsFactory {
  const runs = metrics.counter({
    name: 'zhifa_worker_activities_total',
    help: 'Activity executions (each attempt) by activity type, outcome and, for failures, error type',
    labelNames: ['activity', 'outcome', 'error_type'] as const,
  });
  const durations = metrics.histogram({
    name: 'zhifa_worker_activity_duration_seconds',
    help: 'Time one activity attempt ran in this worker, by activity type and outcome',
    labelNames: ['activity', 'outcome'] as const,
  });
  return (ctx) => ({
    inbound: {
      async execute(input, next) {
        const activity = ctx.info.activityType;
        const start = process.hrtime.bigint();
        try {
          const result = await next(input);
          runs.inc({ activity, outcome: 'completed', error_type: '' });
          durations.observe({ activity, outcome: 'completed' }, secondsSince(start));
          return result;
        } catch (err) {
          const outcome = err instanceof CancelledFailure ? 'cancelled' : 'failed';
          runs.inc({ activity, outcome, error_type: outcome === 'failed' ? errorType(err) : '' });
          durations.observe({ activity, outcome }, secondsSince(start));
          throw err;
        }
      },
    },
  });
}

function errorType(err: unknown): string {
  if (err instanceof ApplicationFailure) return err.type ?? 'ApplicationFailure';
  return err instanceof Error ? err.name : 'unknown';
}
