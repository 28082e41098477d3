// 简易程序: a small penalty decided and served on the spot by an officer, then
// reported to the agency within the policy's limit (APL 51–52).

import type { LimitationCheck, OnTheSpotDefence, Penalty, PersonRef, SameActCase, SameActOverride, ServiceDetails, ServiceRecord } from '../case-records';
import { armDeadline, meetDeadline } from '../deadlines';
import { failWith, type RejectionStatus } from '../rejection';
import { zhDate } from '../messages';
import { inForce } from '../rule-changes';
import { amountDue, checkSimplePenalty, validatePenalty } from '../rules/penalty';
import { judgeSecondFine, validateSameActCases } from '../rules/same-act';
import { checkService, serviceRecord, validateService } from '../rules/service';
import { Validator } from '../rules/validation';
import { all, byRules, clone, inStatus, invalid, stage } from './kit';
import { notSuspectedCrime } from './decision';
import { afterService } from './shared';
import { onTheSpotDefence, onTheSpotLimitation, validateOnTheSpotDefence } from './simple-exits';

/** The refusals only this stage gives. */
const CODES = {
  'CASE.ALREADY_REPORTED': 409,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type SimpleProcedureCommand =
  | {
      type: 'SIMPLE_DECIDE';
      facts: string;
      legalBasis: string;
      penalty: Penalty;
      documentNumber: string;
      text: string;
      /** Served on the spot: DIRECT or REFUSED. */
      service: ServiceDetails;
      /** When the violation occurred or ended, if registration did not say (limitation, APL 36). */
      violationAt?: string;
      /** Life, health or financial safety: 5-year limitation (APL 36). */
      lifeHealthFinancialSafety?: boolean;
      /** The party's statement and defence, heard before deciding (APL 44–45); required. */
      defence?: OnTheSpotDefence;
      /** Resolved by the API: other cases against the same party for the same violation (APL 29). */
      sameActCases?: SameActCase[];
      /** Why a fine is lawful although another case fined the same party for the same violation (APL 29). */
      sameActOverrideReason?: string;
    }
  | { type: 'REPORT_SIMPLE'; note?: string };

export type SimpleProcedureEvent =
  | {
      type: 'SIMPLE_DECISION_MADE';
      facts: string;
      legalBasis: string;
      penalty: Penalty;
      documentNumber: string;
      text: string;
      amountDue: number;
      decidedBy: PersonRef;
      service: ServiceRecord;
      limitation?: LimitationCheck;
      defence?: OnTheSpotDefence;
      sameActOverride?: SameActOverride;
    }
  | { type: 'SIMPLE_DECISION_REPORTED'; note?: string };

export const simpleProcedure = stage<SimpleProcedureCommand, SimpleProcedureEvent>()(
  'simple-procedure',
  {
    SIMPLE_DECIDE: {
      action: 'simple-decision',
      roles: ['OFFICER'],
      decisive: true,
      from: all(
        inStatus(['LEAD_REGISTERED'], { en: 'only a simple-procedure lead is decided on the spot', zh: '只有适用简易程序的线索才能当场作出处罚决定' }, 'SIMPLE'),
        byRules(notSuspectedCrime, null, 'lead-suspicion'),
      ),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('facts', cmd.facts).text('legalBasis', cmd.legalBasis).text('documentNumber', cmd.documentNumber).text('text', cmd.text);
        validatePenalty(v, 'penalty', cmd.penalty, { itemised: inForce(ctx, 'evidence-after-report') });
        validateService(v, 'service', cmd.service);
        const exits = inForce(ctx, 'simple-exits');
        if (exits) {
          v.dateOrInstant('violationAt', cmd.violationAt, { optional: true });
          v.bool('lifeHealthFinancialSafety', cmd.lifeHealthFinancialSafety, { optional: true });
          if (cmd.violationAt === undefined && s.violationAt === undefined) {
            v.add('violationAt', { en: 'is required when registration did not give it (limitation check, APL 36)', zh: '登记时未填写的，为必填项（用于核查追责时效，《行政处罚法》第36条）' });
          }
          validateOnTheSpotDefence(v, 'defence', cmd.defence);
        }
        const oneFine = inForce(ctx, 'one-fine-per-act');
        if (oneFine) {
          validateSameActCases(v, 'sameActCases', cmd.sameActCases);
          v.text('sameActOverrideReason', cmd.sameActOverrideReason, { optional: true });
        }
        if (!v.ok) return invalid(v);
        const pf = checkSimplePenalty(cmd.penalty, s.party.type, ctx.policy);
        if (pf) return pf;
        const lim = exits ? onTheSpotLimitation(s, cmd, ctx.policy) : undefined;
        if (lim && 'fail' in lim) return lim.fail;
        const sf = checkService(cmd.service, ['DIRECT', 'REFUSED']);
        if (sf) return sf;
        const second = oneFine ? judgeSecondFine(cmd.penalty, cmd.sameActCases, cmd.sameActOverrideReason) : {};
        if ('fail' in second) return second.fail;
        const e: SimpleProcedureEvent = {
          type: 'SIMPLE_DECISION_MADE',
          facts: cmd.facts,
          legalBasis: cmd.legalBasis,
          penalty: cmd.penalty,
          documentNumber: cmd.documentNumber,
          text: cmd.text,
          amountDue: amountDue(cmd.penalty),
          decidedBy: ctx.person,
          service: serviceRecord(cmd.service, ctx.person),
        };
        if (lim) e.limitation = lim.check;
        if (exits) e.defence = onTheSpotDefence(cmd.defence!);
        if (second.override) e.sameActOverride = second.override;
        return e;
      },
    },
    REPORT_SIMPLE: {
      action: 'simple-report',
      roles: ['OFFICER'],
      from: all(inStatus(['SERVED', 'EXECUTED'], undefined, 'SIMPLE'), (s) =>
        s.simpleReport
          ? fail('CASE.ALREADY_REPORTED', { en: `Already reported on ${s.simpleReport.reportedAt}`, zh: `已于${zhDate(s.simpleReport.reportedAt)}备案` })
          : null,
      ),
      handle: (_s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('note', cmd.note, { optional: true });
        if (!v.ok) return invalid(v);
        const e: SimpleProcedureEvent = { type: 'SIMPLE_DECISION_REPORTED' };
        if (cmd.note !== undefined) e.note = cmd.note;
        return e;
      },
    },
  },
  {
    SIMPLE_DECISION_MADE: (s, e, meta) => {
      s.decision = {
        outcome: 'PENALTY',
        penalty: clone(e.penalty),
        documentNumber: e.documentNumber,
        text: e.text,
        legalBasis: e.legalBasis,
        amountDue: e.amountDue,
        decidedAt: meta.at,
        decidedBy: e.decidedBy,
        simple: true,
        ...(e.limitation ? { limitation: clone(e.limitation) } : {}),
        ...(e.defence ? { defence: clone(e.defence) } : {}),
        ...(e.sameActOverride ? { sameActOverride: clone(e.sameActOverride) } : {}),
      };
      s.decidedAt = meta.at;
      s.service = clone(e.service);
      s.servedAt = e.service.deemedServedAt;
      s.status = 'SERVED';
      // APL 52: reported to the agency within the policy's working days.
      armDeadline(s, 'simpleReport', meta.at, meta.at, meta.policy);
      afterService(s, meta);
    },
    SIMPLE_DECISION_REPORTED: (s, e, { at }) => {
      s.simpleReport = { reportedAt: at, ...(e.note !== undefined ? { note: e.note } : {}) };
      meetDeadline(s, 'simpleReport', at);
    },
  },
  CODES,
);
