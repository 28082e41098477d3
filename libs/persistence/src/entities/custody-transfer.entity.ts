import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One hand-over of an evidence item (chain of custody), projected from the events. */
@Entity({ name: 'custody_transfers' })
export class CustodyTransferEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @PrimaryColumn({ name: 'evidence_id', type: 'text' }) evidenceId!: string;
  /** Position in the item's custody chain, from 1. */
  @PrimaryColumn({ type: 'int' }) position!: number;
  @Column({ name: 'from_user', type: 'text' }) fromUser!: string;
  @Column({ name: 'to_user', type: 'text' }) toUser!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'text' }) reason!: string;
}
