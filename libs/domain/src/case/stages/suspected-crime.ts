// The suspected-crime flag (R310 3, 11): an officer raises it with grounds, or
// the case's figures reach a prosecution threshold of the policy (raised by
// the report's fold, see raiseOnThresholds). While it stands no penalty is
// decided (decision.ts); it clears when the transfer is made or refused by
// the head (criminal-transfer.ts), or when a head decides here, with reasons,
// not to transfer — a decision supervisors see (GET /supervision/transfers).

import type { PersonRef } from '../case-records';
import type { CaseState } from '../case-state';
import { failWith, type RejectionStatus } from '../rejection';
import { Validator } from '../rules/validation';
import { M2_PER_MU, thresholdsMet, type ThresholdMet } from '../rules/criminal-thresholds';
import { actDate, priorPenaltyRecords, validatePriorPenalties, withPriorPenalties } from '../rules/prior-penalties';
import { inForce } from '../rule-changes';
import { validateDiscretionBases } from '../rules/discretion';
import type { DiscretionBaseAmount } from '../case-records';
import type { Fail } from '../rejection';
import type { PriorPenalty, SuspicionRecord } from '../suspicion-records';
import { zhDate, zhYuan } from '../messages';
import { ZH_BASE } from '../zh-vocabulary';
import { BASE_UNITS, INVESTIGATING } from '../vocabulary';
import { all, clone, inStatus, invalid, stage, type Check, type HandlerContext } from './kit';

/** The refusals only this stage gives. */
const CODES = {
  'SUSPECTED_CRIME.ALREADY_FLAGGED': 409,
  'SUSPECTED_CRIME.NOT_FLAGGED': 409,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type SuspectedCrimeCommand =
  | { type: 'FLAG_SUSPECTED_CRIME'; grounds: string; threshold?: string }
  | { type: 'DECIDE_NOT_TO_TRANSFER'; reasons: string };

export type SuspectedCrimeEvent =
  | { type: 'SUSPECTED_CRIME_FLAGGED'; grounds: string; threshold?: string; by: PersonRef }
  | { type: 'NOT_TO_TRANSFER_DECIDED'; reasons: string; by: PersonRef };

const M2 = (n: number) => `${Math.round(n * 100) / 100}`;

/** A figure in its unit: yuan, or m² (with its mu when the limit is in mu). */
function figure(m: Pick<ThresholdMet, 'kind' | 'unit'>, value: number): { en: string; zh: string } {
  if (m.kind === undefined || BASE_UNITS[m.kind] === 'YUAN') return { en: `¥${value}`, zh: zhYuan(value) };
  const mu = m.unit === 'MU' ? M2(value / M2_PER_MU) : undefined;
  return { en: `${M2(value)} m²${mu ? ` (${mu} mu)` : ''}`, zh: `${M2(value)}平方米${mu ? `（约${mu}亩）` : ''}` };
}

function limitOf(m: ThresholdMet): { en: string; zh: string } {
  if (m.rule === 'REPEAT') return { en: `${m.amount}`, zh: `${m.amount}次` };
  if (m.unit === 'MU') return { en: `${m.amount} mu`, zh: `${m.amount}亩` };
  return figure(m.rule === 'WEIGHTED_SUM' ? {} : m, m.amount);
}

function factOf(m: ThresholdMet): { en: string; zh: string } {
  if (m.rule === 'WEIGHTED_SUM') {
    const terms = m.terms ?? [];
    return {
      en: `${terms.map((t) => `${t.weight} × ${t.kind} ¥${t.value}`).join(' + ')} = ¥${m.value}`,
      zh: `${terms.map((t) => `${ZH_BASE[t.kind]}${zhYuan(t.value)}${t.weight === 1 ? '' : `×${t.weight}`}`).join('＋')}＝${zhYuan(m.value)}`,
    };
  }
  if (m.rule === 'REPEAT') {
    const list = (m.priorPenalties ?? []).join(', ');
    return { en: `${m.value} earlier administrative penalties within ${m.withinMonths} months (${list})`, zh: `${m.withinMonths}个月内曾受行政处罚${m.value}次（${(m.priorPenalties ?? []).join('、')}）` };
  }
  const v = figure(m, m.value);
  return { en: `${m.kind} ${v.en}`, zh: `${m.kind ? ZH_BASE[m.kind] : ''}${v.zh}` };
}

/** The facts and the threshold they met, in both languages (recorded as the flag's grounds). */
export function describeThresholds(met: readonly ThresholdMet[]): { en: string; zh: string } {
  return {
    en: met.map((m) => `${factOf(m).en} ${m.inclusive ? '≥' : '>'} ${limitOf(m).en} (${m.offence}; ${m.source})`).join('; '),
    zh: met.map((m) => `${factOf(m).zh}，达到${limitOf(m).zh}${m.inclusive ? '以上' : '（不含本数）'}的追诉标准（${m.offence}；${m.source}）`).join('；'),
  };
}

/** Raise the flag on thresholds met by a fold's figures; a standing flag keeps its first grounds. */
export function raiseOnThresholds(s: CaseState, met: readonly ThresholdMet[] | undefined, at: string): void {
  if (!met || met.length === 0 || s.suspectedCrime) return;
  s.suspectedCrime = true;
  s.suspicion = { raisedAt: at, raisedBy: 'THRESHOLD', grounds: describeThresholds(met).zh, thresholdsMet: clone([...met]) };
}

/** The figures as recorded: kind, value and note only. */
export function figuresOf(amounts: readonly DiscretionBaseAmount[]): DiscretionBaseAmount[] {
  return amounts.map((b) => ({ kind: b.kind, value: b.value, ...(b.note !== undefined ? { note: b.note } : {}) }));
}

/**
 * An evidence item's stated amounts and earlier penalties: validated, recorded
 * on the event, and held against the thresholds (a draft of auxiliary staff is
 * not evidence yet: its facts raise nothing). Earlier penalties are judged
 * only under 'threshold-facts'.
 */
export function judgeEvidenceAmounts(
  s: CaseState,
  facts: { amounts: unknown; priorPenalties?: unknown },
  ctx: HandlerContext,
  e: { evidenceId: string; draft?: true; amounts?: DiscretionBaseAmount[]; priorPenalties?: PriorPenalty[]; criminalThresholds?: ThresholdMet[] },
): Fail | null {
  const priorsJudged = inForce(ctx, 'threshold-facts');
  if (facts.amounts === undefined && (!priorsJudged || facts.priorPenalties === undefined)) return null;
  const v = new Validator(ctx.now);
  validateDiscretionBases(v, 'amounts', facts.amounts);
  if (priorsJudged) validatePriorPenalties(v, 'priorPenalties', facts.priorPenalties, ctx.date);
  if (!v.ok) return invalid(v);
  const given = facts.amounts === undefined ? undefined : figuresOf(facts.amounts as DiscretionBaseAmount[]);
  if (given) e.amounts = given;
  const priors = priorsJudged && facts.priorPenalties !== undefined ? priorPenaltyRecords(facts.priorPenalties as PriorPenalty[], e.evidenceId) : [];
  if (priors.length > 0) e.priorPenalties = priors;
  if (e.draft) return null;
  const repeat = priors.length > 0 ? { priorPenalties: withPriorPenalties(s.priorPenalties, priors), actOn: actDate(s, ctx.policy.timeZone) } : undefined;
  const met = thresholdsMet(ctx.policy, s.violationCode, given, { from: 'EVIDENCE', evidenceId: e.evidenceId }, repeat);
  if (met.length > 0) e.criminalThresholds = met;
  return null;
}

const notFlagged: Check = (s) =>
  s.suspectedCrime
    ? fail('SUSPECTED_CRIME.ALREADY_FLAGGED', {
        en: `The case is already flagged as a suspected crime${s.suspicion ? ` since ${s.suspicion.raisedAt}` : ''}: propose the transfer, or ask the head to decide not to transfer`,
        zh: `本案${s.suspicion ? `已于${zhDate(s.suspicion.raisedAt)}` : '已'}被标记为涉嫌犯罪：请提出移送，或报请机关负责人作出不予移送的决定`,
      })
    : null;

const flagged: Check = (s) =>
  s.suspectedCrime
    ? null
    : fail('SUSPECTED_CRIME.NOT_FLAGGED', {
        en: 'The case is not flagged as a suspected crime: there is nothing to decide not to transfer',
        zh: '本案未被标记为涉嫌犯罪，无需作出不予移送的决定',
      });

export const suspectedCrime = stage<SuspectedCrimeCommand, SuspectedCrimeEvent>()(
  'suspected-crime',
  {
    FLAG_SUSPECTED_CRIME: {
      action: 'suspected-crime',
      roles: ['OFFICER'],
      from: all(inStatus(INVESTIGATING), notFlagged),
      handle: (_s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('grounds', cmd.grounds).text('threshold', cmd.threshold, { optional: true });
        if (!v.ok) return invalid(v);
        return { type: 'SUSPECTED_CRIME_FLAGGED', grounds: cmd.grounds, ...(cmd.threshold !== undefined ? { threshold: cmd.threshold } : {}), by: ctx.person };
      },
    },
    DECIDE_NOT_TO_TRANSFER: {
      action: 'suspected-crime/no-transfer',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      // A proposed transfer is refused on the proposal itself (DECIDE_TRANSFER): only the administrative track is judged here.
      from: all(inStatus(INVESTIGATING), flagged),
      handle: (_s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('reasons', cmd.reasons);
        if (!v.ok) return invalid(v);
        return { type: 'NOT_TO_TRANSFER_DECIDED', reasons: cmd.reasons, by: ctx.person };
      },
    },
  },
  {
    SUSPECTED_CRIME_FLAGGED: (s, e, { at }) => {
      s.suspectedCrime = true;
      const r: SuspicionRecord = { raisedAt: at, raisedBy: 'OFFICER', grounds: e.grounds, by: { ...e.by } };
      if (e.threshold !== undefined) r.threshold = e.threshold;
      s.suspicion = r;
    },
    NOT_TO_TRANSFER_DECIDED: (s, e, { at }) => {
      const decision = { at, by: { ...e.by }, reasons: e.reasons, ...(s.suspicion ? { suspicion: clone(s.suspicion) } : {}) };
      s.noTransferDecisions = [...(s.noTransferDecisions ?? []), decision];
      s.suspectedCrime = false;
      delete s.suspicion;
    },
  },
  CODES,
);
