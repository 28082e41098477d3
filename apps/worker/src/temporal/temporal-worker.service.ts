import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DefaultLogger, LogLevel, NativeConnection, Runtime, Worker } from '@temporalio/worker';
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
      workflowBundlePath: this.cfg.workflowBundle,
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

/** The SDK's runtime can be installed once per process, before its first use. */
function installRuntimeLogger(level: AppConfig['logLevel']): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger(SDK_LEVELS[level]) });
  } catch {
    // Already installed by an earlier worker in this process (tests): keep it.
  }
}
