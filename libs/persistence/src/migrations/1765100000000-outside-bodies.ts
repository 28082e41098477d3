import { MigrationInterface, QueryRunner } from 'typeorm';

// Two-law linkage (R310): the register of the outside bodies a transfer is
// addressed to — police units and procuratorates — that a dispatch, a
// forwarding and a liaison's `users.external_body` must name. Rows are
// deactivated, never deleted: past transfers keep naming them.
export class OutsideBodies1765100000000 implements MigrationInterface {
  name = 'OutsideBodies1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "outside_bodies" (
        "id" uuid NOT NULL,
        "name" text NOT NULL,
        "kind" text NOT NULL,
        "region" text NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "registered_by_id" uuid,
        "registered_by" text NOT NULL,
        "deactivated_at" TIMESTAMP WITH TIME ZONE,
        "deactivated_by_id" uuid,
        "deactivated_by" text,
        CONSTRAINT "PK_outside_bodies_id" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_outside_bodies_name" UNIQUE ("name"),
        CONSTRAINT "CHK_outside_bodies_kind" CHECK ("kind" IN ('POLICE', 'PROCURATORATE'))
      )`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "outside_bodies"`);
  }
}
