import { commands as C, people, CaseRunner, T0 } from '../testing/case-fixtures';
import { testPolicy } from '../testing/test-policy';
import type { JurisdictionPolicy } from '../policy/policy.types';
import { legalReviewRounds } from './legal-review-rounds';

// Every round of a legal review from the recorded events: the state keeps only
// the current one, the reviewer of a resubmitted case reads them all.

const { officerA: A, head: H, reviewer: R, reviewer2: R2 } = people;

// No benchmark: the fines here sit at the review thresholds, not in a benchmark range.
const policy: JurisdictionPolicy = { ...testPolicy(), discretion: undefined };

function toReview(r: CaseRunner, fineAmount: number): CaseRunner {
  r.exec(C.report({ proposedPenalty: { kinds: ['FINE'], fineAmount } }), A);
  r.exec(C.review(), R);
  r.exec(C.approveNotice(), H);
  r.exec(C.notice(r.now), A);
  r.exec(C.defence({ hearingWaived: true }), A);
  return r;
}

const recorded = (r: CaseRunner) => r.log.map((l) => ({ occurredAt: l.at, payload: l.event }));

describe('legalReviewRounds', () => {
  it('gives each request its proposal, assignments and opinion, oldest first', () => {
    const r = new CaseRunner(policy, T0);
    r.exec(C.registerOrdinary({ party: { type: 'ORGANISATION', name: '某公司', creditCode: '91140400MA0TEST01X' } }), A);
    r.exec(C.approveFiling(), H);
    r.exec(C.evidence(1, r.now), A);
    expect(legalReviewRounds(recorded(r))).toEqual([]);

    toReview(r, 150000);
    const requestedAt = r.now;
    r.exec(C.requestLegalReview(R), A);
    const reassignedAt = r.now;
    r.exec(C.reassignLegalReview(R2), H);
    const returnedAt = r.now;
    r.exec({ type: 'RECORD_LEGAL_REVIEW', opinion: 'RETURN', text: '退回', points: ['货值计算依据不足', '裁量理由不充分'], returnTo: 'PROPOSAL' }, R2);

    toReview(r, 120000);
    r.exec(C.requestLegalReview(R2), A);
    const pending = legalReviewRounds(recorded(r));
    expect(pending).toHaveLength(2);
    expect(pending[1]).toMatchObject({ round: 2, proposal: { penalty: { fineAmount: 120000 } }, assignments: [{ reviewer: { userId: R2.userId } }] });
    expect(pending[1].opinion).toBeUndefined();

    r.exec(C.legalReview('APPROVE'), R2);
    const [first, second] = legalReviewRounds(recorded(r));
    expect(first).toMatchObject({
      round: 1,
      requestedAt,
      requestedBy: { userId: A.userId },
      proposal: { outcome: 'PENALTY', penalty: { kinds: ['FINE'], fineAmount: 150000 } },
      opinion: 'RETURN',
      text: '退回',
      points: ['货值计算依据不足', '裁量理由不充分'],
      returnTo: 'PROPOSAL',
      reviewer: { userId: R2.userId, name: R2.name },
      reviewedAt: returnedAt,
    });
    expect(first.assignments.map((a) => [a.reviewer.userId, a.at, a.reason])).toEqual([
      [R.userId, requestedAt, undefined],
      [R2.userId, reassignedAt, 'The review is overdue; the reviewer is on leave'],
    ]);
    expect(first.reasons.length).toBeGreaterThan(0);
    expect(second).toMatchObject({ round: 2, opinion: 'APPROVE', reviewer: { userId: R2.userId } });
    expect(second.points).toBeUndefined();
    expect(second.returnTo).toBeUndefined();
  });
});
