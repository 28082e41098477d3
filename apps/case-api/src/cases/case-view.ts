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

export function caseView(row: CaseEntity, allowedActions: string[]): CaseView {
  const deadlines = Object.entries(row.deadlines ?? {}).map(([kind, d]) => {
    const dl = d as { dueAt: string; remindAt?: string; state: string; basis: unknown };
    return { kind, dueAt: dl.dueAt, remindAt: dl.remindAt, state: dl.state, basis: dl.basis };
  });
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
    deadlines,
    allowedActions,
    policyVersion: row.policyVersion,
    lastSeq: row.lastSeq,
    registeredAt: row.registeredAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
