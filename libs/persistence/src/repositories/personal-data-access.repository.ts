import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** What was read: the party itself, a document carrying it (by number), an evidence file (by id). */
export const PERSONAL_DATA_SOURCES = ['PARTY', 'DOCUMENT', 'EVIDENCE'] as const;
export type PersonalDataSource = (typeof PERSONAL_DATA_SOURCES)[number];

/** One read of a party's full personal information. */
export interface PersonalDataRead {
  id: string;
  caseId: string;
  caseNumber: string;
  userId: string;
  userName: string;
  roles: string[];
  fields: string[];
  reason: string;
  source: PersonalDataSource;
  sourceRef: string | null;
  at: string;
}

export type NewPersonalDataRead = Omit<PersonalDataRead, 'id' | 'at'> & { agencyId: string };

interface Row {
  id: string;
  case_id: string;
  case_number: string;
  user_id: string;
  user_name: string;
  roles: string[];
  fields: string[];
  reason: string;
  source: PersonalDataSource;
  source_ref: string | null;
  at: Date;
}

const toRead = (r: Row): PersonalDataRead => ({
  id: r.id,
  caseId: r.case_id,
  caseNumber: r.case_number,
  userId: r.user_id,
  userName: r.user_name,
  roles: r.roles,
  fields: r.fields,
  reason: r.reason,
  source: r.source,
  sourceRef: r.source_ref,
  at: r.at.toISOString(),
});

/** The append-only log of reads of parties' full ID numbers, phones and addresses (PIPL). */
export class PersonalDataAccessRepository {
  constructor(private readonly ds: DataSource) {}

  async record(read: NewPersonalDataRead): Promise<PersonalDataRead> {
    const [row] = await this.ds.query(
      `INSERT INTO personal_data_access (id, case_id, case_number, agency_id, user_id, user_name, roles, fields, reason, source, source_ref)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
      [
        randomUUID(),
        read.caseId,
        read.caseNumber,
        read.agencyId,
        read.userId,
        read.userName,
        JSON.stringify(read.roles),
        JSON.stringify(read.fields),
        read.reason,
        read.source,
        read.sourceRef,
      ],
    );
    return toRead(row as Row);
  }

  /** An agency's reads, newest first, optionally of one case. */
  async list(agencyId: string, opts: { caseId?: string; page: number; pageSize: number }): Promise<{ items: PersonalDataRead[]; total: number }> {
    const where = opts.caseId ? 'agency_id = $1 AND case_id = $2' : 'agency_id = $1';
    const params: unknown[] = opts.caseId ? [agencyId, opts.caseId] : [agencyId];
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM personal_data_access WHERE ${where}`, params);
    const rows: Row[] = await this.ds.query(
      `SELECT * FROM personal_data_access WHERE ${where} ORDER BY at DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, opts.pageSize, (opts.page - 1) * opts.pageSize],
    );
    return { items: rows.map(toRead), total };
  }
}
