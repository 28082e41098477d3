import { MigrationInterface, QueryRunner } from 'typeorm';

// Which command recorded each event (the Update's id): beside the chain, not
// in its hashes. A workflow task that appended and then failed runs its
// commands again at a later time; the id lets the retry find the events the
// failed attempt recorded for the same command instead of recording it twice.
export class EventCommandId1765600000000 implements MigrationInterface {
  name = 'EventCommandId1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "case_events" ADD "command_id" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "case_events" DROP COLUMN "command_id"`);
  }
}
