import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A message to a person about an event on a case they may read; one per (event, person). */
@Entity({ name: 'notifications' })
@Unique('uq_notifications_event_user', ['eventId', 'userId'])
@Index('idx_notifications_user_newest', ['userId', 'id'])
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Index() @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'event_id', type: 'text' }) eventId!: string;
  @Column({ name: 'event_type', type: 'text', default: '' }) eventType!: string;
  @Column({ type: 'integer', default: 0 }) seq!: number;
  /** The message in Chinese, the agency's working language. */
  @Column({ type: 'text' }) message!: string;
  @Column({ name: 'message_en', type: 'text', default: '' }) messageEn!: string;
  /** Where on the case the notification leads (NoticeSection). */
  @Column({ type: 'text', default: 'timeline' }) section!: string;
  /** Why this person was told (NoticeReason). */
  @Column({ type: 'text', default: 'OFFICER' }) reason!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt!: Date | null;
}
