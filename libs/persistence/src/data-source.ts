import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(databaseUrl: string, opts: { logQueries?: boolean } = {}): DataSourceOptions {
  // Migrations are applied by migrate() under a lock, never by synchronize.
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Failed queries are logged in the apps; tests that provoke them on purpose turn this off.
    logging: opts.logQueries === false ? false : ['error', 'warn'],
    extra: { max: 10, application_name: 'zhifa' },
  };
}

export function createDataSource(databaseUrl: string, opts: { logQueries?: boolean } = {}): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl, opts));
}
