import { DataSource } from 'typeorm';

/** Kinds of supervisor alert. */
export type AlertKind = 'CHAIN_BROKEN';

export interface Alert {
  id: string;
  kind: AlertKind;
  caseId: string;
  caseNumber: string;
  detail: Record<string, unknown>;
  raisedAt: string;
  acknowledgedBy: string | null;
  acknowledgedByName: string | null;
  acknowledgedAt: string | null;
}

interface Row {
  id: string;
  kind: AlertKind;
  case_id: string;
  case_number: string;
  detail: Record<string, unknown>;
  raised_at: Date;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  acknowledged_at: Date | null;
}

const toAlert = (r: Row): Alert => ({
  id: r.id,
  kind: r.kind,
  caseId: r.case_id,
  caseNumber: r.case_number,
  detail: r.detail,
  raisedAt: r.raised_at.toISOString(),
  acknowledgedBy: r.acknowledged_by,
  acknowledgedByName: r.acknowledged_by_name,
  acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
});

/** Alerts for supervisors (a broken hash chain): raised by jobs, acknowledged by a person. */
export class AlertRepository {
  constructor(private readonly ds: DataSource) {}

  /** Raises an alert unless one of this kind is open for the case already; true when it raised one. */
  async raise(a: { kind: AlertKind; caseId: string; detail: Record<string, unknown> }): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `INSERT INTO alerts (kind, case_id, agency_id, case_number, detail)
       SELECT $1, c.id, c.agency_id, c.case_number, $3 FROM cases c WHERE c.id = $2
       ON CONFLICT (kind, case_id) WHERE acknowledged_at IS NULL DO NOTHING RETURNING id`,
      [a.kind, a.caseId, JSON.stringify(a.detail)],
    );
    return rows.length > 0;
  }

  /** An agency's alerts, open ones first, newest first. */
  async list(agencyId: string, opts: { open?: boolean }): Promise<Alert[]> {
    const rows: Row[] = await this.ds.query(
      `SELECT * FROM alerts WHERE agency_id = $1 ${opts.open ? 'AND acknowledged_at IS NULL' : ''}
       ORDER BY (acknowledged_at IS NULL) DESC, raised_at DESC, id DESC LIMIT 500`,
      [agencyId],
    );
    return rows.map(toAlert);
  }

  async get(id: string): Promise<(Alert & { agencyId: string }) | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const [row] = (await this.ds.query(`SELECT * FROM alerts WHERE id = $1`, [id])) as (Row & { agency_id: string })[];
    return row ? { ...toAlert(row), agencyId: row.agency_id } : null;
  }

  /** Marks an alert acknowledged; an acknowledged one keeps its first acknowledgement. */
  async acknowledge(id: string, by: { userId: string; name: string }): Promise<(Alert & { agencyId: string }) | null> {
    await this.ds.query(
      `UPDATE alerts SET acknowledged_by = $2, acknowledged_by_name = $3, acknowledged_at = now() WHERE id = $1 AND acknowledged_at IS NULL`,
      [id, by.userId, by.name],
    );
    return this.get(id);
  }
}
