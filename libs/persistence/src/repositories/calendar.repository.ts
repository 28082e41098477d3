import { DataSource, EntityManager } from 'typeorm';
import { CALENDAR_PUBLISHED_TOPIC } from '@zhifa/contracts';
import type { HolidayCalendarYear } from '@zhifa/domain';
import { HolidayCalendarEntity } from '../entities';


export interface PublishedCalendar extends HolidayCalendarYear {
  publishedAt: string;
  publishedBy: string;
}

function toDomain(row: HolidayCalendarEntity): PublishedCalendar {
  return {
    year: row.year,
    holidays: row.holidays,
    adjustedWorkingDays: row.adjustedWorkingDays,
    source: row.source,
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: row.publishedBy,
  };
}

/** Published holiday calendars, one per year, never edited once published. */
export class CalendarRepository {
  constructor(private readonly ds: DataSource) {}

  async all(): Promise<PublishedCalendar[]> {
    const rows = await this.ds.getRepository(HolidayCalendarEntity).find({ order: { year: 'ASC' } });
    return rows.map(toDomain);
  }

  /** The calendars a case counts with, as the domain reads them. */
  async forCases(): Promise<HolidayCalendarYear[]> {
    return (await this.all()).map(({ year, holidays, adjustedWorkingDays, source }) => ({ year, holidays, adjustedWorkingDays, source }));
  }

  async year(year: number): Promise<HolidayCalendarYear | null> {
    const row = await this.ds.getRepository(HolidayCalendarEntity).findOneBy({ year });
    if (!row) return null;
    return { year: row.year, holidays: row.holidays, adjustedWorkingDays: row.adjustedWorkingDays, source: row.source };
  }

  /**
   * Publishes a year and, in the same transaction, the outbox row that makes
   * the jobs send it to the running cases (`within`: the caller's transaction,
   * e.g. with its record in the administration log). False: the year was published already.
   */
  async publish(calendar: HolidayCalendarYear, publishedBy: string, at: Date, within?: EntityManager): Promise<boolean> {
    const run = async (m: EntityManager): Promise<boolean> => {
      const inserted: { year: number }[] = await m.query(
        `INSERT INTO holiday_calendars (year, holidays, adjusted_working_days, source, published_at, published_by)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (year) DO NOTHING RETURNING year`,
        [calendar.year, JSON.stringify(calendar.holidays), JSON.stringify(calendar.adjustedWorkingDays), calendar.source, at, publishedBy],
      );
      if (inserted.length === 0) return false;
      await m.query(`INSERT INTO outbox (event_id, topic, payload) VALUES ($1, $2, $3)`, [
        // The publication's own id (a year published in one database is not the year published in another sharing the queue).
        `calendar:${calendar.year}:${at.getTime()}`,
        CALENDAR_PUBLISHED_TOPIC,
        JSON.stringify({ type: 'CALENDAR_PUBLISHED', year: calendar.year }),
      ]);
      return true;
    };
    return within ? run(within) : this.ds.transaction(run);
  }
}
