import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { APP_TRACING, type AppTracing } from '@zhifa/tracing';

/**
 * The API's Temporal client. The connection is lazy so the API starts (and
 * reports not-ready) while Temporal is down, instead of crashing at boot.
 */
@Injectable()
export class TemporalClientProvider implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;

  constructor(
    @Inject(APP_CONFIG) readonly cfg: AppConfig,
    @Inject(APP_TRACING) tracing: AppTracing | null,
  ) {
    this.connection = Connection.lazy({ address: cfg.temporal.address });
    this.client = new Client({
      connection: this.connection,
      namespace: cfg.temporal.namespace,
      // With tracing on, the official interceptor makes a span of each Update (and start) and sends its context in the
      // Temporal headers, where the worker's workflow interceptors take it up. Off: no interceptor at all.
      ...(tracing ? { interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor({ tracer: tracing.tracer })] } } : {}),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
