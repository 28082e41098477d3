import { Client } from 'pg';
import { DataSource, type Logger, type QueryRunner } from 'typeorm';
import { readScope, type ActorSnapshot, type Role } from '@zhifa/domain';
import { CaseReadRepository, dataSourceOptions, migrate, type CaseListFilter } from '@zhifa/persistence';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { seedDemo } from '../../infra/seed/seed';
import { seedVolume } from '../../infra/seed/volume';

// The case list at volume: the database `npm run seed:volume` fills
// (topped up here to the wanted count, as bench/statistics.bench.ts does),
// the list's filters as query strings for GET /api/v1/cases, and the SQL the
// repository runs for each (captured from TypeORM) for EXPLAIN ANALYZE.

export interface ListCase {
  name: string;
  user: string;
  query: Record<string, string>;
}

export function listCases(userIds: Record<string, string>): ListCase[] {
  const day = 86400_000;
  const from = new Date(Date.now() - 30 * day).toISOString();
  const to = new Date().toISOString();
  return [
    { name: 'head, no filter (newest 20)', user: 'head.sun', query: {} },
    { name: 'head, status=FILED', user: 'head.sun', query: { status: 'FILED' } },
    { name: 'head, overdue=true', user: 'head.sun', query: { overdue: 'true' } },
    { name: 'head, officerId (officer.li)', user: 'head.sun', query: { officerId: userIds['officer.li'] } },
    { name: 'head, registered in the last 30 days', user: 'head.sun', query: { from, to } },
    { name: 'head, text=王', user: 'head.sun', query: { text: '王' } },
    { name: 'head, status + last 30 days, page 5', user: 'head.sun', query: { status: 'CLOSED', from, to, page: '5' } },
    { name: 'head, no filter, page 100', user: 'head.sun', query: { page: '100' } },
    { name: 'officer.zhang, own cases', user: 'officer.zhang', query: {} },
  ];
}

/** Creates the volume database if absent, migrates, seeds the demo agency, tops it up to `cases`. */
export async function volumeDatabase(url: string, cases: number, log: (l: string) => void): Promise<{ cases: number; events: number }> {
  const name = new URL(url).pathname.slice(1);
  if (name === 'zhifa') throw new Error('refusing the development database zhifa as the volume database');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  if (!(await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  const ds = new DataSource({ ...dataSourceOptions(url), logging: false });
  await ds.initialize();
  try {
    await migrate(ds);
    await seedDemo(ds, DEMO_POLICY);
    const [{ n }] = await ds.query<{ n: string }[]>('SELECT count(*) AS n FROM cases WHERE agency_id = $1', [DEMO_AGENCY.id]);
    if (Number(n) < cases) {
      log(`seeding ${cases - Number(n)} cases into ${name} (npm run seed:volume's seed)…`);
      // Numbers of their own when topping up (the seed numbers every batch of copies from 1).
      await seedVolume(ds, { cases: cases - Number(n), log, ...(Number(n) ? { numberPrefix: `+${Date.now().toString(36)}` } : {}) });
    }
    // As autovacuum leaves a table in time: the visibility map set (index-only scans read it), statistics taken.
    await ds.query('VACUUM ANALYZE cases');
    const [counts] = await ds.query<{ cases: string; events: string }[]>('SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM case_events) AS events');
    return { cases: Number(counts.cases), events: Number(counts.events) };
  } finally {
    await ds.destroy();
  }
}

class Capture implements Logger {
  queries: { sql: string; params: unknown[] }[] = [];
  logQuery(query: string, parameters?: unknown[], _qr?: QueryRunner): void {
    if (/^\s*SELECT/i.test(query)) this.queries.push({ sql: query, params: parameters ?? [] });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** EXPLAIN (ANALYZE, BUFFERS) of each query the repository runs for the list case. */
export async function listPlans(url: string, users: Record<string, { id: string; roles: string[] }>, cases: ListCase[]): Promise<{ name: string; plans: string[] }[]> {
  const capture = new Capture();
  const ds = new DataSource({ ...dataSourceOptions(url), logger: capture, logging: true });
  await ds.initialize();
  try {
    const repo = new CaseReadRepository(ds);
    const out: { name: string; plans: string[] }[] = [];
    for (const lc of cases) {
      const u = users[lc.user];
      const actor = { userId: u.id, agencyId: DEMO_AGENCY.id, roles: u.roles as Role[] } as ActorSnapshot;
      const q = lc.query;
      const filter: CaseListFilter = {
        page: Number(q.page ?? 1),
        pageSize: 20,
        ...(q.status ? { status: q.status } : {}),
        ...(q.overdue ? { overdue: q.overdue === 'true' } : {}),
        ...(q.officerId ? { officerId: q.officerId } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        ...(q.text ? { text: q.text } : {}),
      };
      capture.queries = [];
      await repo.list(readScope(actor), filter);
      const plans: string[] = [];
      for (const { sql, params } of capture.queries.splice(0)) {
        const rows = await ds.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
      }
      capture.queries = [];
      out.push({ name: lc.name, plans });
    }
    return out;
  } finally {
    await ds.destroy();
  }
}
