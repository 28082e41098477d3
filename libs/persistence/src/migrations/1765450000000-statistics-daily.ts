import { MigrationInterface, QueryRunner } from 'typeorm';

// A daily roll-up of case_statistics (docs/supervision.md, "Statistics"): per
// agency, local day and group (agency, officer, violation code, procedure),
// the figures of the cases whose registration, filing, decision, service or
// closing fell on that day. A year's report then reads 365 rows per group
// instead of every case. Means are kept as sums and counts, worst times as
// maxima; a day is recomputed whole from case_statistics whenever a case's
// counted columns change (a trigger), under a lock per agency and day, so a
// correction lowers a maximum as surely as a new case raises it.
//
// Days are local days in one time zone, kept in statistics_daily_zone; the
// API reads the roll-up only when that zone is CASE_TIME_ZONE, otherwise it
// computes from case_statistics as before. zhifa_rebuild_statistics_daily(tz)
// rebuilds it for another zone (and after a bulk load that switched the
// trigger off with `SET zhifa.statistics_daily = 'off'`).
const IN = (col: string) => `(s.${col} >= lo AND s.${col} < hi)`;
const STAGE = (name: string, when: string) =>
  `count(*) FILTER (WHERE ${when}), COALESCE(sum(s.${name}_days) FILTER (WHERE ${when}), 0), max(s.${name}_days) FILTER (WHERE ${when})`;

export class StatisticsDaily1765450000000 implements MigrationInterface {
  name = 'StatisticsDaily1765450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "statistics_daily_zone" ("id" boolean PRIMARY KEY DEFAULT true CHECK ("id"), "time_zone" text NOT NULL)`);
    await q.query(`INSERT INTO statistics_daily_zone (time_zone) VALUES ('Asia/Shanghai')`);
    await q.query(`CREATE TABLE "case_statistics_daily" (
      "agency_id" uuid NOT NULL,
      "day" date NOT NULL,
      "grouping" text NOT NULL,
      "key" text,
      "opened" integer NOT NULL, "filed" integer NOT NULL, "decided" integer NOT NULL,
      "outcome_penalty" integer NOT NULL, "outcome_no_penalty" integer NOT NULL, "outcome_dismiss" integer NOT NULL,
      "closed" integer NOT NULL, "fine_total" numeric NOT NULL, "confiscation_total" numeric NOT NULL,
      "filing_n" integer NOT NULL, "filing_sum" double precision NOT NULL, "filing_max" double precision,
      "decision_n" integer NOT NULL, "decision_sum" double precision NOT NULL, "decision_max" double precision,
      "service_n" integer NOT NULL, "service_sum" double precision NOT NULL, "service_max" double precision,
      "closing_n" integer NOT NULL, "closing_sum" double precision NOT NULL, "closing_max" double precision,
      "due" integer NOT NULL, "paid_in_full" integer NOT NULL, "overdue" integer NOT NULL, "surcharge" integer NOT NULL,
      "surcharge_paid" numeric NOT NULL, "court" integer NOT NULL, "ended" integer NOT NULL,
      "penalty_kinds" jsonb NOT NULL DEFAULT '{}')`);
    await q.query(`CREATE UNIQUE INDEX "ux_case_statistics_daily" ON "case_statistics_daily" ("agency_id", "grouping", "day", "key") NULLS NOT DISTINCT`);

    const decided = IN('decided_at');
    const due = `${decided} AND s.amount_due > 0`;
    // One agency's day, recomputed whole.
    await q.query(`CREATE FUNCTION zhifa_statistics_day(a uuid, d date) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        tz text := (SELECT time_zone FROM statistics_daily_zone);
        lo timestamptz := d::timestamp AT TIME ZONE tz;
        hi timestamptz := (d + 1)::timestamp AT TIME ZONE tz;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('statistics:' || a::text || ':' || d::text, 0));
        DELETE FROM case_statistics_daily WHERE agency_id = a AND day = d;
        INSERT INTO case_statistics_daily
        SELECT a, d, g.grouping, g.key,
          count(*) FILTER (WHERE ${IN('registered_at')}), count(*) FILTER (WHERE ${IN('filed_at')}), count(*) FILTER (WHERE ${decided}),
          count(*) FILTER (WHERE ${decided} AND s.outcome = 'PENALTY'), count(*) FILTER (WHERE ${decided} AND s.outcome = 'NO_PENALTY'),
          count(*) FILTER (WHERE ${decided} AND s.outcome = 'DISMISS'),
          count(*) FILTER (WHERE ${IN('closed_at')}),
          COALESCE(sum(s.fine_amount) FILTER (WHERE ${decided}), 0), COALESCE(sum(s.confiscation_amount) FILTER (WHERE ${decided}), 0),
          ${STAGE('filing', IN('filed_at'))},
          ${STAGE('decision', `${decided} AND s.filed_at IS NOT NULL`)},
          ${STAGE('service', `${IN('served_at')} AND s.decided_at IS NOT NULL`)},
          ${STAGE('closing', `${IN('closed_at')} AND s.decided_at IS NOT NULL`)},
          count(*) FILTER (WHERE ${due}), count(*) FILTER (WHERE ${due} AND s.amount_paid >= s.amount_due),
          count(*) FILTER (WHERE ${due} AND s.payment_missed AND s.amount_paid < s.amount_due),
          count(*) FILTER (WHERE ${due} AND (s.payment_missed OR s.surcharge_accrued > 0 OR s.surcharge_paid > 0)),
          COALESCE(sum(s.surcharge_paid) FILTER (WHERE ${due}), 0),
          count(*) FILTER (WHERE ${due} AND s.court_applied), count(*) FILTER (WHERE ${due} AND s.execution_ended),
          '{}'::jsonb
        FROM case_statistics s
        CROSS JOIN LATERAL (
          SELECT 'agency', s.agency_id::text UNION ALL SELECT 'violationCode', s.violation_code UNION ALL SELECT 'procedure', s.procedure
          UNION ALL SELECT 'officer', o::text FROM unnest(CASE WHEN cardinality(s.officer_ids) = 0 THEN ARRAY[NULL::uuid] ELSE s.officer_ids END) o
        ) g(grouping, key)
        WHERE s.agency_id = a
          AND (${IN('registered_at')} OR ${IN('filed_at')} OR ${decided} OR ${IN('served_at')} OR ${IN('closed_at')})
        GROUP BY g.grouping, g.key;
        -- The penalty kinds of the cases decided that day, per group.
        UPDATE case_statistics_daily t SET penalty_kinds = k.kinds
          FROM (SELECT x.grouping, x.key, jsonb_object_agg(x.kind, x.n) AS kinds
                  FROM (SELECT g.grouping, g.key, pk.kind, count(*) AS n
                          FROM case_statistics s
                          CROSS JOIN LATERAL (
                            SELECT 'agency', s.agency_id::text UNION ALL SELECT 'violationCode', s.violation_code UNION ALL SELECT 'procedure', s.procedure
                            UNION ALL SELECT 'officer', o::text FROM unnest(CASE WHEN cardinality(s.officer_ids) = 0 THEN ARRAY[NULL::uuid] ELSE s.officer_ids END) o
                          ) g(grouping, key)
                          CROSS JOIN LATERAL unnest(s.penalty_kinds) pk(kind)
                         WHERE s.agency_id = a AND ${decided}
                         GROUP BY g.grouping, g.key, pk.kind) x
                 GROUP BY x.grouping, x.key) k
         WHERE t.agency_id = a AND t.day = d AND t.grouping = k.grouping AND t.key IS NOT DISTINCT FROM k.key;
      END $$`);

    // The days a case row counts on, before and after a change, each recomputed (in order: two writers lock alike).
    await q.query(`CREATE FUNCTION zhifa_statistics_daily_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        tz text;
        r record;
      BEGIN
        IF current_setting('zhifa.statistics_daily', true) = 'off' THEN RETURN NULL; END IF;
        tz := (SELECT time_zone FROM statistics_daily_zone);
        FOR r IN
          SELECT DISTINCT x.agency_id, (x.at AT TIME ZONE tz)::date AS day FROM (
            SELECT NEW.agency_id, unnest(ARRAY[NEW.registered_at, NEW.filed_at, NEW.decided_at, NEW.served_at, NEW.closed_at])
             WHERE TG_OP <> 'DELETE'
            UNION ALL
            SELECT OLD.agency_id, unnest(ARRAY[OLD.registered_at, OLD.filed_at, OLD.decided_at, OLD.served_at, OLD.closed_at])
             WHERE TG_OP <> 'INSERT'
          ) x(agency_id, at)
          WHERE x.at IS NOT NULL
          ORDER BY 1, 2
        LOOP
          PERFORM zhifa_statistics_day(r.agency_id, r.day);
        END LOOP;
        RETURN NULL;
      END $$`);
    const counted = [
      'agency_id', 'officer_ids', 'violation_code', 'procedure', 'registered_at', 'filed_at', 'decided_at', 'served_at', 'closed_at',
      'filing_days', 'decision_days', 'service_days', 'closing_days', 'outcome', 'penalty_kinds', 'fine_amount', 'confiscation_amount',
      'amount_due', 'amount_paid', 'payment_missed', 'surcharge_accrued', 'surcharge_paid', 'court_applied', 'execution_ended',
    ];
    const row = (r: string) => `(${counted.map((c) => `${r}.${c}`).join(', ')})`;
    await q.query(`CREATE TRIGGER "case_statistics_daily_insert" AFTER INSERT OR DELETE ON "case_statistics" FOR EACH ROW EXECUTE FUNCTION zhifa_statistics_daily_changed()`);
    await q.query(`CREATE TRIGGER "case_statistics_daily_update" AFTER UPDATE ON "case_statistics" FOR EACH ROW
      WHEN (${row('OLD')} IS DISTINCT FROM ${row('NEW')}) EXECUTE FUNCTION zhifa_statistics_daily_changed()`);

    // Everything again for a time zone (a changed CASE_TIME_ZONE: run it with the apps stopped), or one agency's days in the
    // zone kept (after a bulk load with the trigger off). Day by day under each day's lock, never the whole table at once,
    // so the cases being written meanwhile wait for a day, not for the rebuild.
    await q.query(`CREATE FUNCTION zhifa_rebuild_statistics_daily(tz text, only_agency uuid DEFAULT NULL) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        r record;
        done text[] := '{}';
      BEGIN
        PERFORM now() AT TIME ZONE tz; -- an unknown zone fails here, before anything changes
        IF only_agency IS NOT NULL AND tz IS DISTINCT FROM (SELECT time_zone FROM statistics_daily_zone) THEN
          RAISE EXCEPTION 'the roll-up is kept in %: rebuild every agency to move it to %', (SELECT time_zone FROM statistics_daily_zone), tz;
        END IF;
        UPDATE statistics_daily_zone SET time_zone = tz;
        FOR r IN
          SELECT DISTINCT s.agency_id, (x.at AT TIME ZONE tz)::date AS day
            FROM case_statistics s CROSS JOIN LATERAL unnest(ARRAY[s.registered_at, s.filed_at, s.decided_at, s.served_at, s.closed_at]) x(at)
           WHERE x.at IS NOT NULL AND (only_agency IS NULL OR s.agency_id = only_agency) ORDER BY 1, 2
        LOOP
          PERFORM zhifa_statistics_day(r.agency_id, r.day);
          done := done || (r.agency_id::text || '/' || r.day::text);
        END LOOP;
        IF only_agency IS NULL THEN
          -- Days of the old zone that no day of the new one replaced.
          DELETE FROM case_statistics_daily WHERE NOT (agency_id::text || '/' || day::text = ANY (done));
        END IF;
        RETURN cardinality(done);
      END $$`);
    await q.query(`SELECT zhifa_rebuild_statistics_daily('Asia/Shanghai')`);
    await q.query(`ANALYZE case_statistics_daily`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "case_statistics_daily_update" ON "case_statistics"`);
    await q.query(`DROP TRIGGER "case_statistics_daily_insert" ON "case_statistics"`);
    await q.query(`DROP FUNCTION zhifa_rebuild_statistics_daily(text, uuid)`);
    await q.query(`DROP FUNCTION zhifa_statistics_daily_changed()`);
    await q.query(`DROP FUNCTION zhifa_statistics_day(uuid, date)`);
    await q.query(`DROP TABLE "case_statistics_daily"`);
    await q.query(`DROP TABLE "statistics_daily_zone"`);
  }
}
