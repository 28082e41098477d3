import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid') id!: string;
  @Index() @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ type: 'text', unique: true }) username!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', array: true }) roles!: string[];
  @Column({ type: 'boolean', default: true }) active!: boolean;
  /** The outside body (police, procuratorate) a liaison belongs to; null for the agency's own staff. */
  @Column({ name: 'external_body', type: 'text', nullable: true }) externalBody!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
