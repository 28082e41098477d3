import type { DisclosureState } from '@zhifa/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JsonDoc } from './json';

/**
 * A decision as the public reads it (事后公示), written by the disclosure job
 * of apps/jobs — never by the case's workflow, which records only that it was
 * published, withheld or withdrawn. One row per decision event (the job's
 * source), so a job run twice writes once; a withdrawn row stays, marked.
 */
@Entity({ name: 'public_disclosures' })
export class PublicDisclosureEntity {
  @PrimaryColumn('uuid') id!: string;
  @Index() @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Index() @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  /** The DECISION_MADE event the publication was made for. */
  @Column({ name: 'decision_event_id', type: 'text', unique: true }) decisionEventId!: string;
  @Index() @Column({ type: 'text' }) status!: DisclosureState;
  @Column({ type: 'text' }) title!: string;
  @Column({ name: 'agency_name', type: 'text' }) agencyName!: string;
  @Column({ name: 'document_number', type: 'text' }) documentNumber!: string;
  @Column({ name: 'case_number', type: 'text' }) caseNumber!: string;
  @Index() @Column({ name: 'decided_on', type: 'date' }) decidedOn!: string;
  /** Null when withheld: nothing about the party is public. */
  @Column({ name: 'party_name', type: 'text', nullable: true }) partyName!: string | null;
  @Column({ name: 'legal_basis', type: 'text', nullable: true }) legalBasis!: string | null;
  @Column({ name: 'penalty_lines', type: 'jsonb', default: [] }) penaltyLines!: string[];
  @Column({ name: 'amount_due', type: 'numeric', precision: 14, scale: 2, nullable: true }) amountDue!: string | null;
  /** The redacted text in reading order (heading, paragraphs); null when withheld. */
  @Column({ type: 'jsonb', nullable: true }) sections!: JsonDoc[] | null;
  /** How many of each kind of personal information the text left out. */
  @Column({ type: 'jsonb', default: {} }) removed!: JsonDoc;
  @Column({ name: 'withheld_ground', type: 'text', nullable: true }) withheldGround!: string | null;
  @Column({ name: 'withheld_reason', type: 'text', nullable: true }) withheldReason!: string | null;
  @Column({ name: 'published_at', type: 'timestamptz' }) publishedAt!: Date;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true }) withdrawalReason!: string | null;
  /** The challenge event the withdrawal was made for. */
  @Column({ name: 'withdrawal_event_id', type: 'text', nullable: true }) withdrawalEventId!: string | null;
}
