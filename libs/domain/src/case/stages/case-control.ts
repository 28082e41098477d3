// Control of a running case: extending a limit (延期), suspension (中止),
// resumption, termination (终止) and recusal (回避).

import type { ActorSnapshot } from '../actor.types';
import type { CaseOfficer, CaseState } from '../case-state';
import { cancelAllDeadlines, EXTENSION_PERIOD, recomputeDeadline } from '../deadlines';
import { failWith, type Fail, type RejectionStatus } from '../rejection';
import { zhDeadline, zhDue, ZH_DEADLINE_STATE, type Message } from '../messages';
import { checkNamedOfficers } from '../rules/people';
import { ms, Validator } from '../rules/validation';
import { DEADLINE_KINDS, type DeadlineKind, INVESTIGATING, isRunning, RECUSAL_REQUESTERS, type RecusalRequester, type RecusalRole, OPEN_FILE } from '../vocabulary';
import { clone, inStatus, invalid, notAllowed, stage, type Check, type HandlerContext } from './kit';
import { closeAllPauses, closePause, completed, openPause, PAUSE } from './shared';
import { inForce } from '../rule-changes';

/** The refusals only this stage gives. */
const CODES = {
  'RECUSAL.REPLACEMENT_CONFLICT': 422,
  'DEADLINE.EXPIRED': 409,
  'DEADLINE.NOT_EXTENDABLE': 422,
  'DEADLINE.EXTENSION_REQUIRES_COLLECTIVE_DISCUSSION': 422,
  'RECUSAL.NOT_ON_CASE': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type CaseControlCommand =
  | { type: 'EXTEND_DEADLINE'; deadline: DeadlineKind; reason: string }
  | { type: 'SUSPEND'; reason: string }
  | { type: 'RESUME'; reason: string }
  | { type: 'TERMINATE'; reason: string }
  | {
      type: 'RECUSE';
      userId: string;
      reason: string;
      requestedBy: RecusalRequester;
      replacement?: ActorSnapshot;
    };

export type CaseControlEvent =
  | { type: 'DEADLINE_EXTENDED'; deadline: DeadlineKind; reason: string; extensionNo: number }
  | { type: 'CASE_SUSPENDED'; reason: string }
  | { type: 'CASE_RESUMED'; reason: string }
  | { type: 'CASE_TERMINATED'; reason: string }
  | {
      type: 'PERSON_RECUSED';
      userId: string;
      name: string;
      role: RecusalRole;
      reason: string;
      requestedBy: RecusalRequester;
      replacement?: CaseOfficer;
    };

const extensionTarget: Check = (s, cmd, opts) => {
  const kind = (cmd as { deadline?: DeadlineKind }).deadline;
  if (kind === undefined) return null;
  if (!EXTENSION_PERIOD[kind]) {
    return fail('DEADLINE.NOT_EXTENDABLE', {
      en: `The ${kind} deadline cannot be extended (only filingDecision and decision)`,
      zh: `${zhDeadline(kind)}不能延长（只有立案决定期限和作出处罚决定期限可以延长）`,
    });
  }
  const d = s.deadlines[kind];
  if (!isRunning(d)) {
    return fail('DEADLINE.NOT_OPEN', {
      en: `The ${kind} deadline is ${d ? d.state : 'not armed'}; only a running deadline can be extended`,
      zh: `${zhDeadline(kind)}${d ? ZH_DEADLINE_STATE[d.state] : '尚未开始计算'}；只有正在计算的期限才能延长`,
    });
  }
  // Past due and not yet escalated by its alarm: as closed to extension as a missed one.
  if (opts?.now !== undefined && d!.state === 'OPEN' && ms(opts.now) > ms(d!.dueAt)) {
    return fail('DEADLINE.EXPIRED', {
      en: `The ${kind} deadline expired at ${d!.dueAt}; an extension must be approved before it runs out`,
      zh: `${zhDeadline(kind)}已于${zhDue(d)}届满；延长须在期限届满前批准`,
    });
  }
  return null;
};

/** The part someone plays in judging this case, which an investigator may not (查审分离). */
function judgingRole(s: CaseState, userId: string): Message | undefined {
  if (s.review?.reviewer.userId === userId) return { en: 'case reviewer', zh: '案件审核人员' };
  if (s.legalReview?.reviewer?.userId === userId) return { en: 'legal reviewer', zh: '法制审核人员' };
  // Every reviewer ever named, including one the head reassigned away (查审分离, APL 58).
  if (s.legalReviewers?.some((r) => r.userId === userId)) return { en: 'legal reviewer', zh: '法制审核人员' };
  if (s.hearing?.host?.userId === userId) return { en: 'hearing host', zh: '听证主持人' };
  return undefined;
}

function withReason<T extends 'CASE_SUSPENDED' | 'CASE_RESUMED' | 'CASE_TERMINATED'>(type: T) {
  return (_s: CaseState, cmd: { reason: string }, ctx: HandlerContext): CaseControlEvent | Fail => {
    const v = new Validator(ctx.now);
    v.text('reason', cmd.reason);
    if (!v.ok) return invalid(v);
    return { type, reason: cmd.reason } as CaseControlEvent;
  };
}

function extensionFail(s: CaseState, kind: DeadlineKind): Fail | null {
  const d = s.deadlines[kind]!; // the rule checked it is running
  if (kind === 'filingDecision' && d.extensions >= 1) {
    return fail('DEADLINE.NOT_EXTENDABLE', {
      en: 'The filing decision may be extended once (MSA 18)',
      zh: '立案决定期限只能延长一次（《市场监督管理行政处罚程序规定》第18条）',
    });
  }
  if (kind === 'decision' && d.extensions >= 1) {
    const discussions = s.collectiveDiscussions.filter((c) => c.purpose === 'EXTENSION').length;
    if (discussions < d.extensions) {
      return fail('DEADLINE.EXTENSION_REQUIRES_COLLECTIVE_DISCUSSION', {
        en: 'A further extension of the decision limit needs a collective discussion of the agency heads (policy; APL 57, 60)',
        zh: '再次延长作出处罚决定期限须经机关负责人集体讨论（执法政策；《行政处罚法》第57条、第60条）',
      });
    }
  }
  return null;
}

export const caseControl = stage<CaseControlCommand, CaseControlEvent>()(
  'case-control',
  {
    EXTEND_DEADLINE: {
      action: 'extension',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: (s, cmd, opts) =>
        (s.status === 'LEAD_REGISTERED' && s.procedure === 'ORDINARY') || INVESTIGATING.includes(s.status) || s.status === 'SUSPENDED'
          ? extensionTarget(s, cmd, opts)
          : notAllowed(s, cmd),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.oneOf('deadline', cmd.deadline, DEADLINE_KINDS).text('reason', cmd.reason);
        if (!v.ok) return invalid(v);
        const f = extensionFail(s, cmd.deadline);
        if (f) return f;
        return { type: 'DEADLINE_EXTENDED', deadline: cmd.deadline, reason: cmd.reason, extensionNo: s.deadlines[cmd.deadline]!.extensions + 1 };
      },
    },
    SUSPEND: { action: 'suspension', roles: ['AGENCY_HEAD'], decisive: true, from: inStatus(INVESTIGATING), handle: withReason('CASE_SUSPENDED') },
    RESUME: { action: 'suspension', roles: ['AGENCY_HEAD'], decisive: true, from: inStatus(['SUSPENDED']), handle: withReason('CASE_RESUMED') },
    TERMINATE: {
      action: 'suspension',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: inStatus([...INVESTIGATING, 'SUSPENDED']),
      handle: withReason('CASE_TERMINATED'),
    },
    RECUSE: {
      action: 'recusal',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: inStatus(OPEN_FILE.filter((x) => !['FILING_DECLINED', 'TERMINATED', 'CLOSED'].includes(x))),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('userId', cmd.userId).text('reason', cmd.reason).oneOf('requestedBy', cmd.requestedBy, RECUSAL_REQUESTERS);
        if (cmd.replacement !== undefined) v.actor('replacement', cmd.replacement);
        if (v.ok && cmd.replacement && s.officers.some((o) => o.userId === cmd.replacement!.userId)) v.add('replacement', { en: 'is already on the case', zh: '已是本案承办人员' });
        if (!v.ok) return invalid(v);

        const officer = s.officers.find((o) => o.userId === cmd.userId);
        if (!officer) {
          const host = s.hearing?.host;
          if (host && host.userId === cmd.userId && !s.hearing?.heldAt) {
            return { type: 'PERSON_RECUSED', userId: host.userId, name: host.name, role: 'HEARING_HOST', reason: cmd.reason, requestedBy: cmd.requestedBy };
          }
          return fail('RECUSAL.NOT_ON_CASE', {
            en: `${cmd.userId} is neither an officer nor the hearing host of this case`,
            zh: `${cmd.userId}既不是本案承办人员，也不是本案听证主持人`,
          });
        }
        let replacement: CaseOfficer | undefined;
        if (cmd.replacement) {
          const named = checkNamedOfficers([cmd.replacement], {
            min: 1,
            date: ctx.date,
            agencyId: s.agencyId,
            field: 'replacement',
            recused: [...s.recusals.map((r) => r.userId), cmd.userId],
          });
          if ('fail' in named) return named.fail;
          replacement = named.officers[0];
          const role = !inForce(ctx, 'lawful-decisions') ? undefined : judgingRole(s, replacement.userId);
          if (role) {
            return fail('RECUSAL.REPLACEMENT_CONFLICT', {
              en: `${replacement.name} is this case's ${role.en} and cannot become one of its officers (查审分离, APL 58, 64)`,
              zh: `${replacement.name}是本案的${role.zh}，不能成为本案承办人员（查审分离，《行政处罚法》第58条、第64条）`,
            });
          }
        }
        const min = s.procedure === 'ORDINARY' && s.status !== 'LEAD_REGISTERED' ? 2 : 1;
        const remaining = s.officers.length - 1 + (replacement ? 1 : 0);
        if (remaining < min) {
          return fail(min === 2 ? 'CASE.TWO_OFFICERS_REQUIRED' : 'CASE.OFFICER_REQUIRED', {
            en: `Removing ${officer.name} leaves ${remaining} officer(s); name a certified replacement (APL 42, 43)`,
            zh: `${officer.name}回避后本案仅剩${remaining}名执法人员；请指定持证的替换人员（《行政处罚法》第42条、第43条）`,
          });
        }
        const e: CaseControlEvent = { type: 'PERSON_RECUSED', userId: officer.userId, name: officer.name, role: 'OFFICER', reason: cmd.reason, requestedBy: cmd.requestedBy };
        if (replacement) e.replacement = replacement;
        return e;
      },
    },
  },
  {
    DEADLINE_EXTENDED: (s, e, { policy }) => {
      const d = s.deadlines[e.deadline];
      if (d) {
        d.extensions = e.extensionNo;
        recomputeDeadline(s, e.deadline, policy);
      }
    },
    CASE_SUSPENDED: (s, e, { at, policy }) => {
      s.statusBeforeSuspension = s.status;
      s.status = 'SUSPENDED';
      openPause(s, at, `${PAUSE.SUSPENSION}: ${e.reason}`, policy);
    },
    CASE_RESUMED: (s, _e, { at, policy }) => {
      s.status = s.statusBeforeSuspension ?? 'FILED';
      delete s.statusBeforeSuspension;
      closePause(s, PAUSE.SUSPENSION, at, policy);
    },
    CASE_TERMINATED: (s, _e, meta) => {
      s.status = 'TERMINATED';
      s.terminatedAt = meta.at;
      delete s.statusBeforeSuspension;
      closeAllPauses(s, meta.at, meta.policy);
      cancelAllDeadlines(s, meta.at);
      completed(s, meta.at, meta);
    },
    PERSON_RECUSED: (s, e, { at }) => {
      s.recusals.push({ userId: e.userId, name: e.name, role: e.role, reason: e.reason, requestedBy: e.requestedBy, at });
      if (e.role === 'OFFICER') {
        s.officers = s.officers.filter((o) => o.userId !== e.userId);
        if (e.replacement) s.officers.push(clone(e.replacement));
      } else if (s.hearing) {
        // The hearing needs a new host and a new date.
        const { requestedAt, location } = s.hearing;
        s.hearing = { requestedAt, ...(location !== undefined ? { location } : {}) };
        if (s.status === 'HEARING_SCHEDULED') s.status = 'HEARING_REQUESTED';
      }
    },
  },
  CODES,
);
