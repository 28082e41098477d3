import { MigrationInterface, QueryRunner } from 'typeorm';

// Documents (文书) the documents job issues: one row per job (so a retried job
// reuses its number and file), numbered per agency, kind and year. Not a case
// table: the case records each document through its own workflow.
export class Documents1765300000000 implements MigrationInterface {
  name = 'Documents1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "document_number_counters" ("agency_id" uuid NOT NULL, "kind" text NOT NULL, "year" integer NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "pk_document_number_counters" PRIMARY KEY ("agency_id", "kind", "year"))`);
    await q.query(
      `CREATE TABLE "documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job_id" text NOT NULL, "case_id" uuid NOT NULL, "kind" text NOT NULL, "number" text NOT NULL, "source_seq" integer NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sha256" character(64), "bytes" integer, "file_name" text, "title" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_documents_job" UNIQUE ("job_id"), CONSTRAINT "pk_documents" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_documents_case" ON "documents" ("case_id", "source_seq")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "documents"`);
    await q.query(`DROP TABLE "document_number_counters"`);
  }
}
