import { MigrationInterface, QueryRunner } from 'typeorm';
import { CALENDAR_2026 } from '@zhifa/domain';

// Holiday calendars leave the policy: a table of published years, seeded
// with the one calendar published so far (国务院办公厅 2025-11-04 notice on 2026).
export class HolidayCalendars1764200000000 implements MigrationInterface {
  name = 'HolidayCalendars1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "holiday_calendars" ("year" integer NOT NULL, "holidays" jsonb NOT NULL, "adjusted_working_days" jsonb NOT NULL, "source" text NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_by" text NOT NULL, CONSTRAINT "PK_holiday_calendars_year" PRIMARY KEY ("year"))`,
    );
    await q.query(
      `INSERT INTO "holiday_calendars" ("year", "holidays", "adjusted_working_days", "source", "published_at", "published_by") VALUES ($1, $2, $3, $4, $5, $6)`,
      [CALENDAR_2026.year, JSON.stringify(CALENDAR_2026.holidays), JSON.stringify(CALENDAR_2026.adjustedWorkingDays), CALENDAR_2026.source, '2025-11-04T00:00:00Z', 'seed'],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "holiday_calendars"`);
  }
}
