import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { JsonDoc } from './json';

/**
 * One recorded act on a case. Append-only (a trigger rejects UPDATE and
 * DELETE) and hash-chained per case: hash = sha256(prev_hash || canonical JSON).
 */
@Entity({ name: 'case_events' })
@Unique('uq_case_events_case_seq', ['caseId', 'seq'])
export class CaseEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  /** `<workflowId>:<seq>`: the idempotency key of the append. */
  @Column({ name: 'event_id', type: 'text', unique: true }) eventId!: string;
  @Index() @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'int' }) seq!: number;
  @Column({ type: 'text' }) type!: string;
  @Column({ type: 'jsonb' }) actor!: JsonDoc;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' }) recordedAt!: Date;
  @Column({ type: 'jsonb' }) payload!: JsonDoc;
  @Column({ name: 'prev_hash', type: 'char', length: 64 }) prevHash!: string;
  @Column({ type: 'char', length: 64 }) hash!: string;
  /** The command that recorded the event (an Update's id), not hashed: see AppendCaseEventsInput.commandId. */
  @Column({ name: 'command_id', type: 'text', nullable: true }) commandId!: string | null;
}
