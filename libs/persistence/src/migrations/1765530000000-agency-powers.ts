import { MigrationInterface, QueryRunner } from 'typeorm';

// Each agency's list of enforcement matters (权责清单): the violation codes it
// may penalise, each with its legal basis, set by a system administrator.
// Null: no list configured, every code of the policy (as before).
export class AgencyPowers1765530000000 implements MigrationInterface {
  name = 'AgencyPowers1765530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agencies" ADD "powers" jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agencies" DROP COLUMN "powers"`);
  }
}
