import type { CertificateStatus } from '@zhifa/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An enforcement certificate (执法证) or legal-reviewer qualification. */
@Entity({ name: 'certificates' })
export class CertificateEntity {
  @PrimaryColumn('uuid') id!: string;
  @Index() @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'text', unique: true }) number!: string;
  /** ENFORCEMENT or LEGAL_REVIEW, optionally with a field, e.g. "ENFORCEMENT:market". */
  @Column({ type: 'text' }) scope!: string;
  @Column({ name: 'valid_from', type: 'date' }) validFrom!: string;
  @Column({ name: 'valid_to', type: 'date' }) validTo!: string;
  @Column({ type: 'text' }) status!: CertificateStatus;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
