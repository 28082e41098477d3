import { DataSource } from 'typeorm';

const MIGRATION_LOCK = 7_240_001; // arbitrary, fixed: one migrator at a time across all apps

/**
 * Runs pending migrations under a session advisory lock, so three apps
 * starting together on an empty database do not race to create tables.
 */
export async function migrate(ds: DataSource): Promise<string[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
