import { MigrationInterface, QueryRunner } from 'typeorm';

// Two-law linkage (R310): a police or procuratorate liaison belongs to a named
// outside body, as a transfer's dispatch names it (e.g. 长治市公安局).
export class LiaisonBodies1765000000000 implements MigrationInterface {
  name = 'LiaisonBodies1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "external_body" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" DROP COLUMN "external_body"`);
  }
}
