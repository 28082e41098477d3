// Penalty arithmetic and the three separate outcome flags (domain spec §3):
// legal review, hearing, collective discussion. All thresholds are policy.

import type { AmountThreshold, JurisdictionPolicy, PartyType } from '../../policy/policy.types';
import { type DecisionAssessment, type Penalty } from '../case-state';
import { PENALTY_KINDS, TERM_PENALTY_KINDS, type CircumstanceLevel, type PenaltyKind } from '../vocabulary';
import { fail, type Fail } from '../rejection';
import { zhList, zhOf, zhYuan, ZH_PARTY, ZH_PENALTY, type Message } from '../messages';
import { fen, formatYuan, Validator } from './validation';

export function meetsThreshold(amount: number, t: AmountThreshold): boolean {
  return t.inclusive ? fen(amount) >= fen(t.amount) : fen(amount) > fen(t.amount);
}

/** Money the party must pay: fine plus confiscated illegal gains (没收违法所得); confiscated property (没收非法财物) is items, never money. */
export function amountDue(penalty: Penalty | undefined): number {
  if (!penalty) return 0;
  return (fen(penalty.fineAmount ?? 0) + fen(penalty.confiscationAmount ?? 0)) / 100;
}

/**
 * `termsRequired`: a term penalty states its term in days (termDays), so a
 * longer term than the notice said can be told apart (APL 44, 62).
 */
export function validatePenalty(v: Validator, field: string, p: unknown, opts: { termsRequired?: boolean; itemised?: boolean } = {}): void {
  if (!v.object(field, p)) return;
  if (v.array(`${field}.kinds`, p.kinds, { min: 1 })) {
    (p.kinds as unknown[]).forEach((k, i) => v.oneOf(`${field}.kinds[${i}]`, k, PENALTY_KINDS));
  }
  v.amount(`${field}.fineAmount`, p.fineAmount, { optional: true });
  v.amount(`${field}.confiscationAmount`, p.confiscationAmount, { optional: true });
  v.text(`${field}.terms`, p.terms, { optional: true });
  const kinds = Array.isArray(p.kinds) ? (p.kinds as string[]) : [];
  const fine = typeof p.fineAmount === 'number' ? p.fineAmount : 0;
  if (kinds.includes('FINE') && !(fine > 0)) v.add(`${field}.fineAmount`, { en: 'is required and must be > 0 when kinds includes FINE', zh: '处罚种类含罚款（FINE）时为必填项，且须大于0' });
  if (!kinds.includes('FINE') && fine > 0) v.add(`${field}.kinds`, { en: 'must include FINE when fineAmount is given', zh: '填写了罚款金额的，处罚种类须含罚款（FINE）' });
  const conf = typeof p.confiscationAmount === 'number' ? p.confiscationAmount : 0;
  if (!kinds.includes('CONFISCATION') && conf > 0) v.add(`${field}.kinds`, { en: 'must include CONFISCATION when confiscationAmount is given', zh: '填写了没收金额的，处罚种类须含没收（CONFISCATION）' });
  if (opts.itemised) validateConfiscation(v, field, p, kinds, conf);
  // Replayed history from before confiscated property was itemised never carried the field.
  else if (p.confiscatedItems !== undefined) v.add(`${field}.confiscatedItems`, { en: 'was not accepted before confiscated property was itemised', zh: '没收非法财物清单在本规则施行前不予接受' });
  const termKinds = kinds.filter((k) => TERM_PENALTY_KINDS.includes(k as PenaltyKind));
  if (p.termDays !== undefined) {
    v.integer(`${field}.termDays`, p.termDays, { min: 1 });
    if (termKinds.length === 0) v.add(`${field}.termDays`, {
        en: `is given only with a term penalty (${TERM_PENALTY_KINDS.join(', ')})`,
        zh: `仅在有期限的处罚（${zhList(TERM_PENALTY_KINDS.map((k) => ZH_PENALTY[k]))}）时填写`,
      });
  } else if (opts.termsRequired && termKinds.length > 0) {
    v.add(`${field}.termDays`, {
      en: `is required with ${termKinds.join(', ')}: the term is part of what the party is told (APL 44)`,
      zh: `给予${zhList(termKinds.map((k) => zhOf(ZH_PENALTY, k)))}的须填写期限天数：期限是告知当事人的内容（《行政处罚法》第44条）`,
    });
  }
}

/** 没收非法财物 is a list of items (what, how many, in what unit); 没收违法所得 is an amount. CONFISCATION names one of the two. */
function validateConfiscation(v: Validator, field: string, p: Record<string, unknown>, kinds: string[], gains: number): void {
  const items = p.confiscatedItems;
  if (v.array(`${field}.confiscatedItems`, items, { optional: true, min: 1 })) {
    items.forEach((it, i) => {
      const f = `${field}.confiscatedItems[${i}]`;
      if (!v.object(f, it)) return;
      v.text(`${f}.description`, it.description, { max: 300 }).text(`${f}.unit`, it.unit, { max: 20 });
      if (typeof it.quantity !== 'number' || !Number.isFinite(it.quantity) || !(it.quantity > 0)) v.add(`${f}.quantity`, { en: 'must be a number > 0', zh: '须为大于0的数' });
    });
    if (!kinds.includes('CONFISCATION')) v.add(`${field}.kinds`, { en: 'must include CONFISCATION when confiscatedItems are given', zh: '填写了没收的非法财物的，处罚种类须含没收（CONFISCATION）' });
  }
  const hasItems = Array.isArray(items) && items.length > 0;
  if (kinds.includes('CONFISCATION') && !(gains > 0) && !hasItems) {
    v.add(`${field}.confiscatedItems`, {
      en: 'CONFISCATION names what is confiscated: the illegal gains in yuan (confiscationAmount) or the illegal property as items (confiscatedItems)',
      zh: '没收须载明没收的内容：违法所得金额（confiscationAmount）或非法财物清单（confiscatedItems）',
    });
  }
}

/** The agency imposes only the kinds its powers include (APL 18 ¶3: 行政拘留 by public security alone). */
export function checkPenaltyPowers(penalty: Penalty | undefined, policy: JurisdictionPolicy): Fail | null {
  const powers = policy.penaltyPowers;
  if (!penalty || !powers) return null;
  const beyond = penalty.kinds.filter((k) => !powers.kinds.includes(k));
  if (beyond.length === 0) return null;
  return fail('PENALTY.KIND_NOT_EMPOWERED', {
    en: `${policy.jurisdiction} may not impose ${beyond.join(', ')} (${powers.source}); the law gives that power to another body`,
    zh: `${policy.jurisdiction}无权给予${zhList(beyond.map((k) => zhOf(ZH_PENALTY, k)))}（${powers.source}）；该处罚由其他机关依法实施`,
  });
}

/** Items confiscated by the decision that the notice did not list, or in larger quantities. */
function moreItems(decided: Penalty, notified: Penalty): string[] {
  return (decided.confiscatedItems ?? [])
    .filter((d) => {
      const n = (notified.confiscatedItems ?? []).find((x) => x.description === d.description && x.unit === d.unit);
      return !n || d.quantity > n.quantity;
    })
    .map((d) => `${d.description} ${d.quantity}${d.unit}`);
}

export function assessPenalty(
  penalty: Penalty | undefined,
  circumstanceLevel: CircumstanceLevel | undefined,
  partyType: PartyType,
  policy: JurisdictionPolicy,
): DecisionAssessment {
  const reasons: string[] = [];
  if (!penalty) return { legalReviewRequired: false, hearingOffered: false, collectiveDiscussionRequired: false, reasons };
  const tags: string[] = [...penalty.kinds, ...(circumstanceLevel ? [circumstanceLevel] : [])];
  const fine = penalty.fineAmount ?? 0;
  const confiscation = penalty.confiscationAmount ?? 0;

  let legalReviewRequired = false;
  const lr = policy.legalReview.fineAbove[partyType];
  if (fine > 0 && meetsThreshold(fine, lr)) {
    legalReviewRequired = true;
    reasons.push(`legal review: fine ${formatYuan(fine)} ${lr.inclusive ? '≥' : '>'} ${formatYuan(lr.amount)} for ${partyType} (${policy.legalReview.source})`);
  }
  for (const t of tags) {
    if (policy.legalReview.alwaysFor.includes(t)) {
      legalReviewRequired = true;
      reasons.push(`legal review: ${t} is on the review list (${policy.legalReview.source})`);
    }
  }

  let hearingOffered = false;
  const h = policy.hearing.fineAtLeast[partyType];
  if (fine > 0 && meetsThreshold(fine, h)) {
    hearingOffered = true;
    reasons.push(`hearing: fine ${formatYuan(fine)} ${h.inclusive ? '≥' : '>'} ${formatYuan(h.amount)} for ${partyType} (${policy.hearing.source})`);
  }
  if (confiscation > 0 && meetsThreshold(confiscation, h)) {
    hearingOffered = true;
    reasons.push(`hearing: confiscation ${formatYuan(confiscation)} ${h.inclusive ? '≥' : '>'} ${formatYuan(h.amount)} (${policy.hearing.source})`);
  }
  for (const t of tags) {
    if (policy.hearing.alwaysFor.includes(t)) {
      hearingOffered = true;
      reasons.push(`hearing: ${t} (${policy.hearing.source})`);
    }
  }

  // MSA: every decision that needs legal review is discussed collectively, unless the policy says otherwise.
  const collectiveDiscussionRequired = legalReviewRequired && policy.collectiveDiscussion?.requiredWithLegalReview !== false;
  if (collectiveDiscussionRequired) reasons.push('collective discussion: required with legal review (MSA)');
  return { legalReviewRequired, hearingOffered, collectiveDiscussionRequired, reasons };
}

// Penalty kinds never heavier than anything else: adding them is not aggravation.
const LIGHTEST: PenaltyKind[] = ['WARNING', 'PUBLIC_CRITICISM'];

/** APL 45: the penalty may not become heavier because the party defended itself. */
export function heavierThan(decided: Penalty | undefined, proposed: Penalty | undefined): Message | null {
  if (!decided) return null;
  const p = proposed ?? { kinds: [] };
  if (fen(decided.fineAmount ?? 0) > fen(p.fineAmount ?? 0)) {
    const [d, n] = [decided.fineAmount ?? 0, p.fineAmount ?? 0];
    return {
      en: `fine ${formatYuan(d)} exceeds the ${formatYuan(n)} in the pre-decision notice`,
      zh: `罚款${zhYuan(d)}超过行政处罚告知书所载的${zhYuan(n)}`,
    };
  }
  if (fen(decided.confiscationAmount ?? 0) > fen(p.confiscationAmount ?? 0)) {
    const [d, n] = [decided.confiscationAmount ?? 0, p.confiscationAmount ?? 0];
    return { en: `confiscation ${formatYuan(d)} exceeds the ${formatYuan(n)} in the notice`, zh: `没收金额${zhYuan(d)}超过告知书所载的${zhYuan(n)}` };
  }
  const items = moreItems(decided, p);
  if (items.length > 0) {
    return { en: `confiscation of ${items.join(', ')} is not in the pre-decision notice`, zh: `没收${zhList(items)}未在行政处罚告知书中载明或超过其数量` };
  }
  const added = decided.kinds.filter((k) => !p.kinds.includes(k) && !LIGHTEST.includes(k));
  if (added.length > 0) {
    return { en: `penalty kinds ${added.join(', ')} were not in the pre-decision notice`, zh: `处罚种类${zhList(added.map((k) => zhOf(ZH_PENALTY, k)))}未在行政处罚告知书中载明` };
  }
  if (decided.termDays !== undefined && p.termDays !== undefined && decided.termDays > p.termDays) {
    return {
      en: `a term of ${decided.termDays} days exceeds the ${p.termDays} days in the pre-decision notice`,
      zh: `${decided.termDays}日的期限超过行政处罚告知书所载的${p.termDays}日`,
    };
  }
  return null;
}

/** APL 51: warning, or a fine up to the policy's limit (inclusive), decided on the spot. */
export function checkSimplePenalty(penalty: Penalty, partyType: PartyType, policy: JurisdictionPolicy): Fail | null {
  const others = penalty.kinds.filter((k) => k !== 'WARNING' && k !== 'FINE');
  if (others.length > 0) {
    return fail('CASE.SIMPLE_PENALTY_NOT_ALLOWED', {
      en: `The simple procedure allows only a warning or a fine (${policy.simpleProcedure.source}); ${others.join(', ')} needs the ordinary procedure: convert this lead to it (simple-conversion)`,
      zh: `简易程序只能给予警告或者罚款（${policy.simpleProcedure.source}）；${zhList(others.map((k) => zhOf(ZH_PENALTY, k)))}须适用普通程序：请将本线索转为普通程序办理（转普通程序）`,
    });
  }
  const limit = policy.simpleProcedure.maxFine[partyType];
  const fine = penalty.fineAmount ?? 0;
  if (fen(fine) > fen(limit)) {
    const who = partyType === 'PERSON' ? 'a person' : 'an organisation';
    return fail('CASE.SIMPLE_FINE_EXCEEDS_LIMIT', {
      en: `Fine ${formatYuan(fine)} exceeds the simple-procedure limit of ${formatYuan(limit)} for ${who} (${policy.simpleProcedure.source}); convert this lead to the ordinary procedure (simple-conversion): the same case continues to the filing decision`,
      zh: `罚款${zhYuan(fine)}超过简易程序对${ZH_PARTY[partyType]}的限额${zhYuan(limit)}（${policy.simpleProcedure.source}），请将本线索转为普通程序办理（转普通程序），本案继续进入立案审批`,
    });
  }
  return null;
}
