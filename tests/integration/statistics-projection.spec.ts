import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseEventStore, createDataSource, STATISTICS_GROUPINGS, StatisticsRepository, type StatisticsGroup, type StatisticsGrouping } from '@zhifa/persistence';
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

  // The daily roll-up (case_statistics_daily) answers what the base query answers, for every grouping and any whole days.
  const SHANGHAI = 'Asia/Shanghai';
  const localMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
  const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const period = (from: string, to: string, groupBy: StatisticsGrouping) => ({
    agencyId,
    from: localMidnight(from),
    to: localMidnight(nextDay(to)),
    groupBy,
    days: { from, to, timeZone: SHANGHAI },
  });
  /** Averages are a sum over a count in one and a mean in the other: equal to the cent, not always to the last bit. */
  const comparable = (groups: StatisticsGroup[]) =>
    groups.map((g) => ({
      ...g,
      stages: Object.fromEntries(Object.entries(g.stages).map(([k, v]) => [k, { ...v, averageDays: v.averageDays === null ? null : Math.round(v.averageDays * 10) }])),
    }));

  it('keeps a daily roll-up that reports what the cases report, for each grouping, over a year and over a month', async () => {
    const statistics = new StatisticsRepository(ds);
    expect(await statistics.dailyZone()).toBe(SHANGHAI);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    for (const groupBy of STATISTICS_GROUPINGS) {
      for (const [from, to] of [['2025-01-01', today], [monthAgo, today]]) {
        const daily = await statistics.report(period(from, to, groupBy), 'daily');
        const cases = await statistics.report(period(from, to, groupBy), 'cases');
        expect([groupBy, from, comparable(daily)]).toEqual([groupBy, from, comparable(cases)]);
        expect(daily.length).toBeGreaterThan(0);
      }
    }
    // Whole days in the zone it is kept in: the API's call takes the roll-up unasked.
    const year = period('2025-01-01', today, 'officer');
    expect(comparable(await statistics.report(year))).toEqual(comparable(await statistics.report(year, 'cases')));
  });

  it('recounts a day when a case changes, a maximum coming down included', async () => {
    const statistics = new StatisticsRepository(ds);
    const [slowest] = await ds.query<{ case_id: string; day: string }[]>(
      `SELECT case_id, to_char(filed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day FROM case_statistics
        WHERE agency_id = $1 AND filing_days IS NOT NULL ORDER BY filing_days DESC LIMIT 1`,
      [agencyId],
    );
    const day = period(slowest.day, slowest.day, 'agency');
    const before = (await statistics.report(day, 'daily'))[0];
    // Every case of that day filed as slowly, to the hundredth of a day the report shows (a tie would keep the maximum where it was).
    const slowestOfDay = (
      await ds.query<{ case_id: string }[]>(
        `SELECT case_id FROM case_statistics
          WHERE agency_id = $1 AND to_char(filed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') = $2
            AND round(filing_days::numeric, 2) = (SELECT round(filing_days::numeric, 2) FROM case_statistics WHERE case_id = $3)`,
        [agencyId, slowest.day, slowest.case_id],
      )
    ).map((r) => r.case_id);
    // A repair of the read model shortens the slowest filings (as a re-projection would write it).
    await ds.query(`UPDATE case_statistics SET filing_days = 0 WHERE case_id = ANY($1)`, [slowestOfDay]);
    try {
      const after = (await statistics.report(day, 'daily'))[0];
      expect(after.stages.filing.count).toBe(before.stages.filing.count);
      expect(comparable([after])).toEqual(comparable(await statistics.report(day, 'cases')));
      expect(after.stages.filing.worstDays!).toBeLessThan(before.stages.filing.worstDays!);
    } finally {
      await ds.query(`UPDATE cases SET last_seq = last_seq WHERE id = ANY($1)`, [slowestOfDay]);
    }
    expect(comparable(await statistics.report(day, 'daily'))).toEqual(comparable([before]));
  });

  it('answers a period of another time zone from the cases, not from the roll-up kept in Asia/Shanghai', async () => {
    const statistics = new StatisticsRepository(ds);
    // A Los Angeles day holding a registration made on the next Shanghai day: the two zones' days differ there.
    const [la] = await ds.query<{ day: string; lo: Date; hi: Date }[]>(
      `SELECT d.day, d.day::date::timestamp AT TIME ZONE 'America/Los_Angeles' AS lo, (d.day::date + 1)::timestamp AT TIME ZONE 'America/Los_Angeles' AS hi
         FROM (SELECT to_char(registered_at AT TIME ZONE 'America/Los_Angeles', 'YYYY-MM-DD') AS day FROM case_statistics
                WHERE agency_id = $1 AND (registered_at AT TIME ZONE 'America/Los_Angeles')::date < (registered_at AT TIME ZONE 'Asia/Shanghai')::date
                LIMIT 1) d`,
      [agencyId],
    );
    const laDay = { agencyId, from: la.lo.toISOString(), to: la.hi.toISOString(), groupBy: 'agency' as const, days: { from: la.day, to: la.day, timeZone: 'America/Los_Angeles' } };
    const answered = await statistics.report(laDay);
    expect(answered).toEqual(await statistics.report(laDay, 'cases'));
    expect(answered).not.toEqual(await statistics.report(laDay, 'daily'));
  });
});
