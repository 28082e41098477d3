import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseEventStore, createDataSource, StatisticsRepository } from '@zhifa/persistence';
import { seedVolume } from '../../infra/seed/volume';
import { TEST_DATABASE_URL } from '../support/test-env';

// The volume seed's cases (an agency of their own, so no other suite sees
// them) and the statistics projections the trigger on `cases` keeps: every
// chain verifies, and the projections agree with the read model's state and
// the event table, read directly.
describe('the statistics projections over seeded volume', () => {
  let ds: DataSource;
  const agencyId = randomUUID();

  beforeAll(async () => {
    ds = createDataSource(TEST_DATABASE_URL, { logQueries: false });
    await ds.initialize();
    await seedVolume(ds, { cases: 300, agencyId, numberPrefix: agencyId.slice(0, 8), batch: 120, seed: 7 });
  });
  afterAll(() => ds.destroy());

  it('writes hash chains the event store verifies', async () => {
    const store = new CaseEventStore(ds);
    const ids = await ds.query<{ id: string }[]>('SELECT id FROM cases WHERE agency_id = $1', [agencyId]);
    expect(ids).toHaveLength(300);
    const results = await Promise.all(ids.map((r) => store.verify(r.id)));
    expect(results.filter((v) => !v.valid)).toEqual([]);
  });

  it('projects one row per case, agreeing with cases.state, and one per counted event', async () => {
    const [direct] = await ds.query<Record<string, string>[]>(
      `SELECT count(*) AS cases,
              count(*) FILTER (WHERE state ? 'decidedAt') AS decided,
              count(*) FILTER (WHERE state ? 'closedAt') AS closed,
              COALESCE(sum((state->'decision'->'penalty'->>'fineAmount')::numeric), 0) AS fines,
              count(*) FILTER (WHERE state->'deadlines'->'payment'->>'state' = 'MISSED') AS payment_missed
         FROM cases WHERE agency_id = $1`,
      [agencyId],
    );
    const [projected] = await ds.query<Record<string, string>[]>(
      `SELECT count(*) AS cases, count(decided_at) AS decided, count(closed_at) AS closed, sum(fine_amount) AS fines,
              count(*) FILTER (WHERE payment_missed) AS payment_missed
         FROM case_statistics WHERE agency_id = $1`,
      [agencyId],
    );
    expect(projected).toEqual(direct);
    expect(Number(direct.decided)).toBeGreaterThan(0);
    expect(Number(direct.payment_missed)).toBeGreaterThan(0);

    const [events] = await ds.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM case_events e JOIN cases c ON c.id = e.case_id
        WHERE c.agency_id = $1 AND e.type IN ('DEADLINE_MISSED', 'HEARING_REQUESTED', 'HEARING_HELD', 'HEARING_ENDED', 'LEGAL_REVIEW_RECORDED', 'CHALLENGE_RECORDED')`,
      [agencyId],
    );
    const [facts] = await ds.query<{ n: string }[]>('SELECT count(*) AS n FROM case_statistic_events WHERE agency_id = $1', [agencyId]);
    expect(facts.n).toBe(events.n);
    expect(Number(facts.n)).toBeGreaterThan(0);
  });

  it('reports over the whole spread the figures read straight from the state and the events', async () => {
    const groups = await new StatisticsRepository(ds).report({ agencyId, from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', groupBy: 'agency' });
    expect(groups).toHaveLength(1);
    const [direct] = await ds.query<Record<string, string>[]>(
      `SELECT count(*) AS opened, count(*) FILTER (WHERE state ? 'decidedAt') AS decided,
              COALESCE(sum((state->'decision'->'penalty'->>'fineAmount')::numeric), 0) AS fines
         FROM cases WHERE agency_id = $1`,
      [agencyId],
    );
    const [reviews] = await ds.query<{ returned: string; approved: string }[]>(
      `SELECT count(*) FILTER (WHERE e.payload->>'opinion' = 'RETURN') AS returned, count(*) FILTER (WHERE e.payload->>'opinion' = 'APPROVE') AS approved
         FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.agency_id = $1 AND e.type = 'LEGAL_REVIEW_RECORDED'`,
      [agencyId],
    );
    expect(groups[0]).toMatchObject({
      key: agencyId,
      opened: Number(direct.opened),
      decided: Number(direct.decided),
      fineTotal: Number(direct.fines),
      legalReviews: { returned: Number(reviews.returned), approved: Number(reviews.approved) },
    });
  });
});
