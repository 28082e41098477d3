import { MigrationInterface, QueryRunner } from 'typeorm';

// Holiday calendars leave the policy: a table of published years, seeded
// with the one calendar published so far (国务院办公厅 2025-11-04 notice on
// 2026). The data is written out here, not imported: a migration seeds what
// was true when it was written (the same as libs/domain/src/policy/calendars-2026.ts;
// a spec checks they agree).
export const SEEDED_2026 = {
  year: 2026,
  holidays: [
    ...['2026-01-01', '2026-01-02', '2026-01-03'],
    ...['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'],
    ...['2026-04-04', '2026-04-05', '2026-04-06'],
    ...['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'],
    ...['2026-06-19', '2026-06-20', '2026-06-21'],
    ...['2026-09-25', '2026-09-26', '2026-09-27'],
    ...['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  ],
  adjustedWorkingDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  source: '国务院办公厅 2025-11-04 notice on 2026 holidays (国务院办公厅关于2026年部分节假日安排的通知)',
};
export class HolidayCalendars1764200000000 implements MigrationInterface {
  name = 'HolidayCalendars1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "holiday_calendars" ("year" integer NOT NULL, "holidays" jsonb NOT NULL, "adjusted_working_days" jsonb NOT NULL, "source" text NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_by" text NOT NULL, CONSTRAINT "PK_holiday_calendars_year" PRIMARY KEY ("year"))`,
    );
    await q.query(
      `INSERT INTO "holiday_calendars" ("year", "holidays", "adjusted_working_days", "source", "published_at", "published_by") VALUES ($1, $2, $3, $4, $5, $6)`,
      [SEEDED_2026.year, JSON.stringify(SEEDED_2026.holidays), JSON.stringify(SEEDED_2026.adjustedWorkingDays), SEEDED_2026.source, '2025-11-04T00:00:00Z', 'seed'],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "holiday_calendars"`);
  }
}
