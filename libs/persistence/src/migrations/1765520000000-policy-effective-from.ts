import { MigrationInterface, QueryRunner } from 'typeorm';

// A policy version takes effect at its effective date (effective_from), not
// when it is published: the version in force is the newest published one whose
// date has come. Versions published before had effect on publication. The
// backfill passes the immutability trigger once, inside this migration.
export class PolicyEffectiveFrom1765520000000 implements MigrationInterface {
  name = 'PolicyEffectiveFrom1765520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "policies" ADD "effective_from" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await q.query(`ALTER TABLE "policies" DISABLE TRIGGER policies_immutable`);
    await q.query(`UPDATE "policies" SET "effective_from" = "published_at"`);
    await q.query(`ALTER TABLE "policies" ENABLE TRIGGER policies_immutable`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "policies" DROP COLUMN "effective_from"`);
  }
}
