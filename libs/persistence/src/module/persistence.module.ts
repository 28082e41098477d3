import { Global, Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { dataSourceOptions } from '../data-source';
import { REPOSITORIES } from '../repositories';
import { migrate } from '../migrate';

/**
 * TypeORM on Postgres for any app, and every repository over it: apps inject
 * repositories and never see TypeORM. Migrations run on start under a lock
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
  providers: REPOSITORIES.map((repo) => ({ provide: repo, inject: [DataSource], useFactory: (ds: DataSource) => new repo(ds) })),
  exports: [...REPOSITORIES],
})
export class PersistenceModule implements OnModuleInit {
  private readonly logger = new Logger('Persistence');

  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async onModuleInit(): Promise<void> {
    const applied = await migrate(this.ds);
    if (applied.length) this.logger.log(`Applied migrations: ${applied.join(', ')}`);
  }
}
