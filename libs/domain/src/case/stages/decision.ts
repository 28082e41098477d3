// 决定 and 送达: the head decides once the report is in and nothing is pending
// (hearing, legal review, defence window, suspected crime); the decision is
// served within the service limit (APL 57–61).

import type { DecisionAssessment, Penalty, PersonRef, ServiceDetails, ServiceRecord } from '../case-records';
import type { CaseState } from '../case-state';
import { armDeadline, meetDeadline } from '../deadlines';
import { failWith, type Fail, type RejectionStatus } from '../rejection';
import { amountDue, assessPenalty, heavierThan, validatePenalty } from '../rules/penalty';
import { judgeDecision, withDiscretion } from '../rules/discretion';
import { checkService, serviceRecord, validateService } from '../rules/service';
import { ms, Validator } from '../rules/validation';
import { DECIDABLE, DECISION_OUTCOMES, type DecisionOutcome, HEARING_PENDING, TRANSFER_STATUSES } from '../vocabulary';
import { all, clone, inStatus, invalid, stage, type Check } from './kit';
import { afterService, noDefenceRunning, noHearingWindowRunning, stepsDoneBefore } from './shared';
import { inForce } from '../rule-changes';

/** The refusals only this stage gives. */
const CODES = {
  'DECISION.CONTRARY_TO_REPORT': 422,
  'DECISION.HEAVIER_THAN_NOTICE': 422,
  'CASE.TRANSFER_PENDING': 409,
  'CASE.SUSPECTED_CRIME_UNRESOLVED': 409,
  'DECISION.HEAVIER_AFTER_DEFENCE': 422,
  'SERVICE.BEFORE_DECISION': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type DecisionCommand =
  | {
      type: 'DECIDE';
      outcome: DecisionOutcome;
      penalty?: Penalty;
      documentNumber: string;
      text: string;
      legalBasis?: string;
    }
  | ({ type: 'SERVE' } & ServiceDetails);

export type DecisionEvent =
  | {
      type: 'DECISION_MADE';
      outcome: DecisionOutcome;
      penalty?: Penalty;
      documentNumber: string;
      text: string;
      legalBasis?: string;
      amountDue: number;
      assessment: DecisionAssessment;
      decidedBy: PersonRef;
    }
  | { type: 'DECISION_SERVED'; service: ServiceRecord };

/** Pending steps that block a decision get their own codes: the caller can act on them. */
const decisionBlockers: Check = (s, cmd, rules) => {
  if (HEARING_PENDING.includes(s.status)) return fail('CASE.HEARING_PENDING', 'A requested hearing must be held before the decision (APL 63–65)');
  if (s.status === 'LEGAL_REVIEW_PENDING') return fail('CASE.LEGAL_REVIEW_PENDING', 'The legal review must pass before the decision (APL 58)');
  if (TRANSFER_STATUSES.includes(s.status)) {
    return fail('CASE.TRANSFER_PENDING', 'No penalty while a criminal transfer is pending or accepted (以罚代刑 is barred: R310 11, APL 82)');
  }
  return inStatus(DECIDABLE, 'the investigation report comes first')(s, cmd, rules);
};

/** APL 40: a penalty rests on recorded evidence and on what the investigation found. */
function boundByInvestigation(s: CaseState): Fail | null {
  if (s.evidence.length === 0) return fail('CASE.EVIDENCE_REQUIRED', 'A penalty needs recorded evidence (APL 40)');
  const r = s.report;
  if (r && r.proposedOutcome !== 'PENALTY') {
    return fail('DECISION.CONTRARY_TO_REPORT', `The investigation report proposes ${r.proposedOutcome}: a penalty needs a new report that finds one (APL 40, 57)`);
  }
  if (r && r.circumstanceLevel === 'EXEMPT') {
    return fail('DECISION.CONTRARY_TO_REPORT', 'The investigation report finds the party exempt (不予处罚, APL 33): a penalty needs a new report (APL 40, 57)');
  }
  return null;
}

const notSuspectedCrime: Check = (s) =>
  s.suspectedCrime
    ? fail('CASE.SUSPECTED_CRIME_UNRESOLVED', 'The case is flagged as a suspected crime: transfer it, or record a reasoned refusal to transfer, before deciding (R310 11)')
    : null;

export const decision = stage<DecisionCommand, DecisionEvent>()(
  'decision',
  {
    DECIDE: {
      action: 'decision',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: all(decisionBlockers, noDefenceRunning, noHearingWindowRunning, notSuspectedCrime, stepsDoneBefore('decision', 'the decision')),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.oneOf('outcome', cmd.outcome, DECISION_OUTCOMES).text('documentNumber', cmd.documentNumber).text('text', cmd.text);
        v.text('legalBasis', cmd.legalBasis, { optional: true });
        if (cmd.outcome === 'PENALTY') validatePenalty(v, 'penalty', cmd.penalty);
        else if (cmd.penalty !== undefined) v.add('penalty', 'is only given with outcome PENALTY');
        if (!v.ok) return invalid(v);

        if (inForce(ctx, 'lawful-decisions') && cmd.outcome === 'PENALTY') {
          const bound = boundByInvestigation(s);
          if (bound) return bound;
        }
        const defended = (s.defence && !s.defence.waived) || s.hearing?.heldAt !== undefined;
        if (s.notice && (defended || inForce(ctx, 'lawful-decisions'))) {
          const why = heavierThan(cmd.penalty, s.notice.proposedPenalty);
          if (why && defended) return fail('DECISION.HEAVIER_AFTER_DEFENCE', `The penalty may not become heavier because the party defended itself (APL 45): ${why}`);
          if (why) {
            return fail(
              'DECISION.HEAVIER_THAN_NOTICE',
              `The party was told of a lighter penalty and heard on it: ${why}; a heavier penalty needs a new notice and a new window (APL 44, 62)`,
            );
          }
        }
        if (inForce(ctx, 'discretion-benchmarks') && cmd.outcome === 'PENALTY') {
          const outOfRange = judgeDecision(s.report?.discretion, cmd.penalty);
          if (outOfRange) return outOfRange;
        }
        const e: DecisionEvent = {
          type: 'DECISION_MADE',
          outcome: cmd.outcome,
          documentNumber: cmd.documentNumber,
          text: cmd.text,
          amountDue: amountDue(cmd.penalty),
          assessment: withDiscretion(assessPenalty(cmd.penalty, s.report?.circumstanceLevel, s.party.type, ctx.policy), s.report?.discretion),
          decidedBy: ctx.person,
        };
        if (cmd.penalty !== undefined) e.penalty = cmd.penalty;
        if (cmd.legalBasis !== undefined) e.legalBasis = cmd.legalBasis;
        return e;
      },
    },
    SERVE: {
      action: 'service',
      roles: ['OFFICER'],
      from: inStatus(['DECIDED']),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        validateService(v, '', cmd);
        if (!v.ok) return invalid(v);
        const sf = checkService(cmd);
        if (sf) return sf;
        if (s.decision && ms(cmd.servedAt) < ms(s.decision.decidedAt)) {
          return fail('SERVICE.BEFORE_DECISION', `servedAt ${cmd.servedAt} precedes the decision of ${s.decision.decidedAt}`);
        }
        return { type: 'DECISION_SERVED', service: serviceRecord(cmd, ctx.person) };
      },
    },
  },
  {
    DECISION_MADE: (s, e, { at, policy }) => {
      s.decision = {
        outcome: e.outcome,
        documentNumber: e.documentNumber,
        text: e.text,
        amountDue: e.amountDue,
        decidedAt: at,
        decidedBy: e.decidedBy,
        simple: false,
        assessment: clone(e.assessment),
        ...(e.penalty ? { penalty: clone(e.penalty) } : {}),
        ...(e.legalBasis !== undefined ? { legalBasis: e.legalBasis } : {}),
      };
      s.decidedAt = at;
      s.status = 'DECIDED';
      meetDeadline(s, 'decision', at);
      // APL 61: served on the spot or within N working days.
      armDeadline(s, 'service', at, at, policy);
    },
    DECISION_SERVED: (s, e, meta) => {
      s.service = clone(e.service);
      s.servedAt = e.service.deemedServedAt;
      s.status = 'SERVED';
      meetDeadline(s, 'service', e.service.servedAt);
      afterService(s, meta);
    },
  },
  CODES,
);
