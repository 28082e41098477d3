// The limits the bodies a transfer goes to answer for, and the steps that meet
// them (rule change 'transfer-body-limits'). The police: within 24 hours of
// receipt a unit forwards a transfer outside its jurisdiction or asks for
// missing material (R310 7); a unit that is competent and has the material
// records its intake review instead, else the lapse is theirs. The
// procuratorate (立案监督, R310 9; procuratorate rules 559-563): it asks the
// police to explain their refusal (要求说明不立案理由) within 7 days of the
// agency's request, the police explain in writing within 7 days of its notice,
// and it orders filing only on that explanation (or once its 7 days ran out);
// it may uphold the refusal without asking. Brand-new commands: no history
// holds them.

import type { CaseState } from '../case-state';
import { armDeadline, cancelDeadline, meetDeadline } from '../deadlines';
import { zhDate, zhDue } from '../messages';
import { failWith, type RejectionStatus } from '../rejection';
import { inForce, type RuleOptions } from '../rule-changes';
import { ms, Validator } from '../rules/validation';
import type { DeadlineKind } from '../vocabulary';
import { all, inStatus, invalid, stage, type Check, type EvolveMeta, type HandlerContext } from './kit';
import { actingBody } from './liaison-body';
import { before } from './transfer-police-steps';

const CODES = {
  'TRANSFER.NO_INTAKE_REVIEW': 409,
  'TRANSFER.EXPLANATION_ALREADY_REQUESTED': 409,
  'TRANSFER.NO_EXPLANATION_REQUESTED': 409,
  'TRANSFER.ALREADY_EXPLAINED': 409,
  'TRANSFER.EXPLANATION_AWAITED': 409,
  'TRANSFER.EXPLANATION_NOT_REQUESTED': 409,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type TransferBodyCommand =
  | { type: 'CONFIRM_TRANSFER_INTAKE'; at: string }
  | { type: 'REQUEST_NON_FILING_EXPLANATION'; at: string; reason: string }
  | { type: 'EXPLAIN_NON_FILING'; at: string; explanation: string };

export type TransferBodyEvent =
  | { type: 'TRANSFER_INTAKE_CONFIRMED'; at: string; body?: string }
  | { type: 'NON_FILING_EXPLANATION_REQUESTED'; at: string; reason: string; body?: string }
  | { type: 'NON_FILING_EXPLAINED'; at: string; explanation: string; body?: string };

/** The police's receipt starts their 24 hours (R310 7) under 'transfer-body-limits' (history recorded before replays without). */
export function intakeApplies(ctx: RuleOptions, receipt: boolean, limits: { limits?: true }): { intake?: true } {
  return receipt && limits.limits && inForce(ctx, 'transfer-body-limits') ? { intake: true } : {};
}

/** A supervision request starts the procuratorate's 7 days under 'transfer-body-limits'. */
export function explanationLimitApplies(ctx: RuleOptions): { bodyLimits?: true } {
  return inForce(ctx, 'transfer-body-limits') ? { bodyLimits: true } : {};
}

/** R310 7's 24 hours, from the receipt's `at`. */
export function armIntakeReview(s: CaseState, receivedAt: string, meta: EvolveMeta): void {
  armDeadline(s, 'policeIntakeReview', receivedAt, meta.at, meta.policy);
}

/** The procuratorate's 7 days to ask for the police's explanation, from the agency's request. */
export function armExplanationRequest(s: CaseState, meta: EvolveMeta): void {
  armDeadline(s, 'supervisionExplanationRequest', meta.at, meta.at, meta.policy);
}

/** The procuratorate resolved: its own limit is met, and an explanation no longer awaited ends. */
export function endSupervisionSteps(s: CaseState, at: string): void {
  meetDeadline(s, 'supervisionExplanationRequest', at);
  cancelDeadline(s, 'policeNonFilingExplanation', at);
}

function owed(s: CaseState, kind: DeadlineKind): boolean {
  const d = s.deadlines[kind];
  return d !== undefined && (d.state === 'OPEN' || d.state === 'MISSED');
}

const intakeOwed: Check = (s) =>
  owed(s, 'policeIntakeReview')
    ? null
    : fail('TRANSFER.NO_INTAKE_REVIEW', {
        en: 'No intake review is owed: it was already met (by a review, a forwarding or a request for material), or the receipt was recorded before R310 7\'s 24 hours were a limit',
        zh: '无需进行受理审查：已经审查、转送或者要求补充材料，或者签收时尚未适用24小时审查时限（《行政执法机关移送涉嫌犯罪案件的规定》第7条）',
      });

function explanationRequest(s: CaseState) {
  return s.transfer?.supervision?.explanationRequest;
}

const notYetAsked: Check = (s) => {
  const r = explanationRequest(s);
  return r
    ? fail('TRANSFER.EXPLANATION_ALREADY_REQUESTED', {
        en: `The police were asked to explain their refusal on ${r.at}`,
        zh: `已于${zhDate(r.at)}要求公安机关说明不立案理由`,
      })
    : null;
};

const explanationOpen: Check = (s) => {
  const r = explanationRequest(s);
  if (!r) return fail('TRANSFER.NO_EXPLANATION_REQUESTED', { en: 'The procuratorate has not asked the police to explain their refusal', zh: '人民检察院未要求公安机关说明不立案理由' });
  return r.explanation
    ? fail('TRANSFER.ALREADY_EXPLAINED', { en: `The police explained their refusal on ${r.explanation.at}`, zh: `公安机关已于${zhDate(r.explanation.at)}说明不立案理由` })
    : null;
};

/**
 * Under 'transfer-body-limits' the procuratorate resolves once the police's
 * explanation is in or its 7 days ran out, and orders filing only after
 * asking for it (procuratorate rules: filing is ordered when the police's
 * reasons do not stand). Upholding the refusal needs no explanation.
 */
export const resolutionReady: Check = (s, cmd, rules) => {
  if (!inForce(rules, 'transfer-body-limits')) return null;
  const r = explanationRequest(s);
  const d = s.deadlines.policeNonFilingExplanation;
  if (r && !r.explanation && d && d.state !== 'MISSED' && !(rules?.now !== undefined && ms(rules.now) > ms(d.dueAt))) {
    return fail('TRANSFER.EXPLANATION_AWAITED', {
      en: `The police's written explanation is due by ${d.dueAt} (${d.basis.source}); resolve once it is in or the time has run out`,
      zh: `公安机关应于${zhDue(d)}前书面说明不立案理由，请在其说明后或者期限届满后作出监督结果`,
    });
  }
  return !r && (cmd as { outcome?: string }).outcome === 'POLICE_TO_FILE'
    ? fail('TRANSFER.EXPLANATION_NOT_REQUESTED', {
        en: 'Filing is ordered after the police were asked to explain their refusal and their reasons did not stand; ask for the explanation first',
        zh: '通知公安机关立案，应当先要求其说明不立案理由并认为理由不能成立；请先要求公安机关说明不立案理由',
      })
    : null;
};

function dated(cmd: { at: string }, ctx: HandlerContext, field: string, text: unknown): Validator {
  const v = new Validator(ctx.now);
  v.instant('at', cmd.at, { notFuture: true }).text(field, text);
  return v;
}

const SUPERVISED = inStatus(['TRANSFER_SUPERVISION_REQUESTED']);

export const transferBodySteps = stage<TransferBodyCommand, TransferBodyEvent>()(
  'transfer-body-steps',
  {
    CONFIRM_TRANSFER_INTAKE: {
      action: 'criminal-transfer/intake-review',
      roles: ['POLICE_LIAISON'],
      from: all(inStatus(['TRANSFER_RECEIVED']), intakeOwed),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.instant('at', cmd.at, { notFuture: true });
        if (!v.ok) return invalid(v);
        return before(cmd.at, s.transfer?.receivedAt, { en: 'the receipt', zh: '签收时间' }) ?? { type: 'TRANSFER_INTAKE_CONFIRMED', at: cmd.at, ...actingBody(ctx) };
      },
    },
    REQUEST_NON_FILING_EXPLANATION: {
      action: 'criminal-transfer/explanation-request',
      roles: ['PROCURATORATE'],
      from: all(SUPERVISED, notYetAsked),
      handle: (s, cmd, ctx) => {
        const v = dated(cmd, ctx, 'reason', cmd.reason);
        if (!v.ok) return invalid(v);
        return (
          before(cmd.at, s.transfer?.supervision?.requestedAt, { en: "the agency's request for supervision", zh: '提请立案监督的时间' }) ?? {
            type: 'NON_FILING_EXPLANATION_REQUESTED',
            at: cmd.at,
            reason: cmd.reason,
            ...actingBody(ctx),
          }
        );
      },
    },
    EXPLAIN_NON_FILING: {
      action: 'criminal-transfer/explanation',
      roles: ['POLICE_LIAISON'],
      from: all(SUPERVISED, explanationOpen),
      handle: (s, cmd, ctx) => {
        const v = dated(cmd, ctx, 'explanation', cmd.explanation);
        if (!v.ok) return invalid(v);
        return (
          before(cmd.at, explanationRequest(s)?.at, { en: "the procuratorate's notice", zh: '要求说明不立案理由通知的时间' }) ?? {
            type: 'NON_FILING_EXPLAINED',
            at: cmd.at,
            explanation: cmd.explanation,
            ...actingBody(ctx),
          }
        );
      },
    },
  },
  {
    TRANSFER_INTAKE_CONFIRMED: (s, e) => {
      if (s.transfer) s.transfer.intakeReviewedAt = e.at;
      meetDeadline(s, 'policeIntakeReview', e.at);
    },
    NON_FILING_EXPLANATION_REQUESTED: (s, e, meta) => {
      if (s.transfer?.supervision) s.transfer.supervision.explanationRequest = { at: e.at, reason: e.reason };
      meetDeadline(s, 'supervisionExplanationRequest', e.at);
      // The police's 7 days run from the notice.
      armDeadline(s, 'policeNonFilingExplanation', e.at, meta.at, meta.policy);
    },
    NON_FILING_EXPLAINED: (s, e) => {
      const r = explanationRequest(s);
      if (r) r.explanation = { at: e.at, text: e.explanation };
      meetDeadline(s, 'policeNonFilingExplanation', e.at);
    },
  },
  CODES,
);
