import { DataSource, In } from 'typeorm';
import type { DisclosureState } from '@zhifa/domain';
import { PublicDisclosureEntity } from '../entities';
import { isUuid } from './uuid';

/** A disclosure row as the disclosure job writes it. */
export type DisclosureRow = Omit<PublicDisclosureEntity, 'withdrawnAt' | 'withdrawalReason' | 'withdrawalEventId'>;

export interface DisclosureFilter {
  agencyId?: string;
  /** Decided on or after / on or before, YYYY-MM-DD. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** What the public sees: published and withdrawn decisions; a withheld one is not public. */
const PUBLIC: DisclosureState[] = ['PUBLISHED', 'WITHDRAWN'];

/** The public disclosures (事后公示): written by the disclosure job, read by anyone. */
export class DisclosureRepository {
  constructor(private readonly ds: DataSource) {}

  /** Writes the row once per decision event; a second write (a retried job) keeps the first and returns it. */
  async record(row: DisclosureRow): Promise<PublicDisclosureEntity> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(PublicDisclosureEntity)
      .values(row)
      .orIgnore()
      .execute();
    return this.ds.getRepository(PublicDisclosureEntity).findOneByOrFail({ decisionEventId: row.decisionEventId });
  }

  async byDecisionEvent(decisionEventId: string): Promise<PublicDisclosureEntity | null> {
    return this.ds.getRepository(PublicDisclosureEntity).findOneBy({ decisionEventId });
  }

  async byId(id: string): Promise<PublicDisclosureEntity | null> {
    return isUuid(id) ? this.ds.getRepository(PublicDisclosureEntity).findOneBy({ id }) : null;
  }

  /** Marks a published row withdrawn, with its reason; a row already withdrawn is left as it is (a retried job). */
  async withdraw(id: string, w: { reason: string; at: Date; eventId: string }): Promise<PublicDisclosureEntity | null> {
    await this.ds
      .getRepository(PublicDisclosureEntity)
      .update({ id, status: 'PUBLISHED' }, { status: 'WITHDRAWN', withdrawnAt: w.at, withdrawalReason: w.reason, withdrawalEventId: w.eventId });
    return this.byId(id);
  }

  /** A public disclosure (published or withdrawn); null for an unknown or withheld one. */
  async publicById(id: string): Promise<PublicDisclosureEntity | null> {
    const row = await this.byId(id);
    return row && PUBLIC.includes(row.status) ? row : null;
  }

  /** Public disclosures, newest decision first, paged. */
  async publicList(f: DisclosureFilter): Promise<{ rows: PublicDisclosureEntity[]; total: number }> {
    const q = this.ds.getRepository(PublicDisclosureEntity).createQueryBuilder('d').where({ status: In(PUBLIC) });
    if (f.agencyId) q.andWhere('d.agency_id = :agencyId', { agencyId: isUuid(f.agencyId) ? f.agencyId : '00000000-0000-0000-0000-000000000000' });
    if (f.from) q.andWhere('d.decided_on >= :from', { from: f.from });
    if (f.to) q.andWhere('d.decided_on <= :to', { to: f.to });
    const [rows, total] = await q
      .orderBy('d.decided_on', 'DESC')
      .addOrderBy('d.published_at', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .skip((f.page - 1) * f.pageSize)
      .take(f.pageSize)
      .getManyAndCount();
    return { rows, total };
  }
}
