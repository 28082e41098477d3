import { DataSource } from 'typeorm';
import { AgencyEntity } from '../entities';
import { isUuid } from './uuid';

/** Agencies and their case-number counters. */
export class AgencyRepository {
  constructor(private readonly ds: DataSource) {}

  async byId(agencyId: string): Promise<AgencyEntity | null> {
    return isUuid(agencyId) ? this.ds.getRepository(AgencyEntity).findOneBy({ id: agencyId }) : null;
  }

  /** Every agency, by name (the public pages list them). */
  async all(): Promise<AgencyEntity[]> {
    return this.ds.getRepository(AgencyEntity).find({ order: { name: 'ASC', id: 'ASC' } });
  }

  /** The next number in the agency's sequence for the year; the upsert locks the counter row. */
  async nextCaseNumber(agencyId: string, year: number): Promise<number> {
    const rows: { last_number: number }[] = await this.ds.query(
      `INSERT INTO case_number_counters (agency_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (agency_id, year) DO UPDATE SET last_number = case_number_counters.last_number + 1
       RETURNING last_number`,
      [agencyId, year],
    );
    return rows[0].last_number;
  }
}
