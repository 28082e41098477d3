import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { JsonDoc } from './json';

/** Side effects to run on BullMQ, written in the event's transaction. */
@Entity({ name: 'outbox' })
@Unique('uq_outbox_event_topic', ['eventId', 'topic'])
export class OutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'event_id', type: 'text' }) eventId!: string;
  @Column({ type: 'text' }) topic!: string;
  @Column({ type: 'jsonb' }) payload!: JsonDoc;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Index('ix_outbox_pending', { where: 'dispatched_at IS NULL' })
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;
}
