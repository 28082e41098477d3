import type { AgencyPower } from '@zhifa/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'agencies' })
export class AgencyEntity {
  @PrimaryColumn('uuid') id!: string;
  /** Short code used in case numbers, e.g. "CZSJ". */
  @Column({ type: 'text', unique: true }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) jurisdiction!: string;
  /** Its list of enforcement matters (权责清单); null: none configured, every code of the policy. */
  @Column({ type: 'jsonb', nullable: true }) powers!: AgencyPower[] | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
