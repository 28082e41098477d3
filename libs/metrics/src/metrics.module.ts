import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown, type Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { AppMetrics, type MetricsApp } from './app-metrics';
import { listenForScrapes, type MetricsListener } from './metrics-listener';

const LISTEN_PORT = Symbol('METRICS_LISTEN_PORT');

/** The worker's and the jobs app's own metrics listener, on the port the config names (0: none). */
@Injectable()
export class MetricsEndpoint implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private listener?: MetricsListener;

  constructor(
    private readonly metrics: AppMetrics,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    @Inject(LISTEN_PORT) private readonly port: (cfg: AppConfig) => number,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.port(this.cfg);
    if (!port) return;
    this.listener = await listenForScrapes(this.metrics, { port, token: this.cfg.metrics.token });
    this.logger.log(`${this.metrics.app} metrics at http://0.0.0.0:${this.listener.port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.close();
  }
}

/** The providers of an app's own metrics listener, on the port `port` reads from the config (0: none); the app imports MetricsModule too. */
export function metricsEndpoint(port: (cfg: AppConfig) => number): Provider[] {
  return [{ provide: LISTEN_PORT, useValue: port }, MetricsEndpoint];
}

/** One registry for the app (`AppMetrics`), for any of its modules to inject. */
@Module({})
export class MetricsModule {
  static forApp(app: MetricsApp): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      providers: [{ provide: AppMetrics, useFactory: () => new AppMetrics(app) }],
      exports: [AppMetrics],
    };
  }
}
