import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AgencyPower } from '@zhifa/domain';
import { AgencyEntity } from '../entities';
import { isUuid } from './uuid';

/** An agency as a system administrator keeps it: plain JSON (the administration log stores it as is). */
export interface AgencyRecord {
  id: string;
  code: string;
  name: string;
  jurisdiction: string;
  /** Its list of enforcement matters; null: none configured (every code of the policy). */
  powers: AgencyPower[] | null;
  createdAt: string;
}

const toRecord = (a: AgencyEntity): AgencyRecord => ({
  id: a.id,
  code: a.code,
  name: a.name,
  jurisdiction: a.jurisdiction,
  powers: a.powers ?? null,
  createdAt: a.createdAt.toISOString(),
});

/** A change to an agency: the record as it was and as it is (null: no such agency, or nothing done). */
export interface AgencyChange {
  before: AgencyRecord | null;
  after: AgencyRecord | null;
}

/** Agencies, their lists of powers, and their case-number counters. */
export class AgencyRepository {
  constructor(private readonly ds: DataSource) {}

  async byId(agencyId: string): Promise<AgencyEntity | null> {
    return isUuid(agencyId) ? this.ds.getRepository(AgencyEntity).findOneBy({ id: agencyId }) : null;
  }

  /** Every agency, by name (the public pages list them). */
  async all(): Promise<AgencyEntity[]> {
    return this.ds.getRepository(AgencyEntity).find({ order: { name: 'ASC', id: 'ASC' } });
  }

  /** Every agency as administered, by code. */
  async records(): Promise<AgencyRecord[]> {
    return (await this.ds.getRepository(AgencyEntity).find({ order: { code: 'ASC' } })).map(toRecord);
  }

  async record(agencyId: string, m: EntityManager = this.ds.manager): Promise<AgencyRecord | null> {
    if (!isUuid(agencyId)) return null;
    const a = await m.getRepository(AgencyEntity).findOneBy({ id: agencyId });
    return a ? toRecord(a) : null;
  }

  /** Adds an agency inside `m`'s transaction; `after` null when the code is taken. */
  async create(m: EntityManager, fields: { code: string; name: string; jurisdiction: string }): Promise<AgencyChange> {
    const id = randomUUID();
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO agencies (id, code, name, jurisdiction) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING RETURNING id`,
      [id, fields.code, fields.name, fields.jurisdiction],
    );
    return { before: null, after: inserted.length ? await this.record(id, m) : null };
  }

  /** Renames an agency or moves it to another jurisdiction (its code stays: case numbers carry it). */
  async update(m: EntityManager, id: string, fields: { name: string; jurisdiction: string }): Promise<AgencyChange> {
    const before = await this.locked(m, id);
    if (!before) return { before: null, after: null };
    await m.getRepository(AgencyEntity).update({ id }, fields);
    return { before, after: await this.record(id, m) };
  }

  /** Replaces the agency's list of powers. */
  async setPowers(m: EntityManager, id: string, powers: AgencyPower[]): Promise<AgencyChange> {
    const before = await this.locked(m, id);
    if (!before) return { before: null, after: null };
    await m.query(`UPDATE agencies SET powers = $2 WHERE id = $1`, [id, JSON.stringify(powers)]);
    return { before, after: await this.record(id, m) };
  }

  /** The agency's row, locked until the transaction ends (two administrators' changes are recorded in order). */
  private async locked(m: EntityManager, id: string): Promise<AgencyRecord | null> {
    if (!isUuid(id)) return null;
    const [row]: { id: string }[] = await m.query(`SELECT id FROM agencies WHERE id = $1 FOR UPDATE`, [id]);
    return row ? this.record(id, m) : null;
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
