import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JsonDoc } from './json';

/** One evidence item, projected from its case's events; the file lives in the evidence store by sha256. */
@Entity({ name: 'evidence_items' })
export class EvidenceItemEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @PrimaryColumn({ name: 'evidence_id', type: 'text' }) evidenceId!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ name: 'collected_at', type: 'timestamptz' }) collectedAt!: Date;
  @Column({ type: 'text' }) location!: string;
  @Index() @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ name: 'size_bytes', type: 'bigint' }) sizeBytes!: string;
  @Column({ name: 'media_type', type: 'text', nullable: true }) mediaType!: string | null;
  @Column({ type: 'text', nullable: true }) source!: string | null;
  @Column({ type: 'jsonb' }) collectors!: JsonDoc[];
  @Column({ name: 'recorded_by', type: 'jsonb' }) recordedBy!: JsonDoc;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
  @Column({ type: 'text' }) custodian!: string;
}
