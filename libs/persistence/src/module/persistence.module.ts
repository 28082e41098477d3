import { Global, Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { dataSourceOptions } from '../data-source';
import { CaseEventStore } from '../repositories/case-event.store';
import { migrate } from '../migrate';

/**
 * TypeORM on Postgres for any app. Migrations run on start under a lock
 * (never `synchronize`), so an app never serves against an older schema.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (cfg: AppConfig) => dataSourceOptions(cfg.databaseUrl, { logQueries: cfg.nodeEnv !== 'test' }),
    }),
  ],
  providers: [{ provide: CaseEventStore, inject: [DataSource], useFactory: (ds: DataSource) => new CaseEventStore(ds) }],
  exports: [CaseEventStore],
})
export class PersistenceModule implements OnModuleInit {
  private readonly logger = new Logger('Persistence');

  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async onModuleInit(): Promise<void> {
    const applied = await migrate(this.ds);
    if (applied.length) this.logger.log(`Applied migrations: ${applied.join(', ')}`);
  }
}
