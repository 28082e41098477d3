import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, AppConfig } from '@zhifa/config';

/**
 * The API's Temporal client. The connection is lazy so the API starts (and
 * reports not-ready) while Temporal is down, instead of crashing at boot.
 */
@Injectable()
export class TemporalClientProvider implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;

  constructor(@Inject(APP_CONFIG) readonly cfg: AppConfig) {
    this.connection = Connection.lazy({ address: cfg.temporal.address });
    this.client = new Client({ connection: this.connection, namespace: cfg.temporal.namespace });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
