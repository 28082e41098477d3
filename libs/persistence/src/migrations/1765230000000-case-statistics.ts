import { MigrationInterface, QueryRunner } from 'typeorm';

// Statistics for supervisors (docs/supervision.md, "Statistics"): two narrow
// projections kept by triggers on `cases`, in the transaction that appends the
// events and upserts the case row, computed in SQL from `cases.state` and
// `case_events`.
//
// Why projections and not expression indexes over `cases.state`: a period's
// figures aggregate every case of an agency, and reading a jsonb expression
// for an aggregate de-toasts the whole state document of each row (several KB
// each); an expression index serves a filter, not the sums and averages.
// One short row per case (case_statistics) and one per counted event
// (case_statistic_events) keep the aggregates to narrow, indexed rows.
// Triggers rather than TypeScript: the read model's writers (the event store,
// a repair, the volume seed) all get them without knowing of them.
export class CaseStatistics1765230000000 implements MigrationInterface {
  name = 'CaseStatistics1765230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "case_statistics" (
      "case_id" uuid NOT NULL PRIMARY KEY,
      "agency_id" uuid NOT NULL,
      "officer_ids" uuid[] NOT NULL,
      "violation_code" text NOT NULL,
      "procedure" text NOT NULL,
      "status" text NOT NULL,
      "registered_at" timestamptz NOT NULL,
      "filed_at" timestamptz,
      "decided_at" timestamptz,
      "served_at" timestamptz,
      "closed_at" timestamptz,
      "filing_days" double precision,
      "decision_days" double precision,
      "service_days" double precision,
      "closing_days" double precision,
      "outcome" text,
      "penalty_kinds" text[] NOT NULL,
      "fine_amount" numeric NOT NULL,
      "confiscation_amount" numeric NOT NULL,
      "amount_due" numeric NOT NULL,
      "amount_paid" numeric NOT NULL,
      "payment_missed" boolean NOT NULL,
      "surcharge_accrued" numeric NOT NULL,
      "surcharge_paid" numeric NOT NULL,
      "court_applied" boolean NOT NULL,
      "execution_ended" boolean NOT NULL,
      "transfer_proposed_at" timestamptz,
      "transfer_stage" text,
      "transfer_outcome" text)`);
    for (const col of ['registered_at', 'filed_at', 'decided_at', 'served_at', 'closed_at']) {
      await q.query(`CREATE INDEX "ix_case_statistics_${col}" ON "case_statistics" ("agency_id", "${col}") WHERE "${col}" IS NOT NULL`);
    }
    await q.query(`CREATE INDEX "ix_case_statistics_transfer" ON "case_statistics" ("agency_id", "transfer_proposed_at") WHERE "transfer_proposed_at" IS NOT NULL`);

    await q.query(`CREATE TABLE "case_statistic_events" (
      "case_id" uuid NOT NULL,
      "seq" integer NOT NULL,
      "agency_id" uuid NOT NULL,
      "officer_ids" uuid[] NOT NULL,
      "violation_code" text NOT NULL,
      "procedure" text NOT NULL,
      "type" text NOT NULL,
      "key" text,
      "detail" text,
      "occurred_at" timestamptz NOT NULL,
      CONSTRAINT "PK_case_statistic_events" PRIMARY KEY ("case_id", "seq"))`);
    await q.query(`CREATE INDEX "ix_case_statistic_events_period" ON "case_statistic_events" ("agency_id", "occurred_at")`);

    // Which events count, and what of each: the deadline missed, the legal review's opinion, the challenge's kind and result (or FILED).
    await q.query(`CREATE FUNCTION zhifa_statistic_types() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
      SELECT ARRAY['DEADLINE_MISSED', 'HEARING_REQUESTED', 'HEARING_HELD', 'HEARING_ENDED', 'LEGAL_REVIEW_RECORDED', 'CHALLENGE_RECORDED'] $$`);
    // The case's officers' user ids (anything not a uuid, as no real user id is, left out).
    await q.query(`CREATE FUNCTION zhifa_officer_ids(officers jsonb) RETURNS uuid[] LANGUAGE sql IMMUTABLE AS $$
      SELECT ARRAY(SELECT (o->>'userId')::uuid FROM jsonb_array_elements(officers) o
                    WHERE o->>'userId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') $$`);
    await q.query(`CREATE FUNCTION zhifa_statistic_key(t text, p jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE t WHEN 'DEADLINE_MISSED' THEN p->>'deadline' WHEN 'LEGAL_REVIEW_RECORDED' THEN p->>'opinion' WHEN 'CHALLENGE_RECORDED' THEN p->>'kind' END $$`);
    await q.query(`CREATE FUNCTION zhifa_statistic_detail(t text, p jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE t WHEN 'CHALLENGE_RECORDED' THEN COALESCE(p->>'result', p->>'stage') END $$`);

    // The transfer stage as the supervisors' transfer view names it (libs/domain/src/supervision/transfers.ts).
    await q.query(`CREATE FUNCTION zhifa_case_statistics() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        s jsonb := NEW.state;
        officers uuid[] := zhifa_officer_ids(NEW.officers);
      BEGIN
        INSERT INTO case_statistics VALUES (
          NEW.id, NEW.agency_id, officers, NEW.violation_code, NEW.procedure, NEW.status, NEW.registered_at,
          (s->>'filedAt')::timestamptz, (s->>'decidedAt')::timestamptz, (s->>'servedAt')::timestamptz, (s->>'closedAt')::timestamptz,
          -- Each stage's length in days (24 h), kept so a year's means and maxima read a column, not an expression.
          date_part('epoch', (s->>'filedAt')::timestamptz - NEW.registered_at) / 86400,
          date_part('epoch', (s->>'decidedAt')::timestamptz - (s->>'filedAt')::timestamptz) / 86400,
          date_part('epoch', (s->>'servedAt')::timestamptz - (s->>'decidedAt')::timestamptz) / 86400,
          date_part('epoch', (s->>'closedAt')::timestamptz - COALESCE((s->>'servedAt')::timestamptz, (s->>'decidedAt')::timestamptz)) / 86400,
          s->'decision'->>'outcome',
          ARRAY(SELECT jsonb_array_elements_text(COALESCE(s->'decision'->'penalty'->'kinds', '[]'::jsonb))),
          COALESCE((s->'decision'->'penalty'->>'fineAmount')::numeric, 0),
          COALESCE((s->'decision'->'penalty'->>'confiscationAmount')::numeric, 0),
          COALESCE((s->'decision'->>'amountDue')::numeric, 0),
          COALESCE((s->>'amountPaid')::numeric, 0),
          COALESCE(s->'deadlines'->'payment'->>'state' = 'MISSED', false),
          COALESCE((s->'execution'->>'surchargeAccrued')::numeric, 0),
          COALESCE((s->'execution'->>'surchargePaid')::numeric, 0),
          s->'execution'->'court' IS NOT NULL,
          s->'execution'->'ended' IS NOT NULL,
          (s->'transfer'->>'proposedAt')::timestamptz,
          CASE WHEN s->'transfer' IS NULL THEN NULL
               WHEN NEW.status LIKE 'TRANSFER%' OR NEW.status = 'TRANSFERRED' THEN NEW.status
               WHEN s->'transfer'->>'outcome' = 'ACCEPTED' THEN 'TRANSFER_ACCEPTED'
               WHEN s->'transfer'->>'outcome' = 'REFUSED_BY_HEAD' THEN 'REFUSED_BY_HEAD'
               ELSE 'RETURNED' END,
          s->'transfer'->>'outcome')
        ON CONFLICT (case_id) DO UPDATE SET
          agency_id = EXCLUDED.agency_id, officer_ids = EXCLUDED.officer_ids, violation_code = EXCLUDED.violation_code,
          procedure = EXCLUDED.procedure, status = EXCLUDED.status, registered_at = EXCLUDED.registered_at,
          filed_at = EXCLUDED.filed_at, decided_at = EXCLUDED.decided_at, served_at = EXCLUDED.served_at, closed_at = EXCLUDED.closed_at,
          filing_days = EXCLUDED.filing_days, decision_days = EXCLUDED.decision_days, service_days = EXCLUDED.service_days, closing_days = EXCLUDED.closing_days,
          outcome = EXCLUDED.outcome, penalty_kinds = EXCLUDED.penalty_kinds, fine_amount = EXCLUDED.fine_amount,
          confiscation_amount = EXCLUDED.confiscation_amount, amount_due = EXCLUDED.amount_due, amount_paid = EXCLUDED.amount_paid,
          payment_missed = EXCLUDED.payment_missed, surcharge_accrued = EXCLUDED.surcharge_accrued, surcharge_paid = EXCLUDED.surcharge_paid,
          court_applied = EXCLUDED.court_applied, execution_ended = EXCLUDED.execution_ended,
          transfer_proposed_at = EXCLUDED.transfer_proposed_at, transfer_stage = EXCLUDED.transfer_stage, transfer_outcome = EXCLUDED.transfer_outcome;

        -- The counted events this write folded in (already appended in this transaction), under the case's keys as they stand.
        INSERT INTO case_statistic_events
        SELECT e.case_id, e.seq, NEW.agency_id, officers, NEW.violation_code, NEW.procedure, e.type,
               zhifa_statistic_key(e.type, e.payload), zhifa_statistic_detail(e.type, e.payload), e.occurred_at
          FROM case_events e
         WHERE e.case_id = NEW.id
           AND e.seq > CASE WHEN TG_OP = 'UPDATE' THEN OLD.last_seq ELSE 0 END AND e.seq <= NEW.last_seq
           AND e.type = ANY (zhifa_statistic_types())
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "cases_statistics" AFTER INSERT OR UPDATE ON "cases" FOR EACH ROW EXECUTE FUNCTION zhifa_case_statistics()`);
    // Cases written before this migration: each row rewritten onto itself (the trigger projects it), and their counted events.
    await q.query(`UPDATE cases SET last_seq = last_seq`);
    await q.query(`INSERT INTO case_statistic_events
      SELECT e.case_id, e.seq, c.agency_id, zhifa_officer_ids(c.officers), c.violation_code, c.procedure,
             e.type, zhifa_statistic_key(e.type, e.payload), zhifa_statistic_detail(e.type, e.payload), e.occurred_at
        FROM case_events e JOIN cases c ON c.id = e.case_id
       WHERE e.type = ANY (zhifa_statistic_types())`);
    // Statistics for the planner now, not at autovacuum's next pass: the periods' index-or-scan choice rests on them.
    await q.query(`ANALYZE case_statistics`);
    await q.query(`ANALYZE case_statistic_events`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "cases_statistics" ON "cases"`);
    await q.query(`DROP FUNCTION zhifa_case_statistics()`);
    for (const f of ['zhifa_officer_ids(jsonb)', 'zhifa_statistic_types()', 'zhifa_statistic_key(text, jsonb)', 'zhifa_statistic_detail(text, jsonb)']) await q.query(`DROP FUNCTION ${f}`);
    await q.query(`DROP TABLE "case_statistic_events"`);
    await q.query(`DROP TABLE "case_statistics"`);
  }
}
