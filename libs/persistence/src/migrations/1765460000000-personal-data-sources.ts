import { MigrationInterface, QueryRunner } from 'typeorm';

// PIPL: what a logged read of a party's full personal information read — the
// party itself (PARTY), an official document that carries it (DOCUMENT, by
// its number) or an evidence file (EVIDENCE, by its id). Reads logged before
// were all of the party.
export class PersonalDataSources1765460000000 implements MigrationInterface {
  name = 'PersonalDataSources1765460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "personal_data_access" ADD "source" text NOT NULL DEFAULT 'PARTY' CHECK ("source" IN ('PARTY', 'DOCUMENT', 'EVIDENCE'))`);
    await q.query(`ALTER TABLE "personal_data_access" ADD "source_ref" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "personal_data_access" DROP COLUMN "source_ref"`);
    await q.query(`ALTER TABLE "personal_data_access" DROP COLUMN "source"`);
  }
}
