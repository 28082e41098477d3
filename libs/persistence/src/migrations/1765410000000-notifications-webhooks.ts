import { MigrationInterface, QueryRunner } from 'typeorm';

// Notifications read by their person (newest first, with the event, section and
// reason they carry, in both languages), and each agency's optional webhook
// with the log of every delivery attempt.
export class NotificationsWebhooks1765410000000 implements MigrationInterface {
  name = 'NotificationsWebhooks1765410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "agency_webhooks" ("agency_id" uuid NOT NULL, "url" text NOT NULL, "secret" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_05aab4316720ad4897876fd2b24" PRIMARY KEY ("agency_id"))`);
    await q.query(`CREATE TABLE "webhook_deliveries" ("id" BIGSERIAL NOT NULL, "agency_id" uuid NOT NULL, "event_id" text NOT NULL, "case_id" uuid NOT NULL, "event_type" text NOT NULL, "url" text NOT NULL, "attempt" integer NOT NULL, "ok" boolean NOT NULL, "status_code" integer, "error" text, "duration_ms" integer NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_webhook_deliveries_event" ON "webhook_deliveries" ("agency_id", "event_id") `);
    await q.query(`ALTER TABLE "notifications" ADD "event_type" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "notifications" ADD "seq" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "notifications" ADD "message_en" text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "notifications" ADD "section" text NOT NULL DEFAULT 'timeline'`);
    await q.query(`ALTER TABLE "notifications" ADD "reason" text NOT NULL DEFAULT 'OFFICER'`);
    await q.query(`CREATE INDEX "idx_notifications_user_newest" ON "notifications" ("user_id", "id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_notifications_user_newest"`);
    for (const c of ['reason', 'section', 'message_en', 'seq', 'event_type']) await q.query(`ALTER TABLE "notifications" DROP COLUMN "${c}"`);
    await q.query(`DROP INDEX "public"."idx_webhook_deliveries_event"`);
    await q.query(`DROP TABLE "webhook_deliveries"`);
    await q.query(`DROP TABLE "agency_webhooks"`);
  }
}
