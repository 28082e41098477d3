import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DAY_KINDS, DEADLINE_KINDS, DEADLINE_OWNER, DEADLINE_STATES, deadlineStanding, stillOwed, type DayKind, type DeadlineBasis, type DeadlineKind, type DeadlineOwner, type DeadlineState } from '@zhifa/domain';
import type { CaseClock } from './deadline-clock.service';

// A case's deadlines as the API answers them: each with the basis it was
// counted from, and how far it is on the caller's clock while still owed.

export class DeadlinePauseView {
  @ApiProperty({ type: String, format: 'date-time' })
  from!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Absent while the pause is open' })
  to?: string;

  @ApiProperty({ type: String })
  reason!: string;

  @ApiProperty({ type: Number })
  daysExcluded!: number;
}

/** How a deadline was counted, so anyone can recount it by hand. */
export class DeadlineBasisView implements DeadlineBasis {
  @ApiProperty({ type: String, example: 'decision', description: 'The deadline kind, or free text' })
  rule!: string;

  @ApiProperty({ type: String, example: 'MSA 57', description: 'Legal source of the period' })
  source!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'The instant the period runs from' })
  start!: string;

  @ApiProperty({ type: String, format: 'date', description: 'Local date of start (not counted)' })
  startDate!: string;

  @ApiProperty({ type: Number, description: 'Days counted (a period in months: the calendar days its months came to)' })
  days!: number;

  @ApiPropertyOptional({ type: Number, description: 'A period in months (ALL 46): to the same day number of the last month, or its last day' })
  months?: number;

  @ApiProperty({ enum: DAY_KINDS })
  kind!: DayKind;

  @ApiPropertyOptional({ type: Number, description: 'Test policies only: a period of seconds' })
  seconds?: number;

  @ApiProperty({ type: [DeadlinePauseView] })
  pauses!: DeadlinePauseView[];

  @ApiProperty({ type: [String], description: 'Holidays skipped while counting (YYYY-MM-DD)' })
  holidaysMet!: string[];

  @ApiProperty({ type: [String], description: '调休 weekend working days counted (YYYY-MM-DD)' })
  adjustedWorkingDaysMet!: string[];

  @ApiPropertyOptional({ type: String, format: 'date', description: 'Set when the raw last day was a non-working day' })
  rolledForwardFrom?: string;

  @ApiProperty({ type: [String] })
  calendarSources!: string[];

  @ApiProperty({ type: [String] })
  warnings!: string[];

  @ApiProperty({ type: String, format: 'date', description: 'Local date, last day of the period' })
  dueDate!: string;
}

export class DeadlineView {
  @ApiProperty({ enum: DEADLINE_KINDS })
  kind!: string;

  @ApiProperty({
    enum: ['AGENCY', 'PARTY', 'POLICE', 'PROCURATORATE'],
    description: 'Who must act by it: the agency, the party, or the police or procuratorate of a criminal transfer (R310)',
  })
  owner!: DeadlineOwner;

  @ApiProperty({ type: String, format: 'date-time', description: 'When the period started' })
  startAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  dueAt!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  remindAt?: string;

  @ApiProperty({ enum: DEADLINE_STATES })
  state!: string;

  @ApiProperty({ type: DeadlineBasisView })
  basis!: DeadlineBasisView;

  @ApiPropertyOptional({
    type: Number,
    example: 3,
    description: "While the act is owed (OPEN or MISSED): whole days from today to the due day in the agency's time zone; 0 on the due day, negative once past",
  })
  daysLeft?: number;

  @ApiPropertyOptional({ type: Boolean, description: 'While the act is owed (OPEN or MISSED): the due instant has passed' })
  overdue?: boolean;
}

// Sorted by kind: Postgres' jsonb and the workflow's state order keys differently, and a case reads the same either way.
// Days left are read on the caller's clock, in the zone the deadlines were counted in.
export function deadlineViews(deadlines: object | null | undefined, clock: CaseClock): DeadlineView[] {
  const entries = Object.entries(deadlines ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.map(([kind, d]) => {
    const dl = d as { startAt: string; dueAt: string; remindAt?: string; state: DeadlineState; basis: DeadlineBasisView };
    const standing = stillOwed(dl) ? deadlineStanding(dl.dueAt, clock.now, clock.timeZone) : {};
    const owner = DEADLINE_OWNER[kind as DeadlineKind];
    return { kind, owner, startAt: dl.startAt, dueAt: dl.dueAt, remindAt: dl.remindAt, state: dl.state, basis: dl.basis, ...standing };
  });
}
