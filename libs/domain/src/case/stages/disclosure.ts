// 事后公示: a penalty decision of the ordinary procedure is published within
// the policy's working days (118号; default 7) and withdrawn within 3 working
// days once a challenge revokes, changes or voids it (APL 48). The disclosure
// job of apps/jobs publishes the redacted text and reports here (system
// commands through the workflow's reportJob Update); which decision may be
// published, and why one is withheld, is judged here, not in the job.

import type { CaseState, NonDisclosure } from '../case-state';
import type { Message } from '../messages';
import { armDeadline, meetDeadline } from '../deadlines';
import { failWith, type Fail, type RejectionStatus } from '../rejection';
import { zhDate } from '../messages';
import { Validator } from '../rules/validation';
import { isRunning, NON_DISCLOSURE_GROUNDS, SEALED_STATUS, UNSEALED, type ChallengeKind, type ChallengeResult, type DeadlineKind, type WithheldGround } from '../vocabulary';
import { zhChallengeKind } from '../zh-vocabulary';
import { all, clone, inStatus, invalid, stage, type Check, type EvolveMeta } from './kit';

/** The refusals only this stage gives. */
const CODES = {
  'DISCLOSURE.NOT_OWED': 409,
  'DISCLOSURE.WITHDRAWAL_NOT_OWED': 409,
  'DISCLOSURE.NOT_PUBLISHABLE': 422,
  'DISCLOSURE.PUBLISHABLE': 422,
  'DISCLOSURE.UNKNOWN': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

/** The deadlines of a disclosure: they outlive the closing of the case (the publication is still owed). */
export const DISCLOSURE_DEADLINES = ['disclosure', 'disclosureWithdrawal'] as const satisfies readonly DeadlineKind[];

/** Results of a challenge that take a published decision down (APL 48 ¶2: 变更、撤销、确认违法或无效). */
const WITHDRAWING_RESULTS: readonly ChallengeResult[] = ['REVOKED', 'VARIED', 'CONFIRMED_INVALID'];

const ZH_RESULT: Partial<Record<ChallengeResult, string>> = { REVOKED: '撤销', VARIED: '变更', CONFIRMED_INVALID: '确认无效' };

export type DisclosureCommand =
  | { type: 'RECORD_DISCLOSURE'; disclosureId: string; outcome: 'PUBLISHED' | 'WITHHELD' }
  | { type: 'RECORD_DISCLOSURE_WITHDRAWAL'; disclosureId: string };

export type DisclosureEvent =
  | { type: 'DISCLOSURE_PUBLISHED'; disclosureId: string }
  | { type: 'DISCLOSURE_WITHHELD'; disclosureId: string; ground: WithheldGround; reason: Message }
  | { type: 'DISCLOSURE_WITHDRAWN'; disclosureId: string; reason: Message };

/** Whether the decision may be published, or the ground it is withheld on. */
export type DisclosurePlan = { publish: true } | { publish: false; ground: WithheldGround; reason: Message };

/**
 * What the law lets the public see of this case's decision: nothing for a
 * minor (domain spec §5), nothing the head found the law forbids, nothing of
 * a decision a challenge already revoked, changed or voided.
 */
export function disclosurePlan(s: CaseState, timeZone: string): DisclosurePlan {
  if (s.party.minor) {
    return { publish: false, ground: 'MINOR', reason: { en: 'The party is a minor: the decision is not published', zh: '当事人为未成年人，决定不予公示' } };
  }
  const d = s.decision;
  if (d?.nonDisclosure) {
    return { publish: false, ground: d.nonDisclosure.ground, reason: { en: d.nonDisclosure.reason, zh: d.nonDisclosure.reason } };
  }
  const outcome = s.challenges.find((c) => c.result !== undefined && WITHDRAWING_RESULTS.includes(c.result));
  if (d?.revoked || d?.varied || outcome) {
    const said = outcome ? challengeSays(outcome.kind, outcome.result!, outcome.body, outcome.decidedAt ?? outcome.filedAt, timeZone) : undefined;
    return {
      publish: false,
      ground: 'DECISION_CHALLENGED',
      reason: said ?? { en: 'A challenge revoked or changed the decision before its publication', zh: '该决定在公示前已被撤销或者变更' },
    };
  }
  return { publish: true };
}

/** The withdrawal's reason, as the public reads it: who took the decision down, how and when. */
function challengeSays(kind: ChallengeKind, result: ChallengeResult, body: string, at: string, timeZone: string): Message {
  return {
    en: `The decision was ${result.toLowerCase().replace('_', ' ')} by ${body} (${kind.toLowerCase()}) on ${at.slice(0, 10)} (APL 48)`,
    zh: `该行政处罚决定已于${zhDate(at, timeZone)}经${body}${zhChallengeKind(kind)}${ZH_RESULT[result] ?? result}（《行政处罚法》第四十八条）`,
  };
}

/** The withdrawal a challenge's outcome owes, when it took down a published decision. */
export function withdrawalOwed(
  s: CaseState,
  e: { kind: ChallengeKind; result?: ChallengeResult; body: string; at: string },
  timeZone: string,
): { reason: Message } | undefined {
  if (s.disclosure?.state !== 'PUBLISHED' || s.disclosure.withdrawal || e.result === undefined || !WITHDRAWING_RESULTS.includes(e.result)) return undefined;
  return { reason: challengeSays(e.kind, e.result, e.body, e.at, timeZone) };
}

const disclosureOwed: Check = (s) => {
  const d = s.deadlines.disclosure;
  return d && (isRunning(d) || d.state === 'MISSED') && !s.disclosure
    ? null
    : fail('DISCLOSURE.NOT_OWED', { en: 'No publication of the decision is owed by this case', zh: '本案没有待公示的行政处罚决定' });
};

const withdrawalOwedNow: Check = (s) => {
  const d = s.deadlines.disclosureWithdrawal;
  return s.disclosure?.state === 'PUBLISHED' && s.disclosure.withdrawal && !s.disclosure.withdrawal.withdrawnAt && d && (isRunning(d) || d.state === 'MISSED')
    ? null
    : fail('DISCLOSURE.WITHDRAWAL_NOT_OWED', { en: 'No withdrawal of a published decision is owed by this case', zh: '本案没有待撤下的公示信息' });
};

export const disclosure = stage<DisclosureCommand, DisclosureEvent>()(
  'disclosure',
  {
    RECORD_DISCLOSURE: {
      action: null,
      roles: 'SYSTEM',
      from: all(inStatus(UNSEALED), disclosureOwed),
      handle: (s, cmd, ctx): DisclosureEvent | Fail => {
        const v = new Validator(ctx.now);
        v.text('disclosureId', cmd.disclosureId).oneOf('outcome', cmd.outcome, ['PUBLISHED', 'WITHHELD'] as const);
        if (!v.ok) return invalid(v);
        const plan = disclosurePlan(s, ctx.policy.timeZone);
        if (cmd.outcome === 'PUBLISHED') {
          if (!plan.publish) return fail('DISCLOSURE.NOT_PUBLISHABLE', { en: `The decision may not be published: ${plan.reason.en}`, zh: `该决定不得公示：${plan.reason.zh}` });
          return { type: 'DISCLOSURE_PUBLISHED', disclosureId: cmd.disclosureId };
        }
        if (plan.publish) return fail('DISCLOSURE.PUBLISHABLE', { en: 'Nothing in the case withholds the decision: it is published', zh: '本案没有不予公示的情形，决定应当公示' });
        return { type: 'DISCLOSURE_WITHHELD', disclosureId: cmd.disclosureId, ground: plan.ground, reason: plan.reason };
      },
    },
    RECORD_DISCLOSURE_WITHDRAWAL: {
      action: null,
      roles: 'SYSTEM',
      from: all(inStatus(UNSEALED), withdrawalOwedNow),
      handle: (s, cmd, ctx): DisclosureEvent | Fail => {
        const v = new Validator(ctx.now);
        v.text('disclosureId', cmd.disclosureId);
        if (!v.ok) return invalid(v);
        if (cmd.disclosureId !== s.disclosure!.disclosureId) {
          return fail('DISCLOSURE.UNKNOWN', { en: `This case published ${s.disclosure!.disclosureId}, not ${cmd.disclosureId}`, zh: `本案公示的是${s.disclosure!.disclosureId}，不是${cmd.disclosureId}` });
        }
        return { type: 'DISCLOSURE_WITHDRAWN', disclosureId: cmd.disclosureId, reason: clone(s.disclosure!.withdrawal!.reason) };
      },
    },
  },
  {
    DISCLOSURE_PUBLISHED: (s, e, { at }) => {
      s.disclosure = { disclosureId: e.disclosureId, state: 'PUBLISHED', at };
      meetDeadline(s, 'disclosure', at);
    },
    DISCLOSURE_WITHHELD: (s, e, { at }) => {
      s.disclosure = { disclosureId: e.disclosureId, state: 'WITHHELD', at, withheld: { ground: e.ground, reason: clone(e.reason) } };
      meetDeadline(s, 'disclosure', at);
    },
    DISCLOSURE_WITHDRAWN: (s, _e, { at }) => {
      if (s.disclosure?.withdrawal) {
        s.disclosure.state = 'WITHDRAWN';
        s.disclosure.withdrawal.withdrawnAt = at;
      }
      meetDeadline(s, 'disclosureWithdrawal', at);
    },
  },
  CODES,
);

/**
 * What a decision owes the public, as DECIDE records it (since the 'disclosure'
 * rule change): a penalty decided under the ordinary procedure is published
 * (the simple procedure's on-the-spot decisions are not: 《市场监督管理行政处罚
 * 信息公示规定》 art 2 covers the ordinary procedure), unless the head states
 * the ground on which the law forbids it.
 */
export function decisionDisclosure(
  v: Validator,
  cmd: { outcome: string; nonDisclosure?: NonDisclosure },
): { disclosure?: true; nonDisclosure?: NonDisclosure } {
  const nd = cmd.nonDisclosure;
  if (nd !== undefined && v.object('nonDisclosure', nd)) {
    v.oneOf('nonDisclosure.ground', nd.ground, NON_DISCLOSURE_GROUNDS).text('nonDisclosure.reason', nd.reason);
    if (cmd.outcome !== 'PENALTY') v.add('nonDisclosure', { en: 'is only given with outcome PENALTY: no other decision is published', zh: '仅在决定给予行政处罚（PENALTY）时填写：其他决定不予公示' });
  }
  if (cmd.outcome !== 'PENALTY') return {};
  return nd === undefined ? { disclosure: true } : { disclosure: true, nonDisclosure: { ground: nd.ground, reason: nd.reason } };
}

/** Folds DECISION_MADE's disclosure: the publication clock starts at the decision. */
export function armDisclosure(s: CaseState, e: { disclosure?: true; nonDisclosure?: NonDisclosure }, meta: EvolveMeta): void {
  if (e.nonDisclosure && s.decision) s.decision.nonDisclosure = clone(e.nonDisclosure);
  if (e.disclosure) armDeadline(s, 'disclosure', meta.at, meta.at, meta.policy);
}

/** Folds a challenge outcome that took the published decision down: the withdrawal is owed, and timed while the case is open. */
export function armWithdrawal(s: CaseState, owed: { reason: Message } | undefined, meta: EvolveMeta): void {
  if (!owed || s.disclosure?.state !== 'PUBLISHED') return;
  s.disclosure.withdrawal = { reason: clone(owed.reason), owedSince: meta.at };
  // An archived case's workflow has ended: no timer would watch the period (the job withdraws the record all the same).
  if (s.status !== SEALED_STATUS) armDeadline(s, 'disclosureWithdrawal', meta.at, meta.at, meta.policy);
}
