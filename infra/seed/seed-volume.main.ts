import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createDataSource, migrate } from '@zhifa/persistence';
import { DEMO_POLICY } from './demo-policy';
import { seedDemo } from './seed';
import { seedVolume } from './volume';

// `npm run seed:volume -- 100000 [--database=postgres://…/zhifa_volume] [--fresh]`
// Synthetic cases of the demo agency (infra/seed/volume.ts) in a database of
// their own: zhifa_volume unless named; created when missing, dropped first
// with --fresh. The development database (zhifa) is refused: volume data
// would bury the demo's cases.
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/zhifa_volume';
const REFUSED = ['zhifa', 'postgres'];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 100000);
  const url = args.find((a) => a.startsWith('--database='))?.slice('--database='.length) ?? DEFAULT_URL;
  const name = new URL(url).pathname.slice(1);
  if (REFUSED.includes(name)) throw new Error(`refusing to seed volume data into "${name}": name a database of its own (--database=…)`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  if (args.includes('--fresh')) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!exists.rowCount) await c.query(`CREATE DATABASE "${name}"`);
  await c.end();

  const ds = createDataSource(url, { logQueries: false });
  await ds.initialize();
  try {
    await migrate(ds);
    await seedDemo(ds, DEMO_POLICY);
    const t0 = performance.now();
    const r = await seedVolume(ds, { cases: count, log: (l) => process.stdout.write(`${l}\n`) });
    const s = (performance.now() - t0) / 1000;
    // A bulk load: its visibility map set and its statistics taken now, as autovacuum would in time (index-only scans need the first).
    await ds.query('VACUUM ANALYZE');
    process.stdout.write(`Seeded ${r.cases} cases (${r.events} events) into ${name} in ${s.toFixed(1)} s from ${r.templates.length} templates\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`seed:volume failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
