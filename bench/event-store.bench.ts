import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { CaseEventStore, createDataSource, migrate } from '@zhifa/persistence';

// Appends to the hash chain (one transaction per command, as the activity
// does) against the real Postgres, in a scratch database zhifa_bench.
const URL_BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zhifa_bench';

async function main(): Promise<void> {
  const admin = new URL(URL_BASE);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();

  const ds = createDataSource(URL_BASE, { logQueries: false });
  await ds.initialize();
  await migrate(ds);
  const store = new CaseEventStore(ds);
  const cases = 50;
  const eventsPerCase = 40;
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: cases }, async () => {
      const caseId = randomUUID();
      for (let seq = 1; seq <= eventsPerCase; seq++) {
        const s = performance.now();
        await store.append({
          workflowId: `case-${caseId}`,
          caseId,
          outboxTopics: ['case-events'],
          events: [{ seq, type: 'EVIDENCE_RECORDED', actor: { userId: 'bench', name: 'bench', roles: ['OFFICER'] }, occurredAt: new Date().toISOString(), payload: { seq, note: '现场检查'.repeat(20) } }],
          projection: {
            caseId, caseNumber: `B-${caseId}`, agencyId: caseId, status: 'FILED', procedure: 'ORDINARY', violationCode: 'X',
            party: { type: 'PERSON', name: 'bench' }, officers: [], flags: [], deadlines: {}, policyVersion: 'bench', state: { seq }, registeredAt: new Date().toISOString(), updatedAt: new Date().toISOString(), evidence: [],
          },
        });
        latencies.push(performance.now() - s);
      }
    }),
  );
  const total = performance.now() - t0;
  latencies.sort((a, b) => a - b);
  const pct = (p: number): string => latencies[Math.floor((latencies.length - 1) * p)].toFixed(2);
  console.log(`event-store append: ${latencies.length} events in ${cases} concurrent cases, ${Math.round((latencies.length / total) * 1000)} events/s; p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, p99 ${pct(0.99)} ms`);
  const verifyStart = performance.now();
  const [{ case_id }] = await ds.query('SELECT case_id FROM case_events LIMIT 1');
  const v = await store.verify(case_id);
  console.log(`timeline verify of ${v.events} events: ${(performance.now() - verifyStart).toFixed(1)} ms, valid=${v.valid}`);
  await ds.destroy();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
