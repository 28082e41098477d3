// APL 29 (一事不二罚): one act of one party is fined once. The API resolves the
// other cases against the same party (credit code or ID number) for the same
// violation code from the read model and hands them to the command; these
// rules only judge that list, so the domain stays pure.

import type { Penalty, SameActCase, SameActOverride } from '../case-records';
import { fail, type Fail } from '../rejection';
import { zhList, zhYuan } from '../messages';
import { CASE_STATUSES, DECISION_OUTCOMES } from '../vocabulary';
import { fen, formatYuan, type Validator } from './validation';

/** The resolved list is well formed (it comes from the API, not from the person). */
export function validateSameActCases(v: Validator, field: string, cases: unknown): void {
  if (!v.array(field, cases, { optional: true })) return;
  (cases as unknown[]).forEach((c, i) => {
    const f = `${field}[${i}]`;
    if (!v.object(f, c)) return;
    v.text(`${f}.caseId`, c.caseId).text(`${f}.caseNumber`, c.caseNumber).oneOf(`${f}.status`, c.status, CASE_STATUSES);
    v.oneOf(`${f}.outcome`, c.outcome, DECISION_OUTCOMES, { optional: true });
    v.amount(`${f}.fineAmount`, c.fineAmount, { optional: true });
    v.bool(`${f}.revoked`, c.revoked, { optional: true });
  });
}

/** A copy of each case, only the fields the record keeps. */
export function sameActRecord(cases: readonly SameActCase[]): SameActCase[] {
  return cases.map((c) => ({
    caseId: c.caseId,
    caseNumber: c.caseNumber,
    status: c.status,
    ...(c.outcome !== undefined ? { outcome: c.outcome } : {}),
    ...(c.fineAmount !== undefined ? { fineAmount: c.fineAmount } : {}),
    ...(c.revoked ? { revoked: true } : {}),
  }));
}

/** The cases that already fined the same act and still stand. */
export function finedAlready(cases: readonly SameActCase[] | undefined): SameActCase[] {
  return (cases ?? []).filter((c) => c.outcome === 'PENALTY' && fen(c.fineAmount ?? 0) > 0 && c.revoked !== true);
}

/**
 * A fine for an act another case already fined is refused (422) unless the
 * decision gives its reasons for fining again; then the override is recorded.
 */
export function judgeSecondFine(
  penalty: Penalty | undefined,
  cases: readonly SameActCase[] | undefined,
  overrideReason: string | undefined,
): { fail: Fail } | { override?: SameActOverride } {
  if (!penalty?.kinds.includes('FINE')) return {};
  const fined = finedAlready(cases);
  if (fined.length === 0) return {};
  if (overrideReason === undefined) {
    const list = fined.map((c) => `${c.caseNumber} (${formatYuan(c.fineAmount ?? 0)})`).join(', ');
    const listZh = zhList(fined.map((c) => `${c.caseNumber}（罚款${zhYuan(c.fineAmount ?? 0)}）`));
    return {
      fail: fail(
        'DECISION.SAME_ACT_FINED',
        {
          en: `The same party was already fined for the same violation in ${list}: no second fine for one act (APL 29); if this is a different act, say why in sameActOverrideReason`,
          zh: `同一当事人的同一违法行为已在${listZh}中被处以罚款：对当事人的同一个违法行为不得给予两次以上罚款（《行政处罚法》第29条）；如属另一违法行为，请在sameActOverrideReason中说明理由`,
        },
        [{ field: 'sameActOverrideReason', message: { en: 'is required to fine an act already fined in another case', zh: '对已在他案中被处以罚款的行为再处罚款时为必填项' } }],
      ),
    };
  }
  return { override: { reason: overrideReason, finedCases: sameActRecord(fined) } };
}
