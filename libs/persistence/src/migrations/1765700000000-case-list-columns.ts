import { MigrationInterface, QueryRunner } from 'typeorm';

// The case list at volume (100,000 cases): what it filters on, beside the
// state instead of inside it, and an index in its order.
// - assigned_user_ids: who an ASSIGNED read grant lets see the case (its
//   officers, auxiliary staff, hearing host: the domain's assignedUserIds),
//   so an officer's own list no longer reads every case's state;
// - officer_ids: the case officers' user ids, for the list's officer filter
//   (an array containment the index below can answer; `officers` is jsonb);
// - search_text: what the list's text filter matches (case number, party
//   name, summary), lower-cased once here so the filter is a LIKE, not three
//   ILIKEs that read state->>'summary' (detoasting every state);
// - ix_cases_agency_newest: an agency's cases newest first, in the list's
//   order (registered_at DESC, id), carrying the columns the list filters on,
//   so a page's ids are read from the index alone (a filter that matches few
//   no longer fetches every case it passes over);
// - a GIN index on assigned_user_ids for a reader with few cases among many;
// - a partial index of the overdue cases, in the same order: few among many.
// The store's projection writes the three columns with every append. The backfill
// rewrites every existing row once: a large table holds the old versions
// until VACUUM reclaims them (VACUUM FULL in a quiet hour gives the space
// back, and the list's sequential scans their speed).

/** The backfill of assigned_user_ids from a row's state: the domain's assignedUserIds in SQL (as a set). */
export const BACKFILL_ASSIGNED_USER_IDS = `ARRAY(
  SELECT DISTINCT x FROM (
    SELECT o->>'userId' FROM jsonb_array_elements(COALESCE(state->'officers', '[]')) o
    UNION ALL SELECT a->>'userId' FROM jsonb_array_elements(COALESCE(state->'auxiliaries', '[]')) a
    UNION ALL SELECT state->'hearing'->'host'->>'userId'
  ) ids(x) WHERE x IS NOT NULL)`;

/** The backfill of officer_ids: the user ids of the `officers` column, in its order. */
export const BACKFILL_OFFICER_IDS = `ARRAY(SELECT o->>'userId' FROM jsonb_array_elements(officers) WITH ORDINALITY AS t(o, n) ORDER BY n)`;

/** The backfill of search_text: what the store's searchTextSql writes. */
export const BACKFILL_SEARCH_TEXT = `lower(concat_ws(chr(31), case_number, party->>'name', state->>'summary'))`;

export class CaseListColumns1765700000000 implements MigrationInterface {
  name = 'CaseListColumns1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cases" ADD "assigned_user_ids" text array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "cases" ADD "officer_ids" text array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "cases" ADD "search_text" text NOT NULL DEFAULT ''`);
    // Only the new columns change: the statistics the trigger keeps do not move.
    await q.query(`ALTER TABLE "cases" DISABLE TRIGGER "cases_statistics"`);
    await q.query(`UPDATE "cases" SET "search_text" = ${BACKFILL_SEARCH_TEXT}, "assigned_user_ids" = ${BACKFILL_ASSIGNED_USER_IDS}, "officer_ids" = ${BACKFILL_OFFICER_IDS}`);
    await q.query(`ALTER TABLE "cases" ENABLE TRIGGER "cases_statistics"`);
    await q.query(`CREATE INDEX "ix_cases_agency_newest" ON "cases" ("agency_id", "registered_at" DESC, "id") INCLUDE ("status", "flags", "assigned_user_ids", "officer_ids", "search_text")`);
    await q.query(`CREATE INDEX "ix_cases_agency_overdue" ON "cases" ("agency_id", "registered_at" DESC, "id") WHERE 'OVERDUE' = ANY ("flags")`);
    await q.query(`CREATE INDEX "ix_cases_assigned_user_ids" ON "cases" USING gin ("assigned_user_ids")`);
    // Plans for solid-state storage, where a random read costs about what a
    // sequential one does: under Postgres's default (4, spinning disks) the
    // planner counted an officer's 60,000 of 100,000 cases by reading the
    // whole table (~110 ms) instead of the index above (~35 ms). Set for this
    // database only; an operator may set it otherwise. A role that may not
    // alter the database leaves the default and is told so.
    await q.query(`DO $$ BEGIN
      EXECUTE format('ALTER DATABASE %I SET random_page_cost = 1.1', current_database());
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'random_page_cost left at the server default: %', SQLERRM;
    END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
      EXECUTE format('ALTER DATABASE %I RESET random_page_cost', current_database());
    EXCEPTION WHEN insufficient_privilege THEN NULL;
    END $$`);
    await q.query(`DROP INDEX "ix_cases_agency_overdue"`);
    await q.query(`DROP INDEX "ix_cases_assigned_user_ids"`);
    await q.query(`DROP INDEX "ix_cases_agency_newest"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "search_text"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "officer_ids"`);
    await q.query(`ALTER TABLE "cases" DROP COLUMN "assigned_user_ids"`);
  }
}
