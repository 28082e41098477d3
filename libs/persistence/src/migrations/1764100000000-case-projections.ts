import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities with TypeORM's schema builder: parties,
// evidence items and their custody chain, projected from case events.
export class CaseProjections1764100000000 implements MigrationInterface {
  name = 'CaseProjections1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "custody_transfers" ("case_id" uuid NOT NULL, "evidence_id" text NOT NULL, "position" integer NOT NULL, "from_user" text NOT NULL, "to_user" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text NOT NULL, CONSTRAINT "PK_f068c6a5d5a2a0ffaed9bdf4def" PRIMARY KEY ("case_id", "evidence_id", "position"))`);
    await q.query(`CREATE TABLE "evidence_items" ("case_id" uuid NOT NULL, "evidence_id" text NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "collected_at" TIMESTAMP WITH TIME ZONE NOT NULL, "location" text NOT NULL, "sha256" character(64) NOT NULL, "size_bytes" bigint NOT NULL, "media_type" text, "source" text, "collectors" jsonb NOT NULL, "recorded_by" jsonb NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "custodian" text NOT NULL, CONSTRAINT "PK_6145ea20a185d27609d0e616bc7" PRIMARY KEY ("case_id", "evidence_id"))`);
    await q.query(`CREATE INDEX "IDX_12462b3f6d42f18ef32a314284" ON "evidence_items" ("sha256")`);
    await q.query(`CREATE TABLE "parties" ("case_id" uuid NOT NULL, "type" text NOT NULL, "name" text NOT NULL, "id_number" text, "credit_code" text, "legal_representative" text, "address" text, "phone" text, "minor" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_2c883eabd59d0925604f23f48d9" PRIMARY KEY ("case_id"))`);
    await q.query(`CREATE INDEX "IDX_2ad73c609fffcd0b73d1047365" ON "parties" ("name")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "parties"`);
    await q.query(`DROP TABLE "evidence_items"`);
    await q.query(`DROP TABLE "custody_transfers"`);
  }
}
