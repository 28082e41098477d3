import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A police unit or procuratorate a criminal transfer may be addressed to
 * (R310 6, 7). Deactivated, never deleted: transfers already sent keep its name.
 */
@Entity({ name: 'outside_bodies' })
@Check('CHK_outside_bodies_kind', `"kind" IN ('POLICE', 'PROCURATORATE')`)
export class OutsideBodyEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) name!: string;
  @Column({ type: 'text' }) kind!: 'POLICE' | 'PROCURATORATE';
  /** The region or jurisdiction it serves, as text (长治市, 长治市潞州区). */
  @Column({ type: 'text' }) region!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ name: 'registered_at', type: 'timestamptz', default: () => 'now()' }) registeredAt!: Date;
  @Column({ name: 'registered_by_id', type: 'uuid', nullable: true }) registeredById!: string | null;
  @Column({ name: 'registered_by', type: 'text' }) registeredBy!: string;
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true }) deactivatedAt!: Date | null;
  @Column({ name: 'deactivated_by_id', type: 'uuid', nullable: true }) deactivatedById!: string | null;
  @Column({ name: 'deactivated_by', type: 'text', nullable: true }) deactivatedBy!: string | null;
}
