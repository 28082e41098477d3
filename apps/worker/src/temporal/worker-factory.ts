import { resolve } from 'node:path';
import { BundleOptions, NativeConnection, Worker, type ActivityInterceptorsFactory } from '@temporalio/worker';
import type { CaseActivities } from '@zhifa/contracts';
import { workerInterceptors, type WorkerTracing } from './worker-tracing';

// Same layout in the repo and in dist/: apps/worker/src/temporal -> root.
const ROOT = resolve(__dirname, '../../../..');
export const WORKFLOWS_PATH = resolve(ROOT, 'workflows');

/** Path aliases for Temporal's workflow bundler (webpack), mirroring tsconfig paths. */
const WORKFLOW_ALIASES = {
  '@zhifa/domain': resolve(ROOT, 'libs/domain/src'),
  '@zhifa/contracts': resolve(ROOT, 'libs/contracts/src'),
};

/** Bundler settings for the case workflows (worker, replay tests, bundle script). */
export const WORKFLOW_BUNDLER_OPTIONS: Pick<BundleOptions, 'webpackConfigHook'> = {
  webpackConfigHook: (config) => {
    config.resolve = config.resolve ?? {};
    config.resolve.alias = { ...(config.resolve.alias as object), ...WORKFLOW_ALIASES };
    return config;
  },
};

export interface CaseWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: CaseActivities;
  /** A pre-built bundle (production); otherwise the workflows are bundled at start. */
  workflowBundlePath?: string;
  /** Around each activity (the worker's metrics). */
  activityInterceptors?: ActivityInterceptorsFactory[];
  /** With tracing on (worker-tracing.ts); absent, the worker has no tracing interceptor and bundles as always. */
  tracing?: WorkerTracing;
}

export function createCaseWorker(opts: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: opts.activities,
    ...withInterceptors(workerInterceptors(opts.activityInterceptors, opts.tracing)),
    ...(opts.tracing ? { sinks: opts.tracing.sinks } : {}),
    ...(opts.workflowBundlePath
      ? { workflowBundle: { codePath: opts.workflowBundlePath } }
      : {
          workflowsPath: WORKFLOWS_PATH,
          bundlerOptions: WORKFLOW_BUNDLER_OPTIONS,
        }),
    // Let in-flight activities finish on SIGTERM before the worker stops.
    shutdownGraceTime: '30s',
  });
}

function withInterceptors(interceptors: ReturnType<typeof workerInterceptors>) {
  return interceptors ? { interceptors } : {};
}

/** Binds an activities provider's methods so Temporal can call them unbound. */
export function bindActivities<T extends object>(provider: T, names: (keyof T)[]): T {
  const bound = {} as T;
  for (const name of names) {
    const fn = provider[name];
    if (typeof fn !== 'function') throw new Error(`activity ${String(name)} is not a method`);
    bound[name] = fn.bind(provider);
  }
  return bound;
}
