// The exits of a simple-procedure lead besides the on-the-spot penalty
// (APL 33, 36, 51–52): a lead that does not qualify continues as the same case
// under the ordinary procedure; a lead that calls for no penalty is decided so
// on the spot; a lead that is no violation is closed. Also the checks the
// on-the-spot penalty shares with them: limitation and the party's defence.

import type { JurisdictionPolicy } from '../../policy/policy.types';
import type { LimitationCheck, NoPenaltyFinding, OnTheSpotDefence, PersonRef, ServiceDetails, ServiceRecord } from '../case-records';
import type { CaseState } from '../case-state';
import { armDeadline } from '../deadlines';
import { failWith, type Fail, type RejectionStatus } from '../rejection';
import { zhDate } from '../messages';
import { limitationCheck, provisionIsLifeHealthFinancial } from '../rules/limitation';
import { checkService, serviceRecord, validateService } from '../rules/service';
import { Validator } from '../rules/validation';
import { NO_PENALTY_GROUNDS, type NoPenaltyGround } from '../vocabulary';
import { clone, inStatus, invalid, stage } from './kit';
import { afterService, completed } from './shared';

/** The refusals only this stage gives. */
const CODES = {
  'CASE.LIMITATION_NOT_EXPIRED': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

/** The party's statement and defence (APL 44–45): waived, or stated with each point adopted or not, and why. */
export function validateOnTheSpotDefence(v: Validator, field: string, d: unknown): void {
  if (!v.object(field, d)) return;
  v.bool(`${field}.waived`, d.waived);
  if (d.waived === true) {
    if (d.statement !== undefined) v.add(`${field}.statement`, { en: 'is not given when the party waived its statement', zh: '当事人放弃陈述申辩的，不填写' });
    if (d.points !== undefined) v.add(`${field}.points`, { en: 'are not given when the party waived its statement', zh: '当事人放弃陈述申辩的，不填写' });
    return;
  }
  v.text(`${field}.statement`, d.statement);
  if (v.array(`${field}.points`, d.points, { min: 1 })) {
    (d.points as unknown[]).forEach((p, i) => {
      const f = `${field}.points[${i}]`;
      if (v.object(f, p)) v.text(`${f}.point`, p.point).bool(`${f}.adopted`, p.adopted).text(`${f}.reason`, p.reason);
    });
  }
}

export function onTheSpotDefence(d: OnTheSpotDefence): OnTheSpotDefence {
  if (d.waived) return { waived: true };
  return { waived: false, statement: d.statement!, points: (d.points ?? []).map((p) => ({ point: p.point, adopted: p.adopted, reason: p.reason })) };
}

/** APL 36 on the on-the-spot decision: no penalty once the limitation has run (422, with the dates). */
export function onTheSpotLimitation(
  s: CaseState,
  cmd: { violationAt?: string; lifeHealthFinancialSafety?: boolean },
  policy: JurisdictionPolicy,
): { check: LimitationCheck } | { fail: Fail; expired: LimitationCheck } {
  const lhf = cmd.lifeHealthFinancialSafety ?? s.lifeHealthFinancialSafety ?? provisionIsLifeHealthFinancial(policy, s.violationCode);
  const lim = limitationCheck({ violationAt: (cmd.violationAt ?? s.violationAt)!, discoveredAt: s.discoveredAt, lifeHealthFinancialSafety: lhf, policy });
  if (!lim.expired) return { check: lim.check };
  const c = lim.check;
  return {
    expired: c,
    fail: fail('CASE.LIMITATION_EXPIRED', {
      en: `The violation of ${c.violationDate} was discovered on ${c.discoveredDate}, after the ${c.years}-year limitation ended on ${c.lastDiscoveryDate} (APL 36): no penalty; decide no penalty on the spot (simple-no-penalty, ground LIMITATION_EXPIRED)`,
      zh: `${zhDate(c.violationDate)}的违法行为于${zhDate(c.discoveredDate)}被发现，已超过${c.years}年追责时效（${zhDate(c.lastDiscoveryDate)}届满，《行政处罚法》第36条）：不再给予行政处罚；请当场作出不予处罚决定（理由：超过追责时效）`,
    }),
  };
}

const SIMPLE_LEAD = inStatus(['LEAD_REGISTERED'], { en: 'only a simple-procedure lead not yet decided', zh: '只有尚未处理的简易程序线索才能办理' }, 'SIMPLE');

export type SimpleExitCommand =
  | { type: 'CONVERT_TO_ORDINARY'; reason: string }
  | {
      type: 'SIMPLE_NO_PENALTY';
      ground: NoPenaltyGround;
      reason: string;
      facts: string;
      legalBasis: string;
      documentNumber: string;
      text: string;
      /** The no-penalty decision is served on the spot: DIRECT or REFUSED. */
      service: ServiceDetails;
      /** Ground LIMITATION_EXPIRED: when the violation occurred or ended, unless registration gave it. */
      violationAt?: string;
      lifeHealthFinancialSafety?: boolean;
    }
  | { type: 'DISMISS_SIMPLE_LEAD'; reason: string; facts: string };

export type SimpleExitEvent =
  | { type: 'PROCEDURE_CONVERTED'; reason: string; convertedBy: PersonRef }
  | {
      type: 'SIMPLE_NO_PENALTY_DECIDED';
      finding: NoPenaltyFinding;
      /** Ground LIMITATION_EXPIRED: the check that found the limitation run (APL 36). */
      limitation?: LimitationCheck;
      facts: string;
      legalBasis: string;
      documentNumber: string;
      text: string;
      decidedBy: PersonRef;
      service: ServiceRecord;
    }
  | { type: 'SIMPLE_LEAD_DISMISSED'; reason: string; facts: string; dismissedBy: PersonRef };

export const simpleExits = stage<SimpleExitCommand, SimpleExitEvent>()(
  'simple-exits',
  {
    CONVERT_TO_ORDINARY: {
      action: 'simple-conversion',
      roles: ['OFFICER'],
      decisive: true,
      from: SIMPLE_LEAD,
      handle: (_s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('reason', cmd.reason);
        if (!v.ok) return invalid(v);
        return { type: 'PROCEDURE_CONVERTED', reason: cmd.reason, convertedBy: ctx.person };
      },
    },
    SIMPLE_NO_PENALTY: {
      action: 'simple-no-penalty',
      roles: ['OFFICER'],
      decisive: true,
      from: SIMPLE_LEAD,
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.oneOf('ground', cmd.ground, NO_PENALTY_GROUNDS).text('reason', cmd.reason).text('facts', cmd.facts).text('legalBasis', cmd.legalBasis);
        v.text('documentNumber', cmd.documentNumber).text('text', cmd.text);
        validateService(v, 'service', cmd.service);
        v.dateOrInstant('violationAt', cmd.violationAt, { optional: true });
        v.bool('lifeHealthFinancialSafety', cmd.lifeHealthFinancialSafety, { optional: true });
        const byLimitation = cmd.ground === 'LIMITATION_EXPIRED';
        if (byLimitation && cmd.violationAt === undefined && s.violationAt === undefined) {
          v.add('violationAt', { en: 'is required for ground LIMITATION_EXPIRED when registration did not give it (APL 36)', zh: '以超过追责时效为由且登记时未填写的，为必填项（《行政处罚法》第36条）' });
        }
        if (!v.ok) return invalid(v);
        let limitation: LimitationCheck | undefined;
        if (byLimitation) {
          const lim = onTheSpotLimitation(s, cmd, ctx.policy);
          if ('check' in lim) {
            const c = lim.check;
            return fail('CASE.LIMITATION_NOT_EXPIRED', {
              en: `The violation of ${c.violationDate} was discovered on ${c.discoveredDate}, within the ${c.years}-year limitation (it ends on ${c.lastDiscoveryDate}, APL 36): the limitation is no ground for no penalty`,
              zh: `${zhDate(c.violationDate)}的违法行为于${zhDate(c.discoveredDate)}被发现，未超过${c.years}年追责时效（${zhDate(c.lastDiscoveryDate)}届满，《行政处罚法》第36条）：不得以超过追责时效为由不予处罚`,
            });
          }
          limitation = lim.expired;
        }
        const sf = checkService(cmd.service, ['DIRECT', 'REFUSED']);
        if (sf) return sf;
        return {
          ...(limitation ? { limitation } : {}),
          type: 'SIMPLE_NO_PENALTY_DECIDED',
          finding: { ground: cmd.ground, reason: cmd.reason },
          facts: cmd.facts,
          legalBasis: cmd.legalBasis,
          documentNumber: cmd.documentNumber,
          text: cmd.text,
          decidedBy: ctx.person,
          service: serviceRecord(cmd.service, ctx.person),
        };
      },
    },
    DISMISS_SIMPLE_LEAD: {
      action: 'simple-dismissal',
      roles: ['OFFICER'],
      decisive: true,
      from: SIMPLE_LEAD,
      handle: (_s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('reason', cmd.reason).text('facts', cmd.facts);
        if (!v.ok) return invalid(v);
        return { type: 'SIMPLE_LEAD_DISMISSED', reason: cmd.reason, facts: cmd.facts, dismissedBy: ctx.person };
      },
    },
  },
  {
    PROCEDURE_CONVERTED: (s, e, meta) => {
      s.procedure = 'ORDINARY';
      s.conversion = { reason: e.reason, at: meta.at, by: e.convertedBy };
      // MSA 18: as for a lead registered under the ordinary procedure, counted from its discovery.
      armDeadline(s, 'filingDecision', s.discoveredAt, meta.at, meta.policy);
    },
    SIMPLE_NO_PENALTY_DECIDED: (s, e, meta) => {
      s.decision = {
        outcome: 'NO_PENALTY',
        documentNumber: e.documentNumber,
        text: e.text,
        legalBasis: e.legalBasis,
        amountDue: 0,
        decidedAt: meta.at,
        decidedBy: e.decidedBy,
        simple: true,
        noPenalty: clone(e.finding),
        ...(e.limitation ? { limitation: clone(e.limitation) } : {}),
      };
      s.decidedAt = meta.at;
      s.service = clone(e.service);
      s.servedAt = e.service.deemedServedAt;
      s.status = 'SERVED';
      // APL 52: the on-the-spot decision is reported to the agency, as a penalty would be.
      armDeadline(s, 'simpleReport', meta.at, meta.at, meta.policy);
      afterService(s, meta);
    },
    SIMPLE_LEAD_DISMISSED: (s, e, meta) => {
      s.dismissal = { reason: e.reason, facts: e.facts, at: meta.at, by: e.dismissedBy };
      s.status = 'TERMINATED';
      s.terminatedAt = meta.at;
      // MSA 77: closed by the head within N working days.
      completed(s, meta.at, meta);
    },
  },
  CODES,
);
