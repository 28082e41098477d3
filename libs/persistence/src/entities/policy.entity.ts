import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JurisdictionPolicy } from '@zhifa/domain';

/** One published version of a jurisdiction policy. Never edited after insert. */
@Entity({ name: 'policies' })
export class PolicyEntity {
  @PrimaryColumn('text') version!: string;
  @Column({ type: 'text' }) jurisdiction!: string;
  @Column({ name: 'published_at', type: 'timestamptz' }) publishedAt!: Date;
  @Column({ name: 'published_by', type: 'text' }) publishedBy!: string;
  /** In force from this instant (the newest published version whose date has come is the one new cases pin). */
  @Column({ name: 'effective_from', type: 'timestamptz', default: () => 'now()' }) effectiveFrom!: Date;
  @Column({ type: 'jsonb' }) document!: JurisdictionPolicy;
}
