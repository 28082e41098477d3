import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { CaseEventStore, createDataSource, dailyStatisticsSql, migrate, STATISTICS_GROUPINGS, StatisticsRepository, statisticsSql } from '@zhifa/persistence';
import { DEMO_AGENCY } from '../infra/seed/demo-people';
import { DEMO_POLICY } from '../infra/seed/demo-policy';
import { seedDemo } from '../infra/seed/seed';
import { seedVolume } from '../infra/seed/volume';

// The supervisors' statistics (GET /supervision/statistics) at volume: each
// of its SQL queries as the API runs them (cases and penalties from the daily
// roll-up, events and transfers from their projections), for each grouping,
// over a year and over a month of local days, timed over BENCH_RUNS runs
// (min / median / max), with its plan (EXPLAIN ANALYZE); and, for comparison,
// the cases and penalties queries over case_statistics the roll-up replaces.
// Target (issue 13): each query under 200 ms at 100,000 cases.
// The database (BENCH_STATISTICS_DATABASE_URL, default zhifa_volume) is
// topped up to BENCH_STATISTICS_CASES (default 100000) with `seed:volume`'s
// synthetic cases when it holds fewer; a sample of their chains is verified.
const URL_ = process.env.BENCH_STATISTICS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zhifa_volume';
const CASES = Number(process.env.BENCH_STATISTICS_CASES ?? 100000);
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 5));
const TARGET_MS = 200;

const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  const name = new URL(URL_).pathname.slice(1);
  const admin = new URL(URL_);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  if (!(await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) await c.query(`CREATE DATABASE "${name}"`);
  await c.end();

  const ds = createDataSource(URL_, { logQueries: false });
  await ds.initialize();
  await migrate(ds);
  await seedDemo(ds, DEMO_POLICY);
  const [{ n }] = await ds.query<{ n: string }[]>('SELECT count(*) AS n FROM cases WHERE agency_id = $1', [DEMO_AGENCY.id]);
  if (Number(n) < CASES) {
    console.log(`seeding ${CASES - Number(n)} cases into ${name}…`);
    await seedVolume(ds, { cases: CASES - Number(n), log: (l) => console.log(l) });
    await ds.query('ANALYZE');
  }
  const [counts] = await ds.query<{ cases: string; events: string; facts: string }[]>(
    'SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM case_events) AS events, (SELECT count(*) FROM case_statistic_events) AS facts',
  );
  console.log(`\n${name}: ${counts.cases} cases, ${counts.events} events, ${counts.facts} counted events`);

  // The seeded chains verify as the event store verifies them.
  const store = new CaseEventStore(ds);
  const sample = await ds.query<{ id: string }[]>('SELECT id FROM cases TABLESAMPLE SYSTEM (1) LIMIT 100');
  const broken = (await Promise.all(sample.map((r) => store.verify(r.id)))).filter((v) => !v.valid);
  console.log(`chains verified: ${sample.length - broken.length} of ${sample.length} sampled valid`);

  // Whole local days in the zone the roll-up is kept in, as the API asks (CASE_TIME_ZONE, Asia/Shanghai by default).
  const repo = new StatisticsRepository(ds);
  const zone = (await repo.dailyZone())!;
  const localDay = (t: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(t));
  const midnight = async (day: string) =>
    ((await ds.query<{ at: Date }[]>(`SELECT $1::date::timestamp AT TIME ZONE $2 AS at`, [day, zone]))[0].at as Date).toISOString();
  const period = async (days: number) => {
    const [from, to] = [localDay(Date.now() - (days - 1) * 86400_000), localDay(Date.now())];
    return { from: await midnight(from), to: await midnight(localDay(Date.parse(`${to}T12:00:00Z`) + 86400_000)), days: { from, to, timeZone: zone } };
  };
  const periods = { year: await period(365), month: await period(30) };
  type Timed = { name: string; sql: string; params: unknown[]; api: boolean };
  const queries = (groupBy: (typeof STATISTICS_GROUPINGS)[number], p: Awaited<ReturnType<typeof period>>): Timed[] => {
    const base = statisticsSql(groupBy);
    const daily = dailyStatisticsSql();
    const baseParams = [DEMO_AGENCY.id, p.from, p.to];
    const dailyParams = [DEMO_AGENCY.id, groupBy, p.days.from, p.days.to];
    return [
      { name: 'cases (daily roll-up)', sql: daily.cases, params: dailyParams, api: true },
      { name: 'penalties (daily roll-up)', sql: daily.penalties, params: dailyParams, api: true },
      { name: 'events', sql: base.events, params: baseParams, api: true },
      { name: 'transfers', sql: base.transfers, params: baseParams, api: true },
      { name: 'cases (case_statistics, replaced)', sql: base.cases, params: baseParams, api: false },
      { name: 'penalties (case_statistics, replaced)', sql: base.penalties, params: baseParams, api: false },
    ];
  };
  const rows: string[] = ['| Grouping | Period | Query | Rows | Min | Median | Max |', '|---|---|---|---|---|---|---|'];
  let worst = 0;
  for (const groupBy of STATISTICS_GROUPINGS) {
    for (const [name, p] of Object.entries(periods)) {
      for (const q of queries(groupBy, p)) {
        await ds.query(q.sql, q.params); // warm-up
        const times: number[] = [];
        let rowsOut = 0;
        for (let i = 0; i < RUNS; i++) {
          const t0 = performance.now();
          rowsOut = (await ds.query<unknown[]>(q.sql, q.params)).length;
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        if (q.api) worst = Math.max(worst, times[Math.floor(times.length / 2)]);
        rows.push(`| ${groupBy} | ${name} | ${q.name} | ${rowsOut} | ${ms(times[0])} | ${ms(times[Math.floor(times.length / 2)])} | ${ms(times[times.length - 1])} |`);
      }
    }
  }
  // The whole report as the API computes it (its four queries side by side, then the names).
  const whole: string[] = ['| Grouping | Period | Report (4 queries in parallel) min / median / max |', '|---|---|---|'];
  for (const groupBy of STATISTICS_GROUPINGS) {
    for (const [name, p] of Object.entries(periods)) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await repo.report({ agencyId: DEMO_AGENCY.id, ...p, groupBy });
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      whole.push(`| ${groupBy} | ${name} | ${ms(times[0])} / ${ms(times[Math.floor(times.length / 2)])} / ${ms(times[times.length - 1])} |`);
    }
  }
  console.log(`\n${rows.join('\n')}\n\n${whole.join('\n')}`);
  console.log(`\nslowest median of the API's queries: ${ms(worst)} (target ${TARGET_MS} ms: ${worst < TARGET_MS ? 'met' : 'NOT met'})`);

  for (const groupBy of ['agency', 'officer'] as const) {
    for (const q of queries(groupBy, periods.year).filter((x) => x.api)) {
      const plan = await ds.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
      console.log(`\n-- plan: ${groupBy} / ${q.name} / year\n${plan.map((x) => x['QUERY PLAN']).join('\n')}`);
    }
  }
  await ds.destroy();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
