import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DefaultLogger, LogEntry, LogLevel, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    installRuntimeLogger(this.cfg.logLevel);
    const { address, namespace, taskQueue } = this.cfg.temporal;
    this.connection = await NativeConnection.connect({ address });
    this.worker = await createCaseWorker({
      connection: this.connection,
      namespace,
      taskQueue,
      activities: bindActivities(this.activities, CASE_ACTIVITY_NAMES),
    });
    this.running = this.worker.run();
    this.running.catch((err: unknown) => {
      this.logger.error(`worker stopped with an error: ${String(err)}`);
      process.exitCode = 1;
    });
    this.logger.log(`ready: polling task queue "${taskQueue}" on ${address} (namespace ${namespace})`);
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

/** The SDK's runtime can be installed once per process, before its first use. */
function installRuntimeLogger(level: AppConfig['logLevel']): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger(SDK_LEVELS[level], toNestLogger) });
  } catch {
    // Already installed by an earlier worker in this process (tests): keep it.
  }
}

const sdkLogger = new Logger('Temporal');
const NEST_METHODS = { TRACE: 'verbose', DEBUG: 'debug', INFO: 'log', WARN: 'warn', ERROR: 'error' } as const;

/** The SDK's lines (worker state, workflow and activity logs with their ids) go out as the app's own, in LOG_FORMAT. */
function toNestLogger(entry: LogEntry): void {
  sdkLogger[NEST_METHODS[entry.level]]({ ...(entry.meta ?? {}), message: entry.message });
}
