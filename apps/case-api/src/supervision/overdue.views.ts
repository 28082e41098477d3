import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ACTION_NAMES, CASE_FLAGS, CASE_STATUSES, DEADLINE_KINDS, PARTY_TYPES, PROCEDURES, type DeadlineKind } from '@zhifa/domain';
import { CaseOfficerView, DeadlineBasisView } from '../cases/case-view';

export class OverdueQuery {
  @ApiPropertyOptional({ default: 3, minimum: 0, maximum: 90, description: 'Also list deadlines due within this many days (0: today)' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(90)
  withinDays = 3;

  @ApiPropertyOptional({ default: 1 }) @Type(() => Number) @IsInt() @Min(1) page = 1;
  @ApiPropertyOptional({ default: 20 }) @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize = 20;
}

export class OverduePartyView {
  @ApiProperty({ enum: PARTY_TYPES })
  type!: string;

  @ApiProperty({ type: String, example: '王某' })
  name!: string;
}

/** Someone a deadline waits for, with the steps of theirs that answer it. */
export class AwaitedPersonView {
  @ApiProperty({ type: String, format: 'uuid' })
  userId!: string;

  @ApiProperty({ type: String, example: '孙局长' })
  name!: string;

  @ApiProperty({ enum: ACTION_NAMES, isArray: true, description: 'The steps they may take now that answer it; empty when named as a case officer only' })
  actions!: string[];
}

/** One deadline of one case, past or near its limit. */
export class OverdueItemView {
  @ApiProperty({ type: String, format: 'uuid' })
  caseId!: string;

  @ApiProperty({ type: String, example: 'LZSJ-2026-00001' })
  caseNumber!: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status!: string;

  @ApiProperty({ enum: PROCEDURES })
  procedure!: string;

  @ApiProperty({ type: OverduePartyView, description: 'The party by type and name only' })
  party!: OverduePartyView;

  @ApiProperty({ enum: CASE_FLAGS, isArray: true })
  flags!: string[];

  @ApiProperty({ enum: DEADLINE_KINDS })
  deadline!: DeadlineKind;

  @ApiProperty({ enum: ['OPEN', 'MISSED'], description: 'MISSED once the escalation at the limit has run' })
  state!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  dueAt!: string;

  @ApiProperty({ type: String, format: 'date', description: 'The local due day' })
  dueDate!: string;

  @ApiProperty({ type: Number, description: "Whole days from today to the due day in the agency's time zone; negative once past" })
  daysLeft!: number;

  @ApiProperty({ type: Boolean })
  overdue!: boolean;

  @ApiProperty({ type: DeadlineBasisView, description: 'How the deadline was counted: rule, legal source, start, period, holidays' })
  basis!: DeadlineBasisView;

  @ApiProperty({ type: [CaseOfficerView] })
  officers!: CaseOfficerView[];

  @ApiProperty({
    type: [AwaitedPersonView],
    description: 'Who the deadline waits for: those whose next step answers it (head for approvals, the reviewer for a review); else whoever the case waits for; else the case officers',
  })
  responsible!: AwaitedPersonView[];
}

/** How many deadlines of a kind are overdue and near, over the whole list (not only the page). */
export class OverdueCountView {
  @ApiProperty({ enum: DEADLINE_KINDS })
  deadline!: DeadlineKind;

  @ApiProperty({ type: Number })
  overdue!: number;

  @ApiProperty({ type: Number })
  near!: number;
}

export class OverdueListView {
  @ApiProperty({ type: [OverdueItemView], description: 'Overdue first, then the soonest due' })
  items!: OverdueItemView[];

  @ApiProperty({ type: Number })
  total!: number;

  @ApiProperty({ type: Number })
  page!: number;

  @ApiProperty({ type: Number })
  pageSize!: number;

  @ApiProperty({ type: Number })
  withinDays!: number;

  @ApiProperty({ type: String, format: 'date-time', description: 'The instant the list was judged on' })
  asOf!: string;

  @ApiProperty({ type: [OverdueCountView], description: 'Per deadline kind with any entry, in the order of DEADLINE_KINDS' })
  counts!: OverdueCountView[];
}
