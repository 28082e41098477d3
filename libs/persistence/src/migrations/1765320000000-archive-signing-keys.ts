import { MigrationInterface, QueryRunner } from 'typeorm';

// The public halves of the agencies' archive-signing keys, with the interval
// each signs in. A key is never deleted or changed: rotation only closes its
// interval once (valid_until), so every package it signed stays verifiable.
export class ArchiveSigningKeys1765320000000 implements MigrationInterface {
  name = 'ArchiveSigningKeys1765320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "archive_signing_keys" ("key_id" text NOT NULL, "agency_id" uuid NOT NULL, "algorithm" text NOT NULL DEFAULT 'Ed25519', "public_key" text NOT NULL, "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL, "valid_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4e8ba27dbbe63845b293781a89f" PRIMARY KEY ("key_id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "archive_signing_keys_one_current" ON "archive_signing_keys" ("agency_id") WHERE valid_until IS NULL`);
    await q.query(`
      CREATE FUNCTION archive_signing_keys_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'archive_signing_keys: a key is never deleted (packages it signed must stay verifiable)';
        END IF;
        IF OLD.valid_until IS NOT NULL OR NEW.valid_until IS NULL OR NEW.key_id <> OLD.key_id OR NEW.agency_id <> OLD.agency_id
           OR NEW.algorithm <> OLD.algorithm OR NEW.public_key <> OLD.public_key OR NEW.valid_from <> OLD.valid_from THEN
          RAISE EXCEPTION 'archive_signing_keys: only closing a key''s validity (valid_until, once) is allowed';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER archive_signing_keys_kept BEFORE UPDATE OR DELETE ON "archive_signing_keys" FOR EACH ROW EXECUTE FUNCTION archive_signing_keys_kept()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "archive_signing_keys"`);
    await q.query(`DROP FUNCTION archive_signing_keys_kept()`);
  }
}
