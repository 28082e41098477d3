import { MigrationInterface, QueryRunner } from 'typeorm';

// A certificate's dated status changes (issued, 暂扣, 恢复, 吊销, 延续): the
// status and last day in force from a local day, with the reason and who
// recorded it, so validity on any past day can be answered. Append-only; the
// certificate row keeps the status in force today. Certificates loaded before
// this table get one RECORDED row: their present status and dates, as found.
export class CertificateStatusChanges1765510000000 implements MigrationInterface {
  name = 'CertificateStatusChanges1765510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "certificate_status_changes" (
      "seq" bigserial PRIMARY KEY,
      "certificate_id" uuid NOT NULL,
      "kind" text NOT NULL CHECK ("kind" IN ('ISSUED', 'SUSPENDED', 'REINSTATED', 'REVOKED', 'RENEWED', 'RECORDED')),
      "status" text NOT NULL CHECK ("status" IN ('ACTIVE', 'SUSPENDED', 'REVOKED')),
      "valid_to" date NOT NULL,
      "effective_from" date NOT NULL,
      "reason" text,
      "recorded_by" uuid,
      "recorded_by_name" text,
      "recorded_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "certificate_status_changes_certificate" ON "certificate_status_changes" ("certificate_id", "seq")`);
    await q.query(
      `CREATE TRIGGER certificate_status_changes_append_only BEFORE UPDATE OR DELETE ON "certificate_status_changes" FOR EACH ROW EXECUTE FUNCTION zhifa_reject_mutation()`,
    );
    await q.query(`INSERT INTO "certificate_status_changes" ("certificate_id", "kind", "status", "valid_to", "effective_from", "reason")
      SELECT "id", 'RECORDED', "status", "valid_to", "valid_from", 'as found when the status history began' FROM "certificates" ORDER BY "created_at", "number"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "certificate_status_changes"`);
  }
}
