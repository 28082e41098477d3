import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One year's holiday calendar as the State Council published it: its own
 * data, versioned by year and never edited after insert (a case resolves the
 * calendar of each year it counts through; it is not pinned in the policy).
 */
@Entity({ name: 'holiday_calendars' })
export class HolidayCalendarEntity {
  @PrimaryColumn('integer') year!: number;
  /** Days off, YYYY-MM-DD. */
  @Column({ type: 'jsonb' }) holidays!: string[];
  /** Weekend working days (调休), YYYY-MM-DD. */
  @Column({ name: 'adjusted_working_days', type: 'jsonb' }) adjustedWorkingDays!: string[];
  @Column({ type: 'text' }) source!: string;
  @Column({ name: 'published_at', type: 'timestamptz' }) publishedAt!: Date;
  @Column({ name: 'published_by', type: 'text' }) publishedBy!: string;
}
