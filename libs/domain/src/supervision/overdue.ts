// 超期预警: the deadlines of a case a supervisor should see, past or near their
// limit, and who the case waits for on each. The read model's state and the
// agency's people are all it needs; the caller brings the clock.

import type { ActorSnapshot } from '../case/actor.types';
import type { AllowedActionsOptions } from '../case/allowed-actions';
import type { CaseState } from '../case/case-state';
import type { ActionName } from '../case/command-table';
import { tasksFor } from '../case/tasks';
import { DISCLOSURE_DEADLINES } from '../case/stages/disclosure';
import type { DeadlineKind } from '../case/vocabulary';
import { deadlineStanding, lapseIsDelay, stillOwed, type DeadlineStanding } from '../deadlines/standing';

export interface WatchedDeadline extends DeadlineStanding {
  kind: DeadlineKind;
  dueAt: string;
  /** The local due day, as the basis counted it. */
  dueDate: string;
  /** The legal source of the period (from its basis). */
  source: string;
  /** The deadline's own state: OPEN, or MISSED once the escalation ran. */
  state: 'OPEN' | 'MISSED';
}

/**
 * The case's deadlines still owed whose lapse is a delay, that have passed or
 * fall due within `withinDays` local days (0: today). A suspended clock is
 * not running and is left out.
 */
export function deadlinesToWatch(state: CaseState, clock: { now: string; timeZone: string }, withinDays: number): WatchedDeadline[] {
  const out: WatchedDeadline[] = [];
  for (const d of Object.values(state.deadlines)) {
    if (!d || !stillOwed(d) || !lapseIsDelay(d.kind)) continue;
    const standing = deadlineStanding(d.dueAt, clock.now, clock.timeZone);
    if (!standing.overdue && standing.daysLeft > withinDays) continue;
    out.push({ kind: d.kind, dueAt: d.dueAt, dueDate: d.basis.dueDate, source: d.basis.source, state: d.state as 'OPEN' | 'MISSED', ...standing });
  }
  return out;
}

export interface AwaitedPerson {
  userId: string;
  name: string;
  /** The steps they may take now that answer the deadline (empty when named only as a case officer). */
  actions: ActionName[];
}

/**
 * Who a deadline waits for: the people whose next steps on the case answer to
 * it (the head for an approval, the named reviewer for a legal review, the
 * officers while they investigate); failing that, whoever the case waits for
 * at all; failing that (a payment the party owes), the case officers.
 */
export function awaitedFor(state: CaseState, kind: DeadlineKind, people: readonly ActorSnapshot[], opts: AllowedActionsOptions = {}): AwaitedPerson[] {
  // The disclosure job publishes and withdraws, not a person: the case's officers answer for it.
  if ((DISCLOSURE_DEADLINES as readonly DeadlineKind[]).includes(kind)) return state.officers.map((o) => ({ userId: o.userId, name: o.name, actions: [] }));
  const tasks = people.map((p) => ({ p, tasks: tasksFor(state, p, opts) })).filter((x) => x.tasks.length > 0);
  const answering = tasks
    .map(({ p, tasks: t }) => ({ userId: p.userId, name: p.name, actions: t.filter((x) => x.deadline === kind).map((x) => x.action) }))
    .filter((x) => x.actions.length > 0);
  if (answering.length) return answering;
  const waiting = tasks.map(({ p, tasks: t }) => ({ userId: p.userId, name: p.name, actions: t.map((x) => x.action) }));
  if (waiting.length) return waiting;
  return state.officers.map((o) => ({ userId: o.userId, name: o.name, actions: [] }));
}
