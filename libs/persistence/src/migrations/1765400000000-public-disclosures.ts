import { MigrationInterface, QueryRunner } from 'typeorm';

// 事后公示: the decisions the disclosure job publishes, withholds or withdraws,
// one row per decision event (the public reads them at /public/disclosures).
export class PublicDisclosures1765400000000 implements MigrationInterface {
  name = 'PublicDisclosures1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "public_disclosures" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "decision_event_id" text NOT NULL, "status" text NOT NULL, "title" text NOT NULL, "agency_name" text NOT NULL, "document_number" text NOT NULL, "case_number" text NOT NULL, "decided_on" date NOT NULL, "party_name" text, "legal_basis" text, "penalty_lines" jsonb NOT NULL DEFAULT '[]', "amount_due" numeric(14,2), "sections" jsonb, "removed" jsonb NOT NULL DEFAULT '{}', "withheld_ground" text, "withheld_reason" text, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawal_reason" text, "withdrawal_event_id" text, CONSTRAINT "UQ_e51997d86d87b98e950506d697c" UNIQUE ("decision_event_id"), CONSTRAINT "PK_8adc75caf7817a4ae2435d396e5" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_1ef71afbbf7b9c70f8e6cb8314" ON "public_disclosures" ("case_id")`);
    await q.query(`CREATE INDEX "IDX_1c829252daf10a60ef7ac9fa66" ON "public_disclosures" ("agency_id")`);
    await q.query(`CREATE INDEX "IDX_9bb4cf92c546542c643432c984" ON "public_disclosures" ("status")`);
    await q.query(`CREATE INDEX "IDX_d209f65d07201fd512467642c4" ON "public_disclosures" ("decided_on")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "public_disclosures"`);
  }
}
