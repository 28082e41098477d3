import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The party (当事人) of a case, projected from its events. */
@Entity({ name: 'parties' })
export class PartyEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'text' }) type!: string;
  @Index() @Column({ type: 'text' }) name!: string;
  /** Indexed with credit_code: the APL 29 look-up of a party's other cases. */
  @Index() @Column({ name: 'id_number', type: 'text', nullable: true }) idNumber!: string | null;
  @Index() @Column({ name: 'credit_code', type: 'text', nullable: true }) creditCode!: string | null;
  @Column({ name: 'legal_representative', type: 'text', nullable: true }) legalRepresentative!: string | null;
  @Column({ type: 'text', nullable: true }) address!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'boolean', default: false }) minor!: boolean;
}
