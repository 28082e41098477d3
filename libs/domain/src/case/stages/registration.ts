// 案源登记: a lead is registered by a certified officer of the agency, naming
// the officers who carry it. The one command judged without a case.

import type { ActorSnapshot } from '../actor.types';
import type { CaseOfficer, Party, PersonRef, SameActCase } from '../case-records';
import { localDate } from '../../calendar';
import type { CaseState } from '../case-state';
import { armDeadline } from '../deadlines';
import { failWith, type Fail, type RejectionStatus } from '../rejection';
import { toLocalDate } from '../rules/limitation';
import { checkActorCertificate, checkNamedOfficers, hasRole } from '../rules/people';
import { sameActRecord, validateSameActCases } from '../rules/same-act';
import { Validator } from '../rules/validation';
import { thresholdsMet, type ThresholdMet } from '../rules/criminal-thresholds';
import { validateDiscretionBases } from '../rules/discretion';
import { actDate, priorPenaltyRecords, validatePriorPenalties } from '../rules/prior-penalties';
import { inForce } from '../rule-changes';
import type { DiscretionBaseAmount } from '../case-records';
import type { PriorPenalty } from '../suspicion-records';
import { figuresOf, raiseOnThresholds } from './suspected-crime';
import { PARTY_TYPES, type Procedure, PROCEDURES } from '../vocabulary';
import { clone, invalid, notAllowed, stage, type EvolveMeta, type HandlerContext } from './kit';

/** The refusals only this stage gives. */
const CODES = {
  'CASE.UNKNOWN_VIOLATION': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type RegistrationCommand =
  | {
      type: 'REGISTER_LEAD';
      caseId: string;
      caseNumber: string;
      agencyId: string;
      procedure: Procedure;
      source: string;
      discoveredAt: string;
      party: Party;
      violationCode: string;
      summary: string;
      officers: ActorSnapshot[];
      /** Date (or instant) the violation occurred or ended; needed for the limitation check at filing. */
      violationAt?: string;
      /** Life, health or financial safety: 5-year limitation (APL 36). */
      lifeHealthFinancialSafety?: boolean;
      /** Resolved by the API: open or decided cases against the same party for the same violation (APL 29). */
      sameActCases?: SameActCase[];
      /** Figures the lead states (sales, unsold goods, farmland occupied ...): held against the prosecution thresholds (under 'threshold-facts'). */
      amounts?: DiscretionBaseAmount[];
      /** The party's earlier administrative penalties, each with its decision number (under 'threshold-facts'). */
      priorPenalties?: PriorPenalty[];
    };

export type RegistrationEvent =
  | {
      type: 'LEAD_REGISTERED';
      caseId: string;
      caseNumber: string;
      agencyId: string;
      procedure: Procedure;
      policyVersion: string;
      source: string;
      discoveredAt: string;
      violationAt?: string;
      lifeHealthFinancialSafety?: boolean;
      party: Party;
      violationCode: string;
      summary: string;
      officers: CaseOfficer[];
      registeredBy: PersonRef;
      /** A warning: other cases against the same party for the same violation (APL 29). */
      sameActCases?: SameActCase[];
      amounts?: DiscretionBaseAmount[];
      priorPenalties?: PriorPenalty[];
      /** The prosecution thresholds the lead's facts reached: they flag SUSPECTED_CRIME. */
      criminalThresholds?: ThresholdMet[];
    };

/** Judged on an empty case (decide() calls it with no state). */
export function registerLead(cmd: RegistrationCommand, ctx: HandlerContext): RegistrationEvent | Fail {
  const actor = ctx.actorSnapshot;
  if (!actor) return fail('AUTH.ROLE_NOT_ALLOWED', { en: 'REGISTER_LEAD needs a person', zh: '登记线索须由具体人员办理' });
  if (!hasRole(actor, 'OFFICER')) return fail('AUTH.ROLE_NOT_ALLOWED', { en: 'REGISTER_LEAD needs the role OFFICER', zh: '登记线索须由执法人员办理' });
  const certFail = checkActorCertificate(actor, ctx.date);
  if (certFail) return certFail;

  const v = new Validator(ctx.now);
  v.text('caseId', cmd.caseId).text('caseNumber', cmd.caseNumber).text('agencyId', cmd.agencyId);
  v.oneOf('procedure', cmd.procedure, PROCEDURES);
  v.text('source', cmd.source).instant('discoveredAt', cmd.discoveredAt, { notFuture: true });
  if (v.object('party', cmd.party)) {
    v.oneOf('party.type', cmd.party.type, PARTY_TYPES).text('party.name', cmd.party.name);
    v.bool('party.minor', cmd.party.minor, { optional: true });
  }
  v.text('violationCode', cmd.violationCode).text('summary', cmd.summary);
  v.dateOrInstant('violationAt', cmd.violationAt, { optional: true });
  v.bool('lifeHealthFinancialSafety', cmd.lifeHealthFinancialSafety, { optional: true });
  if (v.array('officers', cmd.officers, { min: 1 })) cmd.officers.forEach((o, i) => v.actor(`officers[${i}]`, o));
  validateSameActCases(v, 'sameActCases', cmd.sameActCases);
  const factsJudged = inForce(ctx, 'threshold-facts');
  if (factsJudged) {
    validateDiscretionBases(v, 'amounts', cmd.amounts);
    validatePriorPenalties(v, 'priorPenalties', cmd.priorPenalties, ctx.date);
  }
  if (v.ok && cmd.violationAt !== undefined) {
    if (toLocalDate(cmd.violationAt, ctx.policy.timeZone) > localDate(cmd.discoveredAt, ctx.policy.timeZone)) {
      v.add('violationAt', { en: 'must not be after discoveredAt', zh: '不得晚于发现时间（discoveredAt）' });
    }
  }
  if (!v.ok) return invalid(v);

  if (actor.agencyId !== cmd.agencyId) {
    return fail('AUTH.AGENCY_MISMATCH', { en: 'Officers register leads for their own agency only', zh: '执法人员只能为本机关登记线索' });
  }
  if (!ctx.policy.violations.some((p) => p.code === cmd.violationCode)) {
    return fail('CASE.UNKNOWN_VIOLATION', {
      en: `Violation code ${cmd.violationCode} is not in the catalogue of policy ${ctx.policy.version}`,
      zh: `违法行为代码${cmd.violationCode}不在执法政策${ctx.policy.version}的目录中`,
    });
  }
  const named = checkNamedOfficers(cmd.officers, { min: 1, date: ctx.date, agencyId: cmd.agencyId, field: 'officers' });
  if ('fail' in named) return named.fail;

  const e: RegistrationEvent = {
    type: 'LEAD_REGISTERED',
    caseId: cmd.caseId,
    caseNumber: cmd.caseNumber,
    agencyId: cmd.agencyId,
    procedure: cmd.procedure,
    policyVersion: ctx.policy.version,
    source: cmd.source,
    discoveredAt: cmd.discoveredAt,
    party: { ...cmd.party },
    violationCode: cmd.violationCode,
    summary: cmd.summary,
    officers: named.officers,
    registeredBy: ctx.person,
  };
  if (cmd.violationAt !== undefined) e.violationAt = cmd.violationAt;
  if (cmd.lifeHealthFinancialSafety !== undefined) e.lifeHealthFinancialSafety = cmd.lifeHealthFinancialSafety;
  if (cmd.sameActCases && cmd.sameActCases.length > 0) e.sameActCases = sameActRecord(cmd.sameActCases);
  if (factsJudged) judgeLeadFacts(cmd, ctx, e);
  return e;
}

/** The lead's figures and earlier penalties, recorded and held against the prosecution thresholds. */
function judgeLeadFacts(cmd: Extract<RegistrationCommand, { type: 'REGISTER_LEAD' }>, ctx: HandlerContext, e: RegistrationEvent): void {
  if (cmd.amounts && cmd.amounts.length > 0) e.amounts = figuresOf(cmd.amounts);
  if (cmd.priorPenalties && cmd.priorPenalties.length > 0) e.priorPenalties = priorPenaltyRecords(cmd.priorPenalties, 'REGISTRATION');
  if (!e.amounts && !e.priorPenalties) return;
  const repeat = e.priorPenalties ? { priorPenalties: e.priorPenalties, actOn: actDate(cmd, ctx.policy.timeZone) } : undefined;
  const met = thresholdsMet(ctx.policy, cmd.violationCode, e.amounts, { from: 'REGISTRATION' }, repeat);
  if (met.length > 0) e.criminalThresholds = met;
}

/** The state a case starts from (the first event creates it; every other event folds into it). */
export function initialState(e: RegistrationEvent, meta: EvolveMeta): CaseState {
  const s: CaseState = {
    caseId: e.caseId,
    caseNumber: e.caseNumber,
    agencyId: e.agencyId,
    procedure: e.procedure,
    status: 'LEAD_REGISTERED',
    policyVersion: e.policyVersion,
    source: e.source,
    discoveredAt: e.discoveredAt,
    party: clone(e.party),
    violationCode: e.violationCode,
    summary: e.summary,
    officers: clone(e.officers),
    recusals: [],
    flags: [],
    deadlines: {},
    pauses: [],
    suspectedCrime: false,
    evidence: [],
    collectiveDiscussions: [],
    payments: [],
    amountPaid: 0,
    challenges: [],
    registeredAt: meta.at,
    updatedAt: meta.at,
    eventCount: 0,
  };
  if (e.violationAt !== undefined) s.violationAt = e.violationAt;
  if (e.lifeHealthFinancialSafety !== undefined) s.lifeHealthFinancialSafety = e.lifeHealthFinancialSafety;
  if (e.sameActCases) s.sameActCases = clone(e.sameActCases);
  if (e.priorPenalties) s.priorPenalties = clone(e.priorPenalties);
  raiseOnThresholds(s, e.criminalThresholds, meta.at);
  // MSA 18: decide on filing within N working days of discovering the lead.
  if (e.procedure === 'ORDINARY') armDeadline(s, 'filingDecision', e.discoveredAt, meta.at, meta.policy);
  return s;
}

export const registration = stage<RegistrationCommand, RegistrationEvent>()(
  'registration',
  {
    REGISTER_LEAD: {
      action: 'register',
      roles: ['OFFICER'],
      // Only on an empty case: decide() judges a new lead with registerLead() before any gate.
      from: (s, cmd) => notAllowed(s, cmd, { en: 'the case is already registered', zh: '案件已经登记' }),
      handle: (_s, cmd, ctx) => registerLead(cmd, ctx),
    },
  },
  {
    // The first event creates the state (initialState); on an existing case it is a corrupt stream.
    LEAD_REGISTERED: () => {
      throw new Error('evolve: LEAD_REGISTERED on an existing case');
    },
  },
  CODES,
);
