import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities with TypeORM's schema builder, then the
// append-only trigger on case_events added by hand (TypeORM cannot express it).
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "agencies" ("id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "jurisdiction" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_6acd8cc6374916c08b4d7f060c8" UNIQUE ("code"), CONSTRAINT "PK_8ab1f1f53f56c8255b0d7e68b28" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "case_events" ("id" BIGSERIAL NOT NULL, "event_id" text NOT NULL, "case_id" uuid NOT NULL, "seq" integer NOT NULL, "type" text NOT NULL, "actor" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "payload" jsonb NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "UQ_7a1d3f488391d6984f9a53582ac" UNIQUE ("event_id"), CONSTRAINT "uq_case_events_case_seq" UNIQUE ("case_id", "seq"), CONSTRAINT "PK_61f203ee26b76c6438bbcc7bde6" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_259dbf949114e25670ac6cad20" ON "case_events" ("case_id") `);
    await q.query(`CREATE TABLE "case_number_counters" ("agency_id" uuid NOT NULL, "year" integer NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "PK_55773d287d520bcb4e63a1ca38c" PRIMARY KEY ("agency_id", "year"))`);
    await q.query(`CREATE TABLE "cases" ("id" uuid NOT NULL, "case_number" text NOT NULL, "agency_id" uuid NOT NULL, "workflow_id" text NOT NULL, "status" text NOT NULL, "procedure" text NOT NULL, "violation_code" text NOT NULL, "party" jsonb NOT NULL, "officers" jsonb NOT NULL, "flags" text array NOT NULL DEFAULT '{}', "deadlines" jsonb NOT NULL DEFAULT '{}', "policy_version" text NOT NULL, "state" jsonb NOT NULL, "last_seq" integer NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_e4b62fdecb8c5dfac7caf8c312e" UNIQUE ("case_number"), CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_81d4e8bec9df0e2854e26ca7d7" ON "cases" ("agency_id") `);
    await q.query(`CREATE INDEX "IDX_c71df5e7279ba08e88c6b47a55" ON "cases" ("status") `);
    await q.query(`CREATE TABLE "certificates" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "number" text NOT NULL, "scope" text NOT NULL, "valid_from" date NOT NULL, "valid_to" date NOT NULL, "status" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_8b379f595aea96c9406c5a44900" UNIQUE ("number"), CONSTRAINT "PK_e4c7e31e2144300bea7d89eb165" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_88f90b1b9c635c14271e509cec" ON "certificates" ("user_id") `);
    await q.query(`CREATE TABLE "idempotency_keys" ("user_id" uuid NOT NULL, "key" text NOT NULL, "method" text NOT NULL, "path" text NOT NULL, "request_hash" character(64) NOT NULL, "status" text NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_392b1af86f210d98d3f0c764728" PRIMARY KEY ("user_id", "key"))`);
    await q.query(`CREATE TABLE "outbox" ("id" BIGSERIAL NOT NULL, "event_id" text NOT NULL, "topic" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_outbox_event_topic" UNIQUE ("event_id", "topic"), CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_outbox_pending" ON "outbox" ("dispatched_at") WHERE dispatched_at IS NULL`);
    await q.query(`CREATE TABLE "notifications" ("id" BIGSERIAL NOT NULL, "user_id" uuid NOT NULL, "case_id" uuid NOT NULL, "event_id" text NOT NULL, "message" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_notifications_event_user" UNIQUE ("event_id", "user_id"), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_9a8a82462cab47c73d25f49261" ON "notifications" ("user_id") `);
    await q.query(`CREATE TABLE "policies" ("version" text NOT NULL, "jurisdiction" text NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_by" text NOT NULL, "document" jsonb NOT NULL, CONSTRAINT "PK_e39604c9b0c940904d05307f903" PRIMARY KEY ("version"))`);
    await q.query(`CREATE TABLE "users" ("id" uuid NOT NULL, "agency_id" uuid NOT NULL, "username" text NOT NULL, "name" text NOT NULL, "roles" text array NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_6fdb3282cea9ba5877ab476aa7" ON "users" ("agency_id") `);

    // The record of a case is append-only; published policies are immutable.
    await q.query(`
      CREATE FUNCTION zhifa_reject_mutation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % rejected', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON "case_events" FOR EACH ROW EXECUTE FUNCTION zhifa_reject_mutation()`);
    await q.query(`CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON "case_events" FOR EACH STATEMENT EXECUTE FUNCTION zhifa_reject_mutation()`);
    await q.query(`CREATE TRIGGER policies_immutable BEFORE UPDATE OR DELETE ON "policies" FOR EACH ROW EXECUTE FUNCTION zhifa_reject_mutation()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['users', 'policies', 'notifications', 'outbox', 'idempotency_keys', 'certificates', 'cases', 'case_number_counters', 'case_events', 'agencies']) {
      await q.query(`DROP TABLE "${t}"`);
    }
    await q.query(`DROP FUNCTION zhifa_reject_mutation()`);
  }
}
