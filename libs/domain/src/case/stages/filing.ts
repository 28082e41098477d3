// 立案: the head approves filing (naming at least two certified officers, after
// the limitation check) or declines it, within the filing limit.

import type { ActorSnapshot } from '../actor.types';
import type { CaseOfficer, LimitationCheck, PersonRef, SameActCase } from '../case-records';
import { failWith, type RejectionStatus } from '../rejection';
import { zhDate } from '../messages';
import { limitationCheck, provisionIsLifeHealthFinancial } from '../rules/limitation';
import { checkNamedOfficers } from '../rules/people';
import { sameActRecord, validateSameActCases } from '../rules/same-act';
import { Validator } from '../rules/validation';
import { armDeadline, meetDeadline } from '../deadlines';
import { clone, inStatus, invalid, stage } from './kit';

/** The refusals only this stage gives. */
const CODES = {} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type FilingCommand =
  | {
      type: 'DECIDE_FILING';
      approve: boolean;
      reason: string;
      officers: ActorSnapshot[];
      violationAt?: string;
      lifeHealthFinancialSafety?: boolean;
      /** Resolved by the API: other open or decided cases against the same party for the same violation (APL 29). */
      sameActCases?: SameActCase[];
    };

/** `sameActCases`: a warning, recorded when there are any (APL 29). */
export type FilingEvent =
  | { type: 'FILING_APPROVED'; reason: string; officers: CaseOfficer[]; limitation: LimitationCheck; approvedBy: PersonRef; sameActCases?: SameActCase[] }
  | { type: 'FILING_DECLINED'; reason: string; declinedBy: PersonRef; sameActCases?: SameActCase[] };

function withSameAct<E extends FilingEvent>(e: E, cases: SameActCase[] | undefined): E {
  if (cases && cases.length > 0) e.sameActCases = sameActRecord(cases);
  return e;
}

export const filing = stage<FilingCommand, FilingEvent>()(
  'filing',
  {
    DECIDE_FILING: {
      action: 'filing',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: inStatus(['LEAD_REGISTERED'], undefined, 'ORDINARY'),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.bool('approve', cmd.approve).text('reason', cmd.reason);
        v.dateOrInstant('violationAt', cmd.violationAt, { optional: true });
        v.bool('lifeHealthFinancialSafety', cmd.lifeHealthFinancialSafety, { optional: true });
        if (cmd.approve === true && v.array('officers', cmd.officers)) cmd.officers.forEach((o, i) => v.actor(`officers[${i}]`, o));
        const violationAt = cmd.violationAt ?? s.violationAt;
        validateSameActCases(v, 'sameActCases', cmd.sameActCases);
        if (cmd.approve === true && violationAt === undefined) v.add('violationAt', { en: 'is required to approve filing (limitation check, APL 36)', zh: '批准立案时为必填项（用于核查追责时效，《行政处罚法》第36条）' });
        if (!v.ok) return invalid(v);

        if (!cmd.approve) return withSameAct({ type: 'FILING_DECLINED', reason: cmd.reason, declinedBy: ctx.person }, cmd.sameActCases);

        const named = checkNamedOfficers(cmd.officers, {
          min: 2,
          date: ctx.date,
          agencyId: s.agencyId,
          field: 'officers',
          recused: s.recusals.map((r) => r.userId),
        });
        if ('fail' in named) return named.fail;

        const lhf = cmd.lifeHealthFinancialSafety ?? s.lifeHealthFinancialSafety ?? provisionIsLifeHealthFinancial(ctx.policy, s.violationCode);
        const lim = limitationCheck({ violationAt: violationAt as string, discoveredAt: s.discoveredAt, lifeHealthFinancialSafety: lhf, policy: ctx.policy });
        if (lim.expired) {
          return fail('CASE.LIMITATION_EXPIRED', {
            en: `The violation of ${lim.check.violationDate} was discovered on ${lim.check.discoveredDate}, after the ${lim.check.years}-year limitation ended on ${lim.check.lastDiscoveryDate} (APL 36): decline filing`,
            zh: `${zhDate(lim.check.violationDate)}的违法行为于${zhDate(lim.check.discoveredDate)}被发现，已超过${lim.check.years}年追责时效（${zhDate(lim.check.lastDiscoveryDate)}届满，《行政处罚法》第36条）：应不予立案`,
          });
        }
        return withSameAct({ type: 'FILING_APPROVED', reason: cmd.reason, officers: named.officers, limitation: lim.check, approvedBy: ctx.person }, cmd.sameActCases);
      },
    },
  },
  {
    FILING_APPROVED: (s, e, { at, policy }) => {
      s.status = 'FILED';
      s.officers = clone(e.officers);
      s.filedAt = at;
      s.filing = { approved: true, reason: e.reason, decidedAt: at, decidedBy: e.approvedBy, limitation: clone(e.limitation) };
      if (e.sameActCases) s.sameActCases = clone(e.sameActCases);
      meetDeadline(s, 'filingDecision', at);
      // APL 60: the decision limit runs from filing.
      armDeadline(s, 'decision', at, at, policy);
    },
    FILING_DECLINED: (s, e, { at }) => {
      s.status = 'FILING_DECLINED';
      s.filing = { approved: false, reason: e.reason, decidedAt: at, decidedBy: e.declinedBy };
      if (e.sameActCases) s.sameActCases = clone(e.sameActCases);
      meetDeadline(s, 'filingDecision', at);
    },
  },
  CODES,
);
