import { MigrationInterface, QueryRunner } from 'typeorm';

// Dispatch on purpose queues: the outbox wakes the relay at commit
// (LISTEN/NOTIFY, one notification per inserting statement; Postgres folds
// equal ones within a transaction), and a supervisor's retry of a failed job is recorded.
export class JobDispatch1765140000000 implements MigrationInterface {
  name = 'JobDispatch1765140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION "outbox_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('zhifa_outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "outbox_notify" AFTER INSERT ON "outbox" FOR EACH STATEMENT EXECUTE FUNCTION "outbox_notify"()`);
    await q.query(
      `CREATE TABLE "job_retries" ("id" BIGSERIAL NOT NULL, "queue" text NOT NULL, "job_id" text NOT NULL, "job_name" text NOT NULL, "case_id" uuid, "retried_by" uuid NOT NULL, "retried_by_name" text NOT NULL, "attempts" integer NOT NULL, "last_error" text, "retried_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_job_retries_id" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_job_retries_job" ON "job_retries" ("queue", "job_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "job_retries"`);
    await q.query(`DROP TRIGGER "outbox_notify" ON "outbox"`);
    await q.query(`DROP FUNCTION "outbox_notify"()`);
  }
}
