import { MigrationInterface, QueryRunner } from 'typeorm';

// The administration log: every change an administrator makes to people,
// roles, certificates, policies, agencies and their powers, outside bodies,
// calendars and webhooks, with who made it, when, the record before and after
// and the reason. Append-only and hash-chained in one chain (each row's hash
// covers the one before), so a row altered behind the trigger's back shows.
export class AdminEvents1765500000000 implements MigrationInterface {
  name = 'AdminEvents1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "admin_events" (
      "seq" bigint PRIMARY KEY,
      "id" uuid NOT NULL UNIQUE,
      "agency_id" uuid,
      "actor_id" uuid NOT NULL,
      "actor_name" text NOT NULL,
      "actor_roles" jsonb NOT NULL,
      "action" text NOT NULL,
      "subject_type" text NOT NULL,
      "subject_id" text NOT NULL,
      "before" jsonb,
      "after" jsonb,
      "reason" text,
      "at" timestamptz NOT NULL,
      "prev_hash" text NOT NULL,
      "hash" text NOT NULL
    )`);
    await q.query(`CREATE INDEX "admin_events_agency_seq" ON "admin_events" ("agency_id", "seq" DESC)`);
    await q.query(`CREATE INDEX "admin_events_subject" ON "admin_events" ("subject_type", "subject_id", "seq")`);
    await q.query(`CREATE TRIGGER admin_events_append_only BEFORE UPDATE OR DELETE ON "admin_events" FOR EACH ROW EXECUTE FUNCTION zhifa_reject_mutation()`);
    await q.query(`CREATE TRIGGER admin_events_no_truncate BEFORE TRUNCATE ON "admin_events" FOR EACH STATEMENT EXECUTE FUNCTION zhifa_reject_mutation()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "admin_events"`);
  }
}
