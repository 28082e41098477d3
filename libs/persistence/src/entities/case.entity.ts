import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JsonDoc } from './json';

/**
 * The read model of a case, projected by the worker in the same transaction
 * that appends the case's events. Never written by the API.
 */
@Entity({ name: 'cases' })
// The list's indexes (migration CaseListColumns): a covering btree in the list's order, a GIN over assigned_user_ids and a partial index of the overdue cases, beyond what the decorators say.
@Index('ix_cases_agency_newest', { synchronize: false })
@Index('ix_cases_assigned_user_ids', { synchronize: false })
@Index('ix_cases_agency_overdue', { synchronize: false })
export class CaseEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'case_number', type: 'text', unique: true }) caseNumber!: string;
  @Index() @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'workflow_id', type: 'text' }) workflowId!: string;
  @Index() @Column({ type: 'text' }) status!: string;
  @Column({ type: 'text' }) procedure!: string;
  @Index() @Column({ name: 'violation_code', type: 'text' }) violationCode!: string;
  @Column({ type: 'jsonb' }) party!: JsonDoc;
  @Column({ type: 'jsonb' }) officers!: JsonDoc[];
  @Column({ type: 'text', array: true, default: '{}' }) flags!: string[];
  @Column({ type: 'jsonb', default: {} }) deadlines!: JsonDoc;
  @Column({ name: 'policy_version', type: 'text' }) policyVersion!: string;
  /** The whole domain state at last_seq, for reads that need more than the columns. */
  @Column({ type: 'jsonb' }) state!: JsonDoc;
  @Column({ name: 'last_seq', type: 'int' }) lastSeq!: number;
  @Column({ name: 'registered_at', type: 'timestamptz' }) registeredAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  /** Who an ASSIGNED read grant lets see the case (domain `assignedUserIds`): filtered on, never read back. */
  @Column({ name: 'assigned_user_ids', type: 'text', array: true, default: '{}', select: false }) assignedUserIds!: string[];
  /** The case officers' user ids (of `officers`), for the list's officer filter. */
  @Column({ name: 'officer_ids', type: 'text', array: true, default: '{}', select: false }) officerIds!: string[];
  /** What the list's text filter matches: case number, party name and summary, lower-cased (`searchTextSql`). */
  @Column({ name: 'search_text', type: 'text', default: '', select: false }) searchText!: string;
}
