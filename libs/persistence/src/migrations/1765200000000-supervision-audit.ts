import { MigrationInterface, QueryRunner } from 'typeorm';

// Supervision's audit of the record itself: alerts raised by the nightly
// chain verification (one open alert per kind and case), the cases the
// reconciliation job found stuck, and each repair of a read model from its chain.
export class SupervisionAudit1765200000000 implements MigrationInterface {
  name = 'SupervisionAudit1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "alerts" ("id" BIGSERIAL NOT NULL, "kind" text NOT NULL, "case_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "case_number" text NOT NULL, "detail" jsonb NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "acknowledged_by" uuid, "acknowledged_by_name" text, "acknowledged_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_alerts_id" PRIMARY KEY ("id"))`,
    );
    // A chain still broken the next night does not raise a second alert while the first is open.
    await q.query(`CREATE UNIQUE INDEX "ux_alerts_open" ON "alerts" ("kind", "case_id") WHERE "acknowledged_at" IS NULL`);
    await q.query(`CREATE INDEX "ix_alerts_agency" ON "alerts" ("agency_id", "raised_at")`);
    await q.query(
      `CREATE TABLE "stuck_cases" ("case_id" uuid NOT NULL, "cause" text NOT NULL, "agency_id" uuid NOT NULL, "case_number" text NOT NULL, "detail" jsonb NOT NULL, "found_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_stuck_cases" PRIMARY KEY ("case_id", "cause"))`,
    );
    await q.query(
      `CREATE TABLE "read_model_repairs" ("id" BIGSERIAL NOT NULL, "case_id" uuid NOT NULL, "repaired_by" uuid NOT NULL, "repaired_by_name" text NOT NULL, "changed" boolean NOT NULL, "drift" jsonb NOT NULL, "repaired_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_read_model_repairs_id" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_read_model_repairs_case" ON "read_model_repairs" ("case_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "read_model_repairs"`);
    await q.query(`DROP TABLE "stuck_cases"`);
    await q.query(`DROP TABLE "alerts"`);
  }
}
