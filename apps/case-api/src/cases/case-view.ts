import type { CaseSnapshot, CommandResult } from '@zhifa/contracts';
import type { CaseEntity } from '@zhifa/persistence';

export interface DeadlineView {
  kind: string;
  dueAt: string;
  remindAt?: string;
  state: string;
  basis: unknown;
}

export interface CaseView {
  id: string;
  caseNumber: string;
  status: string;
  procedure: string;
  agencyId: string;
  violationCode: string;
  party: unknown;
  officers: unknown[];
  flags: string[];
  deadlines: DeadlineView[];
  allowedActions: string[];
  policyVersion: string;
  lastSeq: number;
  registeredAt: string;
  updatedAt: string;
}

// Sorted by kind: Postgres' jsonb and the workflow's state order keys differently, and a case reads the same either way.
function deadlineViews(deadlines: object | null | undefined): DeadlineView[] {
  const entries = Object.entries(deadlines ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.map(([kind, d]) => {
    const dl = d as { dueAt: string; remindAt?: string; state: string; basis: unknown };
    return { kind, dueAt: dl.dueAt, remindAt: dl.remindAt, state: dl.state, basis: dl.basis };
  });
}

/** A case as the read model holds it. */
export function caseView(row: CaseEntity, allowedActions: string[]): CaseView {
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    status: row.status,
    procedure: row.procedure,
    agencyId: row.agencyId,
    violationCode: row.violationCode,
    party: row.party,
    officers: row.officers,
    flags: row.flags,
    deadlines: deadlineViews(row.deadlines),
    allowedActions,
    policyVersion: row.policyVersion,
    lastSeq: row.lastSeq,
    registeredAt: row.registeredAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A case as a command's Update left it: the same view, without reading the row. */
export function commandCaseView(result: CommandResult & { case: CaseSnapshot }): CaseView {
  const c = result.case;
  return {
    id: result.caseId,
    caseNumber: c.caseNumber,
    status: result.status,
    procedure: c.procedure,
    agencyId: c.agencyId,
    violationCode: c.violationCode,
    party: c.party,
    officers: c.officers,
    flags: c.flags,
    deadlines: deadlineViews(c.deadlines),
    allowedActions: c.allowedActions,
    policyVersion: c.policyVersion,
    lastSeq: c.lastSeq,
    registeredAt: new Date(c.registeredAt).toISOString(),
    updatedAt: new Date(c.updatedAt).toISOString(),
  };
}
