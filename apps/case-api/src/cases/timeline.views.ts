import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEADLINE_KINDS, ROLES } from '@zhifa/domain';
import type { ChainVerification, StoredEvent } from '@zhifa/persistence';

/** Who recorded an event: a person (userId, name, roles) or the workflow's own timers (system). */
export class EventActorView {
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'A person' })
  userId?: string;

  @ApiProperty({ type: String })
  name!: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true, description: "A person's roles when the event was recorded" })
  roles?: string[];

  @ApiPropertyOptional({ type: Boolean, enum: [true], description: "The workflow's deadline timers" })
  system?: true;
}

/** A deadline an event met or missed. */
export class EventDeadlineView {
  @ApiProperty({ enum: DEADLINE_KINDS }) kind!: string;
  @ApiProperty({ enum: ['MET', 'MET_LATE', 'MISSED'], description: 'MET on time, MET_LATE after it was due, MISSED: the event records it missed' }) outcome!: 'MET' | 'MET_LATE' | 'MISSED';
  @ApiProperty({ type: String, format: 'date-time' }) dueAt!: string;
}

/** What a supervisor reads beside an event. */
export class EventAuditView {
  @ApiProperty({
    enum: [...ROLES, 'SYSTEM'],
    nullable: true,
    description: "The role the actor acted in: the first role the event's stage admits that the actor held; SYSTEM for the workflow's own acts",
  })
  actedAs!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "Where the actor acted as an officer or legal reviewer: their certificate (执法证) valid on the event's local day; null when none was" })
  certificateNumber!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The outside body a liaison acted for (e.g. 长治市公安局)' })
  body!: string | null;

  @ApiProperty({ type: [EventDeadlineView], description: 'The deadlines this event met or missed' })
  deadlines!: EventDeadlineView[];
}

/** One recorded event with its place in the hash chain. */
export class TimelineEventView implements StoredEvent {
  @ApiProperty({ type: String, example: 'case-1b2c…:3', description: '<workflow id>:<seq>' })
  eventId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  caseId!: string;

  @ApiProperty({ type: Number })
  seq!: number;

  @ApiProperty({ type: String, example: 'EVIDENCE_RECORDED' })
  type!: string;

  @ApiProperty({ type: EventActorView })
  actor!: EventActorView & Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's own fields (its type says which)" })
  payload!: Record<string, unknown>;

  @ApiProperty({ type: String, description: 'Hash of the previous event (the genesis hash for seq 1)' })
  prevHash!: string;

  @ApiProperty({ type: String, description: 'sha256 over prevHash and the canonical JSON of the event' })
  hash!: string;

  @ApiProperty({ type: EventAuditView })
  audit!: EventAuditView;
}

export class TimelineView {
  @ApiProperty({ type: String, format: 'uuid' })
  caseId!: string;

  @ApiProperty({ type: [TimelineEventView] })
  events!: TimelineEventView[];
}

export class ChainBreakView {
  @ApiProperty({ type: Number })
  seq!: number;

  @ApiProperty({ type: String })
  eventId!: string;

  @ApiProperty({ type: String, example: 'hash does not match the event content' })
  reason!: string;
}

export class ChainVerificationView implements ChainVerification {
  @ApiProperty({ type: Boolean })
  valid!: boolean;

  @ApiProperty({ type: Number, description: 'Events checked' })
  events!: number;

  @ApiPropertyOptional({ type: ChainBreakView, description: 'The first break, when the chain is not valid' })
  brokenAt?: ChainBreakView;
}
