import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { AppTracing, createTracing, type TracedService } from './tracing';

/** Injects the app's `AppTracing`, or null with tracing off. */
export const APP_TRACING = Symbol('APP_TRACING');

/** Flushes the app's spans when it stops (the batch processor holds up to five seconds of them). */
@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  constructor(@Inject(APP_TRACING) private readonly tracing: AppTracing | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.tracing?.shutdown().catch((err: unknown) => new Logger('Tracing').warn(`spans not flushed: ${String(err)}`));
  }
}

/** The app's tracing (per the config's `tracing`), for any of its modules to inject under APP_TRACING. */
@Module({})
export class TracingModule {
  static forApp(service: TracedService): DynamicModule {
    return {
      module: TracingModule,
      global: true,
      providers: [
        {
          provide: APP_TRACING,
          useFactory: (cfg: AppConfig) => {
            const tracing = createTracing(service, cfg.tracing) ?? null;
            if (tracing && cfg.tracing.exporter === 'otlp') new Logger('Tracing').log(`${service}: spans to ${cfg.tracing.endpoint} (OTLP/HTTP)`);
            return tracing;
          },
          inject: [APP_CONFIG],
        },
        TracingShutdown,
      ],
      exports: [APP_TRACING],
    };
  }
}
