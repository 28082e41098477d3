import { MigrationInterface, QueryRunner } from 'typeorm';

// PIPL: every read of a party's full ID number, phone or address, with who
// read it, when, on which case, and the reason they gave. Append-only, as the
// case events are: the log of reads is itself evidence.
export class PersonalDataAccess1765050000000 implements MigrationInterface {
  name = 'PersonalDataAccess1765050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "personal_data_access" (
      "id" uuid PRIMARY KEY,
      "case_id" uuid NOT NULL,
      "case_number" text NOT NULL,
      "agency_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "user_name" text NOT NULL,
      "roles" jsonb NOT NULL,
      "fields" jsonb NOT NULL,
      "reason" text NOT NULL,
      "at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "personal_data_access_agency_at" ON "personal_data_access" ("agency_id", "at" DESC)`);
    await q.query(`CREATE INDEX "personal_data_access_case" ON "personal_data_access" ("case_id", "at" DESC)`);
    await q.query(`CREATE TRIGGER personal_data_access_append_only BEFORE UPDATE OR DELETE ON "personal_data_access" FOR EACH ROW EXECUTE FUNCTION zhifa_reject_mutation()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "personal_data_access"`);
  }
}
