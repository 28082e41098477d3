import { DataSource } from 'typeorm';

/** Why the reconciliation job lists a case. */
export type StuckCause =
  | 'WORKFLOW_MISSING'
  | 'WORKFLOW_FAILED'
  | 'WORKFLOW_TERMINATED'
  | 'WORKFLOW_CANCELLED'
  | 'WORKFLOW_TIMED_OUT'
  | 'WORKFLOW_ENDED_EARLY'
  | 'READ_MODEL_DIVERGES';

export interface StuckFinding {
  caseId: string;
  cause: StuckCause;
  detail: Record<string, unknown>;
}

export interface StuckCase extends StuckFinding {
  caseNumber: string;
  foundAt: string;
}

export interface ReadModelRepair {
  caseId: string;
  repairedBy: string;
  repairedByName: string;
  changed: boolean;
  drift: unknown[];
  repairedAt: string;
}

interface Row {
  case_id: string;
  cause: StuckCause;
  case_number: string;
  detail: Record<string, unknown>;
  found_at: Date;
}

/** The cases the last reconciliation found stuck, and the audit of read-model repairs. */
export class StuckCaseRepository {
  constructor(private readonly ds: DataSource) {}

  /** Replaces the findings with those of a run that looked at every case. */
  async replaceAll(findings: StuckFinding[]): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(`DELETE FROM stuck_cases`);
      for (const f of findings) {
        await m.query(
          `INSERT INTO stuck_cases (case_id, cause, agency_id, case_number, detail)
           SELECT c.id, $2, c.agency_id, c.case_number, $3 FROM cases c WHERE c.id = $1`,
          [f.caseId, f.cause, JSON.stringify(f.detail)],
        );
      }
    });
  }

  async list(agencyId: string): Promise<StuckCase[]> {
    const rows: Row[] = await this.ds.query(`SELECT * FROM stuck_cases WHERE agency_id = $1 ORDER BY found_at DESC, case_number, cause`, [agencyId]);
    return rows.map((r) => ({ caseId: r.case_id, cause: r.cause, caseNumber: r.case_number, detail: r.detail, foundAt: r.found_at.toISOString() }));
  }

  /** A repaired read model no longer diverges: its finding goes (the workflow's findings stay). */
  async clearReadModelFinding(caseId: string): Promise<void> {
    await this.ds.query(`DELETE FROM stuck_cases WHERE case_id = $1 AND cause = 'READ_MODEL_DIVERGES'`, [caseId]);
  }

  async recordRepair(r: Omit<ReadModelRepair, 'repairedAt'>): Promise<ReadModelRepair> {
    const [row] = (await this.ds.query(
      `INSERT INTO read_model_repairs (case_id, repaired_by, repaired_by_name, changed, drift) VALUES ($1, $2, $3, $4, $5) RETURNING repaired_at`,
      [r.caseId, r.repairedBy, r.repairedByName, r.changed, JSON.stringify(r.drift)],
    )) as { repaired_at: Date }[];
    return { ...r, repairedAt: row.repaired_at.toISOString() };
  }

  async repairs(caseId: string): Promise<ReadModelRepair[]> {
    const rows: { case_id: string; repaired_by: string; repaired_by_name: string; changed: boolean; drift: unknown[]; repaired_at: Date }[] = await this.ds.query(
      `SELECT * FROM read_model_repairs WHERE case_id = $1 ORDER BY repaired_at, id`,
      [caseId],
    );
    return rows.map((r) => ({ caseId: r.case_id, repairedBy: r.repaired_by, repairedByName: r.repaired_by_name, changed: r.changed, drift: r.drift, repairedAt: r.repaired_at.toISOString() }));
  }
}
