// What a supervisor reads beside each event of a case's timeline: the role
// its actor acted in, the certificate that role rested on that day, the
// outside body of a liaison, and the deadlines the event met or missed.
// Pure: the caller folds the chain (the deadline records after each event)
// and looks up certificates in the people register.

import { localDate } from '../calendar/instants';
import type { CaseDeadline } from '../case/case-records';
import { STAGES } from '../case/command-table';
import type { DeadlineKind, Role } from '../case/vocabulary';

/** The roles whose acts rest on a law-enforcement certificate (执法证). */
export const CERTIFIED_ROLES: readonly Role[] = ['OFFICER', 'LEGAL_REVIEWER'];

export type DeadlineOutcome = 'MET' | 'MET_LATE' | 'MISSED';

export interface EventDeadline {
  kind: DeadlineKind;
  outcome: DeadlineOutcome;
  dueAt: string;
}

export interface EventAudit {
  /** The role the actor acted in; 'SYSTEM' for the workflow's own acts; null when none of the actor's roles is one the event's stage admits. */
  actedAs: Role | 'SYSTEM' | null;
  /** The certificate valid on the event's local day, where the actor acted as an officer or reviewer. */
  certificateNumber: string | null;
  /** The outside body a liaison acted for (police, procuratorate). */
  body: string | null;
  /** The deadlines this event met (on time or late) or missed. */
  deadlines: EventDeadline[];
}

export interface AuditedEvent {
  type: string;
  at: string;
  actor: { userId?: string; roles?: string[]; system?: boolean };
  payload: Record<string, unknown>;
}

/** What the audit reads of a deadline record: whether, when and how it was met or missed. */
export type DeadlineMark = Pick<CaseDeadline, 'state' | 'dueAt' | 'metAt' | 'missedAt' | 'late'>;

type Deadlines = Partial<Record<DeadlineKind, DeadlineMark>>;

/**
 * The marks of a case's deadline records as they stand: a copy small enough
 * to keep after every event of a long chain (a fold changes the records in
 * place; copying them whole at each event cost more than the fold).
 */
export function deadlineMarks(deadlines: Partial<Record<DeadlineKind, CaseDeadline>>): Deadlines {
  const out: Deadlines = {};
  for (const [kind, d] of Object.entries(deadlines) as [DeadlineKind, CaseDeadline][]) {
    const m: DeadlineMark = { state: d.state, dueAt: d.dueAt };
    if (d.metAt !== undefined) m.metAt = d.metAt;
    if (d.missedAt !== undefined) m.missedAt = d.missedAt;
    if (d.late !== undefined) m.late = d.late;
    out[kind] = m;
  }
  return out;
}

/** A certificate of the user valid on a local day (YYYY-MM-DD), or null. */
export type CertificateOnDay = (userId: string, day: string) => string | null;

const stageRoles = new Map<string, Role[]>();
for (const st of STAGES) {
  const roles: Role[] = [];
  for (const rule of Object.values(st.commands)) if (rule.roles !== 'SYSTEM') for (const r of rule.roles) if (!roles.includes(r)) roles.push(r);
  for (const type of Object.keys(st.events)) stageRoles.set(type, roles);
}

/**
 * The role an actor acted in for an event: the first of the roles the
 * event's stage admits (in the command table's order) that the actor held.
 */
export function timelineRole(type: string, actor: AuditedEvent['actor']): Role | 'SYSTEM' | null {
  if (actor.system || !actor.userId) return 'SYSTEM';
  const held = actor.roles ?? [];
  return (stageRoles.get(type) ?? []).find((r) => held.includes(r)) ?? null;
}

/** The deadlines whose record this event moved to met or missed. */
export function deadlinesSettled(before: Deadlines, after: Deadlines): EventDeadline[] {
  const out: EventDeadline[] = [];
  for (const [kind, d] of Object.entries(after) as [DeadlineKind, DeadlineMark][]) {
    const prev = before[kind];
    if (d.state === 'MET' && !(prev?.state === 'MET' && prev.metAt === d.metAt)) out.push({ kind, outcome: d.late ? 'MET_LATE' : 'MET', dueAt: d.dueAt });
    if (d.state === 'MISSED' && !(prev?.state === 'MISSED' && prev.missedAt === d.missedAt)) out.push({ kind, outcome: 'MISSED', dueAt: d.dueAt });
  }
  return out;
}

/**
 * Each event's audit. `deadlinesAfter[i]` holds the deadline records after
 * event i (null when the chain could not be folded: no deadline is named).
 */
export function auditTimeline(
  events: AuditedEvent[],
  deadlinesAfter: (Deadlines | null)[],
  certificateOn: CertificateOnDay,
  timeZone: string,
): EventAudit[] {
  return events.map((e, i) => {
    const actedAs = timelineRole(e.type, e.actor);
    const certified = actedAs !== null && actedAs !== 'SYSTEM' && CERTIFIED_ROLES.includes(actedAs) && e.actor.userId;
    const after = deadlinesAfter[i];
    const before = i === 0 ? {} : deadlinesAfter[i - 1];
    return {
      actedAs,
      certificateNumber: certified ? certificateOn(e.actor.userId!, localDate(e.at, timeZone)) : null,
      body: typeof e.payload.body === 'string' ? e.payload.body : null,
      deadlines: after && before ? deadlinesSettled(before, after) : [],
    };
  });
}
