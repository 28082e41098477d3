import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per agency and year, the last case number issued (案号 are sequential). */
@Entity({ name: 'case_number_counters' })
export class CaseNumberCounterEntity {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @PrimaryColumn({ type: 'int' }) year!: number;
  @Column({ name: 'last_number', type: 'int' }) lastNumber!: number;
}
