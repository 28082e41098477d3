// The workflow's own timers: a reminder before a deadline and an escalation
// at it, each a recorded event. A stale timer (deadline met, moved or paused
// since) records nothing. And the recount of the running deadlines when a
// holiday calendar published later reaches the case (the calendar job).

import { withCalendar } from '../../policy/calendar-view';
import type { HolidayCalendarYear } from '../../policy/policy.types';
import type { CaseState } from '../case-state';
import { recomputeDeadline, recomputeRunning } from '../deadlines';
import { failWith, type Fail, type RejectionStatus } from '../rejection';
import { zhDate, zhDeadline, zhDue, ZH_DEADLINE_STATE } from '../messages';
import { ms, Validator } from '../rules/validation';
import { DEADLINE_KINDS, UNSEALED, type DeadlineKind } from '../vocabulary';
import { inStatus, invalid, stage, type HandlerContext } from './kit';
import { lapseMeasures } from './coercive-measures';

/** The refusals only this stage gives. */
const CODES = {
  'DEADLINE.NOT_DUE': 409,
  'DEADLINE.ALREADY_REMINDED': 409,
  'DEADLINE.UNCHANGED': 409,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type DeadlineTimerCommand =
  | { type: 'DEADLINE_REMINDER'; deadline: DeadlineKind }
  | { type: 'DEADLINE_ESCALATION'; deadline: DeadlineKind }
  /** A holiday calendar published after the case began (sent by the calendar job through the workflow). */
  | { type: 'RECOMPUTE_DEADLINES'; calendar: HolidayCalendarYear };

/** A running deadline a new calendar moved (or whose basis it changed): its due date before and after. */
export interface DeadlineChange {
  deadline: DeadlineKind;
  oldDueAt: string;
  newDueAt: string;
  oldDueDate: string;
  newDueDate: string;
}

export type DeadlineTimerEvent =
  | { type: 'DEADLINE_APPROACHING'; deadline: DeadlineKind; dueAt: string }
  | { type: 'DEADLINE_MISSED'; deadline: DeadlineKind; dueAt: string }
  | { type: 'DEADLINE_RECOMPUTED'; calendar: HolidayCalendarYear; changes: DeadlineChange[] };

function openDeadline(s: CaseState, kind: unknown, ctx: HandlerContext): Fail | { kind: DeadlineKind } {
  const v = new Validator(ctx.now);
  v.oneOf('deadline', kind, DEADLINE_KINDS);
  if (!v.ok) return invalid(v);
  const d = s.deadlines[kind as DeadlineKind];
  if (!d || d.state !== 'OPEN') {
    return fail('DEADLINE.NOT_OPEN', {
      en: `The ${String(kind)} deadline is ${d ? d.state : 'not armed'}: nothing to remind or escalate`,
      zh: `${zhDeadline(String(kind))}${d ? ZH_DEADLINE_STATE[d.state] : '尚未开始计算'}：无需提醒或届满处理`,
    });
  }
  return { kind: kind as DeadlineKind };
}

export const deadlineTimers = stage<DeadlineTimerCommand, DeadlineTimerEvent>()(
  'deadline-timers',
  {
    DEADLINE_REMINDER: {
      action: null,
      roles: 'SYSTEM',
      from: inStatus(UNSEALED),
      handle: (s, cmd, ctx) => {
        const t = openDeadline(s, cmd.deadline, ctx);
        if ('code' in t) return t;
        const d = s.deadlines[t.kind]!;
        if (d.reminded) return fail('DEADLINE.ALREADY_REMINDED', { en: `The ${t.kind} reminder was already recorded`, zh: `${zhDeadline(t.kind)}的提醒已经记录` });
        if (!d.remindAt || ms(ctx.now) < ms(d.remindAt)) {
          return fail('DEADLINE.NOT_DUE', {
            en: `The ${t.kind} reminder is due at ${d.remindAt ?? '(no reminder configured)'}`,
            zh: d.remindAt ? `${zhDeadline(t.kind)}的提醒时间为${zhDate(d.remindAt, ctx.policy.timeZone)}` : `${zhDeadline(t.kind)}未设置提醒`,
          });
        }
        return { type: 'DEADLINE_APPROACHING', deadline: t.kind, dueAt: d.dueAt };
      },
    },
    DEADLINE_ESCALATION: {
      action: null,
      roles: 'SYSTEM',
      from: inStatus(UNSEALED),
      handle: (s, cmd, ctx) => {
        const t = openDeadline(s, cmd.deadline, ctx);
        if ('code' in t) return t;
        const d = s.deadlines[t.kind]!;
        if (ms(ctx.now) < ms(d.dueAt)) {
          return fail('DEADLINE.NOT_DUE', { en: `The ${t.kind} deadline runs until ${d.dueAt}`, zh: `${zhDeadline(t.kind)}至${zhDue(d)}届满` });
        }
        return { type: 'DEADLINE_MISSED', deadline: t.kind, dueAt: d.dueAt };
      },
    },
    RECOMPUTE_DEADLINES: {
      action: null,
      roles: 'SYSTEM',
      from: inStatus(UNSEALED),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        if (v.object('calendar', cmd.calendar)) v.integer('calendar.year', cmd.calendar.year, { min: 1949 }).text('calendar.source', cmd.calendar.source);
        if (!v.ok) return invalid(v);
        const changes = recomputeRunning(s, withCalendar(ctx.policy, cmd.calendar));
        if (changes.length === 0) {
          return fail('DEADLINE.UNCHANGED', {
            en: `The ${cmd.calendar.year} calendar changes no running deadline of this case`,
            zh: `${cmd.calendar.year}年节假日安排不影响本案正在计算的期限`,
          });
        }
        return { type: 'DEADLINE_RECOMPUTED', calendar: cmd.calendar, changes };
      },
    },
  },
  {
    DEADLINE_APPROACHING: (s, e) => {
      const d = s.deadlines[e.deadline];
      if (d) d.reminded = true;
    },
    DEADLINE_MISSED: (s, e, meta) => {
      const d = s.deadlines[e.deadline];
      if (d && d.state === 'OPEN') {
        d.state = 'MISSED';
        d.missedAt = meta.at;
      }
      // A preservation or seizure deadline: the measures due by then lapse (kinds armed before none existed are untouched).
      lapseMeasures(s, e.deadline, e.dueAt, meta);
    },
    // The event carries its calendar, so it folds alike wherever it is folded; a moved due date may be reminded again.
    DEADLINE_RECOMPUTED: (s, e, { policy }) => {
      const view = withCalendar(policy, e.calendar);
      for (const c of e.changes) recomputeDeadline(s, c.deadline, view);
    },
  },
  CODES,
);
