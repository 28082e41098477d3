import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DefaultLogger, LogEntry, LogLevel, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { IllegalStateError } from '@temporalio/common';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { AppMetrics } from '@zhifa/metrics';
import { APP_TRACING, type AppTracing } from '@zhifa/tracing';
import { workerTracing } from './worker-tracing';
import { activityMetrics } from './activity-metrics';
import { CaseActivitiesService, CASE_ACTIVITY_NAMES } from '../case.activities';
import { bindActivities, createCaseWorker } from './worker-factory';

/** Runs the Temporal worker for the life of the Nest context. */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TemporalWorker');
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    private readonly activities: CaseActivitiesService,
    private readonly metrics: AppMetrics,
    @Inject(APP_TRACING) private readonly tracing: AppTracing | null,
  ) {
    const running = () => this.worker?.getState() === 'RUNNING';
    // What the compose healthcheck looks for: the process may outlive a worker that stopped with an error.
    metrics.gauge({
      name: 'zhifa_worker_running',
      help: '1 while the Temporal worker polls its task queue, else 0 (starting, draining, stopped or failed)',
      collect() {
        this.set(running() ? 1 : 0);
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    installRuntimeLogger(this.cfg.logLevel, this.cfg.metrics.temporalAddress);
    const { address, namespace, taskQueue } = this.cfg.temporal;
    this.connection = await NativeConnection.connect({ address });
    this.worker = await createCaseWorker({
      connection: this.connection,
      namespace,
      taskQueue,
      activities: bindActivities(this.activities, CASE_ACTIVITY_NAMES),
      activityInterceptors: [activityMetrics(this.metrics)],
      workflowBundlePath: this.cfg.workflowBundle,
      ...(this.tracing ? { tracing: workerTracing(this.tracing) } : {}),
    });
    this.running = this.worker.run();
    this.running.catch((err: unknown) => {
      this.logger.error(`worker stopped with an error: ${String(err)}`);
      process.exitCode = 1;
    });
    const workflows = this.cfg.workflowBundle ? `prebuilt bundle ${this.cfg.workflowBundle}` : 'bundled from source';
    this.logger.log(`ready: polling task queue "${taskQueue}" on ${address} (namespace ${namespace}), workflows ${workflows}`);
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    if (!this.worker) return;
    this.logger.log(`${signal ?? 'shutdown'}: draining in-flight tasks`);
    if (this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
    this.logger.log('stopped');
  }
}

const SDK_LEVELS: Record<AppConfig['logLevel'], LogLevel> = {
  error: 'ERROR',
  warn: 'WARN',
  log: 'INFO',
  debug: 'DEBUG',
  verbose: 'TRACE',
};
let runtimeInstalled = false;

/**
 * The SDK's runtime can be installed once per process, before its first use;
 * with `metricsAddress` (TEMPORAL_METRICS_ADDRESS) its Prometheus exporter
 * serves the SDK's own metrics there (task latencies, slots, polls).
 */
function installRuntimeLogger(level: AppConfig['logLevel'], metricsAddress?: string): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({
      logger: new DefaultLogger(SDK_LEVELS[level], toNestLogger),
      ...(metricsAddress ? { telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } } } : {}),
    });
  } catch (err) {
    // Already installed by an earlier worker in this process (tests): keep it. Anything else (the
    // exporter's address taken) stops the start, rather than leaving the SDK's metrics silently off.
    if (!(err instanceof IllegalStateError)) {
      runtimeInstalled = false;
      throw new Error(`the Temporal SDK runtime could not be installed${metricsAddress ? ` (TEMPORAL_METRICS_ADDRESS ${metricsAddress})` : ''}: ${(err as Error).message}`);
    }
  }
}

const sdkLogger = new Logger('Temporal');
const NEST_METHODS = { TRACE: 'verbose', DEBUG: 'debug', INFO: 'log', WARN: 'warn', ERROR: 'error' } as const;

/** The SDK's lines (worker state, workflow and activity logs with their ids) go out as the app's own, in LOG_FORMAT. */
function toNestLogger(entry: LogEntry): void {
  sdkLogger[NEST_METHODS[entry.level]]({ ...(entry.meta ?? {}), message: entry.message });
}
