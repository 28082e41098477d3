import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The public half of an agency's archive-signing key (Ed25519) and the
 * interval it signs in. The private half never enters the database: it is a
 * file in ARCHIVE_KEY_DIR. A rotated-out key keeps its row (with
 * `valid_until`), so packages it signed still verify.
 */
@Entity({ name: 'archive_signing_keys' })
@Index('archive_signing_keys_one_current', ['agencyId'], { unique: true, where: 'valid_until IS NULL' })
export class ArchiveSigningKeyEntity {
  @PrimaryColumn({ name: 'key_id', type: 'text' }) keyId!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ type: 'text', default: 'Ed25519' }) algorithm!: string;
  /** SPKI PEM. */
  @Column({ name: 'public_key', type: 'text' }) publicKey!: string;
  @Column({ name: 'valid_from', type: 'timestamptz' }) validFrom!: Date;
  @Column({ name: 'valid_until', type: 'timestamptz', nullable: true }) validUntil!: Date | null;
}
