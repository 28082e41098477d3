import { MigrationInterface, QueryRunner } from 'typeorm';

// APL 29 (一事不二罚): registration, filing and the decision look up the other
// cases of a party (by credit code or ID number) for a violation code.
export class SameActIndexes1764950000000 implements MigrationInterface {
  name = 'SameActIndexes1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_05e68b78e4ee04f7a867a6e3c4" ON "parties" ("credit_code")`);
    await q.query(`CREATE INDEX "IDX_47567d665614d99051cf2707ee" ON "parties" ("id_number")`);
    await q.query(`CREATE INDEX "IDX_8cd3023b84bf328e10f6c333ef" ON "cases" ("violation_code")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_8cd3023b84bf328e10f6c333ef"`);
    await q.query(`DROP INDEX "public"."IDX_47567d665614d99051cf2707ee"`);
    await q.query(`DROP INDEX "public"."IDX_05e68b78e4ee04f7a867a6e3c4"`);
  }
}
