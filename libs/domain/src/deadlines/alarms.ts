import { isSealed, type CaseCommand, type CaseState } from '../case';

export interface DeadlineAlarm {
  /** ISO instant the alarm rings. */
  at: string;
  command: Extract<CaseCommand, { type: 'DEADLINE_REMINDER' | 'DEADLINE_ESCALATION' }>;
}

/**
 * The next deadline timer the case workflow must arm: for each open deadline
 * a reminder (once) before the limit and an escalation at the limit.
 * Suspended, met and missed deadlines arm nothing.
 */
export function nextDeadlineAlarm(state: CaseState): DeadlineAlarm | null {
  let next: DeadlineAlarm | null = null;
  for (const d of Object.values(state.deadlines)) {
    if (!d || d.state !== 'OPEN') continue;
    const candidate: DeadlineAlarm =
      d.remindAt && !d.reminded && d.remindAt < d.dueAt
        ? { at: d.remindAt, command: { type: 'DEADLINE_REMINDER', deadline: d.kind } }
        : { at: d.dueAt, command: { type: 'DEADLINE_ESCALATION', deadline: d.kind } };
    if (!next || Date.parse(candidate.at) < Date.parse(next.at)) next = candidate;
  }
  return next;
}

/** A case whose workflow may end: sealed, nothing more can happen to it. */
export function isTerminal(state: CaseState): boolean {
  return isSealed(state.status);
}
