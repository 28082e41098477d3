import { cert, commands as C, DAY, people, person, scenario, CaseRunner, SYSTEM, T0, OTHER_AGENCY_ID } from '../../testing/case-fixtures';
import { testPolicy } from '../../testing/test-policy';
import type { JurisdictionPolicy } from '../../policy/policy.types';
import type { CaseCommand } from '../case-commands';
import { decide, type DecideResult } from '../decide';
import { LEGAL_REVIEW_FALLBACK } from '../deadlines';
import { allowedActions } from '../allowed-actions';
import { tasksFor } from '../tasks';
import { assessPenalty } from '../rules/penalty';
import { preDecisionRequirements } from '../rules/pre-decision';
import type { ActorSnapshot } from '../actor.types';

// 重大执法决定法制审核 (APL 58) and 集体讨论 (APL 57): the four triggers on
// the case as it stands, a named qualified reviewer who alone records the
// opinion, the review's own limit, reassignment, the opinions and where they
// send the case, and the discussion's attendees from policy. Every rule is
// judged by 'legal-review-assignment'; history replayed from before it keeps
// the old rules.

const { officerA: A, officerB: B, head: H, deputyHead: D, reviewer: R, reviewer2: R2, host: UNQUALIFIED } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error('expected a rejection');
  return d.rejection;
}

/**
 * The test policy without its discretion benchmark: these tests put fines at
 * the legal-review thresholds, which the fixture's goods value would put
 * outside the benchmark's ranges (judged in rules/discretion.spec.ts).
 */
function reviewPolicy(): JurisdictionPolicy {
  return { ...testPolicy(), discretion: undefined };
}

function legacy(r: CaseRunner, command: CaseCommand, actor: ActorSnapshot): DecideResult {
  return decide(r.state, command, { ...r.ctx(actor), rulesBefore: 'legal-review-assignment' });
}

function policyWith(over: Partial<JurisdictionPolicy['legalReview']> = {}, rest: Partial<JurisdictionPolicy> = {}): JurisdictionPolicy {
  const p = reviewPolicy();
  return { ...p, legalReview: { ...p.legalReview, ...over }, ...rest };
}

/** Reported, reviewed, noticed, defended with the hearing waived: ready for the legal review (or the decision). */
function heard(fineAmount: number, policy: JurisdictionPolicy = reviewPolicy(), party = {}): CaseRunner {
  const r = new CaseRunner(policy, T0);
  r.exec(C.registerOrdinary(party), A);
  r.exec(C.approveFiling(), H);
  r.exec(C.evidence(1, r.now), A);
  r.exec(C.report({ proposedPenalty: { kinds: ['FINE'], fineAmount } }), A);
  r.exec(C.review(), R);
  r.exec(C.approveNotice(), H);
  r.exec(C.notice(r.now), A);
  r.exec(C.defence({ hearingWaived: true }), A);
  return r;
}

const personCase = { party: { type: 'PERSON' as const, name: '沈某' } };

describe('APL 58 (4): the review list’s amounts, at their edges', () => {
  const p = reviewPolicy();
  it.each([
    ['PERSON', 10000, false],
    ['PERSON', 10000.01, true],
    ['PERSON', 9999.99, false],
    ['ORGANISATION', 100000, false],
    ['ORGANISATION', 100000.01, true],
    ['ORGANISATION', 99999.99, false],
  ] as const)('exclusive (不含本数): %s fine ¥%s → review %s', (party, fineAmount, want) => {
    expect(assessPenalty({ kinds: ['FINE'], fineAmount }, 'GENERAL', party, p).legalReviewRequired).toBe(want);
  });

  it.each([
    [9999.99, false],
    [10000, true],
    [10000.01, true],
  ])('inclusive (以上): person fine ¥%s → review %s', (fineAmount, want) => {
    const inclusive = policyWith({ fineAbove: { PERSON: { amount: 10000, inclusive: true }, ORGANISATION: { amount: 100000, inclusive: true } } });
    expect(assessPenalty({ kinds: ['FINE'], fineAmount }, 'GENERAL', 'PERSON', inclusive).legalReviewRequired).toBe(want);
  });

  it('kinds and levels on the list; collective discussion follows unless the policy says otherwise', () => {
    expect(assessPenalty({ kinds: ['LICENCE_REVOCATION'] }, 'GENERAL', 'PERSON', p)).toMatchObject({ legalReviewRequired: true, collectiveDiscussionRequired: true });
    expect(assessPenalty({ kinds: ['FINE'], fineAmount: 100 }, 'MITIGATED', 'PERSON', p).legalReviewRequired).toBe(true);
    const apart = { ...p, collectiveDiscussion: { minAttendees: 2, roles: ['AGENCY_HEAD' as const], source: 'local', requiredWithLegalReview: false } };
    expect(assessPenalty({ kinds: ['LICENCE_REVOCATION'] }, 'GENERAL', 'PERSON', apart)).toMatchObject({ legalReviewRequired: true, collectiveDiscussionRequired: false });
  });

  it('¥100,000 for an organisation decides without review; ¥100,000.01 waits for it', () => {
    const at = heard(100000);
    expect(at.try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 100000 } }), H).ok).toBe(true);
    const above = heard(100000.01);
    const refused = rejected(above.try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 100000.01 } }), H));
    expect(refused).toMatchObject({ status: 409, code: 'CASE.PRE_DECISION_STEP_MISSING' });
    expect(refused.errors?.map((e) => e.field)).toEqual(['legal-review', 'collective-discussion']);
  });
});

describe('APL 58 (2): a decision that went through a hearing', () => {
  const flagged = policyWith({ afterHearing: true });

  it('needs review once the hearing is held, where the policy says so', () => {
    const r = scenario('HEARING_HELD', flagged);
    expect(r.s.reviewGrounds?.legalReview[0]).toContain('went through a hearing');
    expect(r.s.flags).toContain('MAJOR_DECISION');
    expect(rejected(r.try(C.decide(), H)).errors?.map((e) => e.field)).toEqual(['legal-review', 'collective-discussion']);
    expect(allowedActions(r.s, H)).not.toContain('decision');
    // History from before the rule replays: the report's assessment alone decided.
    expect(legacy(r, C.decide(), H).ok).toBe(true);
  });

  it('not before it is held, and not where the policy is silent', () => {
    expect(scenario('HEARING_SCHEDULED', flagged).s.reviewGrounds).toBeUndefined();
    const silent = scenario('HEARING_HELD');
    expect(silent.s.reviewGrounds).toBeUndefined();
    expect(silent.try(C.decide(), H).ok).toBe(true);
  });
});

describe('APL 58 (1), (3): a case marked major', () => {
  it('an assigned officer or the head marks it with grounds and reason; it then needs review and discussion', () => {
    const r = heard(5000);
    expect(r.try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 5000 } }), H).ok).toBe(true);
    r.exec(C.markMajor(), A);
    expect(r.s.majorCase).toMatchObject({ grounds: ['MAJOR_PUBLIC_INTEREST'], reason: expect.stringContaining('school') as unknown, markedBy: { userId: A.userId } });
    expect(r.s.reviewGrounds?.legalReview[0]).toContain('marked MAJOR_PUBLIC_INTEREST');
    expect(r.s.reviewGrounds?.collectiveDiscussion).toEqual(['collective discussion: required with legal review (MSA)']);
    expect(r.s.flags).toEqual(expect.arrayContaining(['MAJOR_DECISION', 'COLLECTIVE_DISCUSSION_REQUIRED']));
    const refused = rejected(r.try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 5000 } }), H));
    expect(refused).toMatchObject({ status: 409, code: 'CASE.PRE_DECISION_STEP_MISSING' });
    expect(legacy(r, C.decide({ penalty: { kinds: ['FINE'], fineAmount: 5000 } }), H).ok).toBe(true);
    r.exec(C.requestLegalReview(), A);
    expect(r.s.legalReview?.reasons[0]).toContain('marked MAJOR_PUBLIC_INTEREST');
  });

  it('once only, by the case’s people, with grounds from the list and a reason, before the review', () => {
    const r = scenario('CASE_REVIEWED');
    expect(rejected(r.try(C.markMajor(), people.officerC)).code).toBe('CASE.NOT_ASSIGNED');
    expect(rejected(r.try(C.markMajor(), R)).code).toBe('AUTH.ROLE_NOT_ALLOWED');
    expect(rejected(r.try({ type: 'MARK_MAJOR_CASE', grounds: [], reason: 'x' }, A)).code).toBe('VALIDATION.FAILED');
    expect(rejected(r.try({ type: 'MARK_MAJOR_CASE', grounds: ['BIG' as never], reason: 'x' }, A)).code).toBe('VALIDATION.FAILED');
    expect(rejected(r.try({ type: 'MARK_MAJOR_CASE', grounds: ['COMPLEX'], reason: ' ' }, A)).code).toBe('VALIDATION.FAILED');
    r.exec(C.markMajor(), H);
    expect(rejected(r.try(C.markMajor(), A))).toMatchObject({ status: 409, code: 'LEGAL_REVIEW.ALREADY_MARKED' });
    for (const late of ['LEGAL_REVIEW_PENDING', 'LEGAL_REVIEW_PASSED', 'COLLECTIVE_DISCUSSED'] as const) {
      expect(rejected(scenario(late).try(C.markMajor(), A)).code).toBe('CASE.TRANSITION_NOT_ALLOWED');
    }
  });

  it('binds a decision without a penalty too: the review comes before it', () => {
    const r = scenario('FILED');
    r.exec(C.report({ proposedOutcome: 'NO_PENALTY', proposedPenalty: undefined }), A);
    r.exec(C.review(), R);
    expect(r.try(C.decide({ outcome: 'NO_PENALTY', penalty: undefined }), H).ok).toBe(true);
    r.exec(C.markMajor(), A);
    expect(rejected(r.try(C.decide({ outcome: 'NO_PENALTY', penalty: undefined }), H)).code).toBe('CASE.PRE_DECISION_STEP_MISSING');
    r.exec(C.requestLegalReview(), A);
    r.exec(C.legalReview('APPROVE'), R);
    r.exec(C.collective(r.now), H);
    expect(r.try(C.decide({ outcome: 'NO_PENALTY', penalty: undefined }), H).ok).toBe(true);
  });
});

describe('APL 58 (4): violation codes other laws send to review', () => {
  it('a listed code needs review whatever the amount; another code does not', () => {
    const listed = heard(5000, policyWith({ violationCodes: ['FOOD-UNLICENSED'] }));
    expect(listed.s.reviewGrounds?.legalReview).toEqual([expect.stringContaining('violation FOOD-UNLICENSED is on the review list')]);
    expect(rejected(listed.try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 5000 } }), H)).code).toBe('CASE.PRE_DECISION_STEP_MISSING');
    const other = heard(5000, policyWith({ violationCodes: ['AIR-EXCESS'] }));
    expect(other.s.reviewGrounds).toBeUndefined();
    expect(other.try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 5000 } }), H).ok).toBe(true);
  });
});

describe('the reviewer is named, qualified and independent (APL 58 ¶3; 查审分离)', () => {
  it('the request names a reviewer, who is recorded with the qualifying certificate', () => {
    const r = heard(150000);
    expect(rejected(r.try({ type: 'REQUEST_LEGAL_REVIEW' }, A))).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    r.exec(C.requestLegalReview(), A);
    expect(r.s.legalReview).toMatchObject({ assignee: { userId: R.userId, certificateNumber: 'FS-2025-0001' }, assignments: [{ by: { userId: A.userId } }] });
    expect(r.s.legalReviewers?.map((x) => x.userId)).toEqual([R.userId]);
  });

  it.each([
    ['an officer', people.officerC, 'LEGAL_REVIEW.NOT_A_REVIEWER'],
    ['a reviewer of another agency', person('u-rev-o', '外审', ['LEGAL_REVIEWER'], [cert('FS-O', { scope: 'LEGAL_REVIEW' })], OTHER_AGENCY_ID), 'LEGAL_REVIEW.NOT_A_REVIEWER'],
    ['auxiliary staff', person('u-rev-aux', '辅审', ['LEGAL_REVIEWER', 'AUXILIARY'], [cert('FS-A', { scope: 'LEGAL_REVIEW' })]), 'LEGAL_REVIEW.NOT_A_REVIEWER'],
    ['a reviewer without the qualification', UNQUALIFIED, 'LEGAL_REVIEW.REVIEWER_NOT_QUALIFIED'],
    ['a qualification expired', person('u-rev-x', '过审', ['LEGAL_REVIEWER'], [cert('FS-X', { scope: 'LEGAL_REVIEW', validTo: '2026-02-28' })]), 'LEGAL_REVIEW.REVIEWER_NOT_QUALIFIED'],
    ['a qualification suspended', person('u-rev-s', '停审', ['LEGAL_REVIEWER'], [cert('FS-S', { scope: 'LEGAL_REVIEW', status: 'SUSPENDED' })]), 'LEGAL_REVIEW.REVIEWER_NOT_QUALIFIED'],
  ])('%s is refused (422, nothing recorded)', (_what, reviewer, code) => {
    const r = heard(150000);
    expect(rejected(r.try(C.requestLegalReview(reviewer), A))).toMatchObject({ status: 422, code, state: 'DEFENCE_RECORDED' });
  });

  it('a narrower scope under the qualification counts; a policy naming none accepts any valid certificate', () => {
    const narrower = person('u-rev-m', '市审', ['LEGAL_REVIEWER'], [cert('FS-M', { scope: 'LEGAL_REVIEW:market' })]);
    expect(heard(150000).try(C.requestLegalReview(narrower), A).ok).toBe(true);
    const lookalike = person('u-rev-l', '似审', ['LEGAL_REVIEWER'], [cert('FS-L', { scope: 'LEGAL_REVIEWER' })]);
    expect(rejected(heard(150000).try(C.requestLegalReview(lookalike), A)).code).toBe('LEGAL_REVIEW.REVIEWER_NOT_QUALIFIED');
    expect(heard(150000, policyWith({ reviewerQualificationScope: undefined })).try(C.requestLegalReview(UNQUALIFIED), A).ok).toBe(true);
  });

  it('an investigator or a recused person is refused', () => {
    const reviewerOfficer = people.reviewerOfficer;
    const r = new CaseRunner(reviewPolicy(), T0);
    r.exec(C.registerOrdinary(), A);
    r.exec(C.approveFiling({ officers: [A, B, reviewerOfficer] }), H);
    r.exec(C.evidence(1, r.now), A);
    r.exec(C.recuse(reviewerOfficer.userId), H);
    r.exec(C.report({ proposedPenalty: { kinds: ['FINE'], fineAmount: 150000 } }), A);
    r.exec(C.review(), R);
    r.exec(C.approveNotice(), H);
    r.exec(C.notice(r.now), A);
    r.exec(C.defence({ hearingWaived: true }), A);
    const qualified = { ...reviewerOfficer, certificates: [cert('FS-2025-0002', { scope: 'LEGAL_REVIEW' })] };
    expect(rejected(r.try(C.requestLegalReview(qualified), A))).toMatchObject({ status: 422, code: 'LEGAL_REVIEW.REVIEWER_CONFLICT' });
  });

  it('history from before the rule replays: no reviewer named, any reviewer records, no limit armed', () => {
    const r = heard(150000);
    expect(legacy(r, { type: 'REQUEST_LEGAL_REVIEW' }, A).ok).toBe(true);
    const old = new CaseRunner(reviewPolicy(), T0, 'legal-review-assignment');
    old.exec(C.registerOrdinary(), A);
    old.exec(C.approveFiling(), H);
    old.exec(C.evidence(1, old.now), A);
    old.exec(C.report({ proposedPenalty: { kinds: ['FINE'], fineAmount: 150000 } }), A);
    old.exec(C.review(), R);
    old.exec(C.approveNotice(), H);
    old.exec(C.notice(old.now), A);
    old.exec(C.defence({ hearingWaived: true }), A);
    old.exec({ type: 'REQUEST_LEGAL_REVIEW' }, A);
    expect(old.s.deadlines.legalReview).toBeUndefined();
    expect(old.s.legalReview?.assignee).toBeUndefined();
    old.exec({ type: 'RECORD_LEGAL_REVIEW', opinion: 'RETURN', text: 'revise' }, R2);
    expect(old.status).toBe('FILED');
  });
});

describe('only the named reviewer records the opinion', () => {
  it('another reviewer is refused 403 before the body and is offered nothing; the named one is', () => {
    const r = heard(150000);
    r.exec(C.requestLegalReview(), A);
    expect(rejected(r.try(C.legalReview(), R2))).toMatchObject({ status: 403, code: 'LEGAL_REVIEW.NOT_ASSIGNED_REVIEWER' });
    expect(rejected(r.try({ type: 'RECORD_LEGAL_REVIEW' } as CaseCommand, R2)).code).toBe('LEGAL_REVIEW.NOT_ASSIGNED_REVIEWER');
    expect(allowedActions(r.s, R2, { now: r.now, policy: r.policy })).not.toContain('legal-review');
    expect(tasksFor(r.s, R2, { now: r.now, policy: r.policy })).toEqual([]);
    expect(tasksFor(r.s, R, { now: r.now, policy: r.policy })).toEqual([
      { action: 'legal-review', deadline: 'legalReview', dueAt: r.s.deadlines.legalReview!.dueAt, source: 'APL 58 (period: policy)' },
    ]);
    expect(legacy(r, C.legalReview(), R2).ok).toBe(true);
    r.exec(C.legalReview('APPROVE'), R);
    expect(r.s.legalReview).toMatchObject({ opinion: 'APPROVE', reviewer: { userId: R.userId } });
  });

  it('a named reviewer who lost the qualification is refused 403', () => {
    const r = heard(150000);
    r.exec(C.requestLegalReview(), A);
    const lapsed = { ...R, certificates: [cert('FS-2025-0001', { scope: 'LEGAL_REVIEW', status: 'SUSPENDED' }), cert('ENF-1')] };
    expect(rejected(r.try(C.legalReview(), lapsed))).toMatchObject({ status: 403, code: 'LEGAL_REVIEW.REVIEWER_UNQUALIFIED' });
  });
});

describe('the review’s own limit, reminder and escalation', () => {
  it('is armed at the request from the policy period, reminded, escalated and shown; met by the opinion', () => {
    const r = heard(150000);
    r.exec(C.requestLegalReview(), A);
    const d = r.s.deadlines.legalReview!;
    expect(d).toMatchObject({ owner: 'AGENCY', state: 'OPEN', basis: { days: 5, kind: 'WORKING', source: 'APL 58 (period: policy)' } });
    expect(tasksFor(r.s, H, { now: r.now, policy: r.policy }).map((t) => t.action)).not.toContain('legal-review-assignment');
    r.at(d.remindAt!).exec(C.reminder('legalReview'), SYSTEM, 0);
    expect(r.s.deadlines.legalReview?.reminded).toBe(true);
    expect(rejected(r.try(C.escalation('legalReview'), SYSTEM)).code).toBe('DEADLINE.NOT_DUE');
    r.at(d.dueAt).exec(C.escalation('legalReview'), SYSTEM, DAY);
    expect(r.s.deadlines.legalReview?.state).toBe('MISSED');
    expect(r.s.flags).toContain('OVERDUE');
    // The head is now waited for: reassign the overdue review.
    expect(tasksFor(r.s, H, { now: r.now, policy: r.policy })).toContainEqual(expect.objectContaining({ action: 'legal-review-assignment', deadline: 'legalReview' }));
    r.exec(C.legalReview('APPROVE'), R);
    expect(r.s.deadlines.legalReview).toMatchObject({ state: 'MET', late: true });
    expect(r.s.flags).not.toContain('OVERDUE');
  });

  it('a policy without a period gets the documented fallback (a policy choice)', () => {
    const p = reviewPolicy();
    const deadlines = { ...p.deadlines };
    delete deadlines.legalReview;
    const r = heard(150000, { ...p, deadlines });
    r.exec(C.requestLegalReview(), A);
    expect(r.s.deadlines.legalReview?.basis).toMatchObject({ days: LEGAL_REVIEW_FALLBACK.days, kind: 'WORKING', source: LEGAL_REVIEW_FALLBACK.source });
    expect(LEGAL_REVIEW_FALLBACK.source).toContain('policy choice');
  });
});

describe('reassignment by the head while the review is pending', () => {
  it('names another qualified reviewer with a reason, re-arms the limit; the first reviewer may no longer record', () => {
    const r = heard(150000);
    r.exec(C.requestLegalReview(), A);
    const first = r.s.deadlines.legalReview!;
    r.at(first.dueAt).exec(C.escalation('legalReview'), SYSTEM, DAY);
    expect(rejected(r.try(C.reassignLegalReview(), A)).code).toBe('AUTH.ROLE_NOT_ALLOWED');
    expect(rejected(r.try(C.reassignLegalReview(R), H))).toMatchObject({ status: 422, code: 'LEGAL_REVIEW.SAME_REVIEWER' });
    expect(rejected(r.try(C.reassignLegalReview(UNQUALIFIED), H))).toMatchObject({ status: 422, code: 'LEGAL_REVIEW.REVIEWER_NOT_QUALIFIED' });
    expect(rejected(r.try({ type: 'REASSIGN_LEGAL_REVIEW', reviewer: R2, reason: '' }, H)).code).toBe('VALIDATION.FAILED');
    r.exec(C.reassignLegalReview(), H);
    expect(r.s.legalReview?.assignee?.userId).toBe(R2.userId);
    expect(r.s.legalReview?.assignments?.[1]).toMatchObject({ reviewer: { userId: R2.userId }, by: { userId: H.userId }, reason: expect.stringContaining('overdue') as unknown });
    expect(r.s.deadlines.legalReview).toMatchObject({ state: 'OPEN', startAt: expect.any(String) as unknown });
    expect(Date.parse(r.s.deadlines.legalReview!.dueAt)).toBeGreaterThan(Date.parse(first.dueAt));
    expect(r.s.flags).not.toContain('OVERDUE');
    expect(rejected(r.try(C.legalReview(), R)).code).toBe('LEGAL_REVIEW.NOT_ASSIGNED_REVIEWER');
    r.exec(C.legalReview('APPROVE'), R2);
    expect(r.status).toBe('LEGAL_REVIEW_PASSED');
  });

  it('only while pending', () => {
    expect(rejected(scenario('LEGAL_REVIEW_PASSED').try(C.reassignLegalReview(), H)).code).toBe('CASE.TRANSITION_NOT_ALLOWED');
    expect(rejected(scenario('HEARING_HELD').try(C.reassignLegalReview(), H)).code).toBe('CASE.TRANSITION_NOT_ALLOWED');
  });

  it('a reviewer ever named, even reassigned away, never becomes one of the case’s officers', () => {
    const reviewerOfficer = { ...people.reviewerOfficer, certificates: [cert('FS-2025-0002', { scope: 'LEGAL_REVIEW' })] };
    const r = heard(150000);
    r.exec(C.requestLegalReview(reviewerOfficer), A);
    r.exec(C.reassignLegalReview(), H);
    const refused = rejected(r.try(C.recuse(B.userId, reviewerOfficer), H));
    expect(refused).toMatchObject({ status: 422, code: 'RECUSAL.REPLACEMENT_CONFLICT' });
    expect(refused.reason).toContain('legal reviewer');
  });
});

describe('the opinions and where they send the case', () => {
  it('RETURN needs points and where the case goes; it goes back to FILED with both recorded', () => {
    const r = heard(150000);
    r.exec(C.requestLegalReview(), A);
    expect(rejected(r.try({ type: 'RECORD_LEGAL_REVIEW', opinion: 'RETURN', text: 'revise', returnTo: 'PROPOSAL' }, R)).code).toBe('VALIDATION.FAILED');
    expect(rejected(r.try({ type: 'RECORD_LEGAL_REVIEW', opinion: 'RETURN', text: 'revise', points: ['x'] }, R)).code).toBe('VALIDATION.FAILED');
    expect(rejected(r.try({ type: 'RECORD_LEGAL_REVIEW', opinion: 'APPROVE', text: 'ok', returnTo: 'PROPOSAL' }, R)).code).toBe('VALIDATION.FAILED');
    expect(legacy(r, { type: 'RECORD_LEGAL_REVIEW', opinion: 'RETURN', text: 'revise' }, R).ok).toBe(true);
    r.exec({ type: 'RECORD_LEGAL_REVIEW', opinion: 'RETURN', text: 'revise', points: ['fine exceeds the benchmark'], returnTo: 'PROPOSAL' }, R);
    expect(r.status).toBe('FILED');
    expect(r.s.legalReview).toMatchObject({ opinion: 'RETURN', points: ['fine exceeds the benchmark'], returnTo: 'PROPOSAL' });
    expect(r.s.deadlines.legalReview?.state).toBe('MET');
    // A new proposal is a new report: reviewed, noticed and legally reviewed again.
    r.exec(C.report({ proposedPenalty: { kinds: ['FINE'], fineAmount: 120000 } }), A);
    expect(r.s.legalReview).toBeUndefined();
    expect(r.s.legalReviewers?.map((x) => x.userId)).toEqual([R.userId]);
  });

  it('REJECT sends the case back to FILED too', () => {
    const r = heard(150000);
    r.exec(C.requestLegalReview(), A);
    r.exec(C.legalReview('REJECT'), R);
    expect(r.status).toBe('FILED');
  });

  it('an approval counts only for the report it reviewed', () => {
    const r = scenario('LEGAL_REVIEW_PASSED', policyWith({ afterHearing: true }));
    expect(preDecisionRequirements(r.s).find((x) => x.step === 'legal-review')?.met).toBe(true);
    const changed = { ...r.s, report: { ...r.s.report!, submittedAt: new Date(Date.parse(r.s.legalReview!.reviewedAt!) + 1).toISOString() } };
    expect(preDecisionRequirements(changed).find((x) => x.step === 'legal-review')?.met).toBe(false);
    // Before the rule, any approval counted.
    expect(preDecisionRequirements(changed, { rulesBefore: 'legal-review-assignment' }).find((x) => x.step === 'legal-review')).toBeUndefined();
  });
});

describe('collective discussion: attendees and quorum from policy (APL 57)', () => {
  const ready = (policy: JurisdictionPolicy) => {
    const r = heard(150000, policy);
    r.exec(C.requestLegalReview(), A);
    r.exec(C.legalReview('APPROVE'), R);
    return r;
  };
  const third = person('u-head-3', '李副局长', ['AGENCY_HEAD']);

  it('without a policy rule: at least 2 heads of the agency', () => {
    const r = ready(reviewPolicy());
    expect(rejected(r.try({ ...C.collective(r.now), attendees: [H] }, H)).code).toBe('COLLECTIVE.QUORUM_NOT_MET');
    expect(rejected(r.try({ ...C.collective(r.now), attendees: [H, R] }, H)).code).toBe('COLLECTIVE.ATTENDEE_NOT_HEAD');
    expect(r.try(C.collective(r.now), H).ok).toBe(true);
  });

  it('the policy’s quorum and roles; never fewer than 2', () => {
    const three = ready(policyWith({}, { collectiveDiscussion: { minAttendees: 3, roles: ['AGENCY_HEAD', 'LEGAL_REVIEWER'], source: 'local rule' } }));
    const q = rejected(three.try(C.collective(three.now), H));
    expect(q).toMatchObject({ status: 422, code: 'COLLECTIVE.QUORUM_NOT_MET' });
    expect(q.reason).toContain('at least 3');
    expect(three.try({ ...C.collective(three.now), attendees: [H, D, R] }, H).ok).toBe(true);
    expect(rejected(three.try({ ...C.collective(three.now), attendees: [H, D, A] }, H)).code).toBe('COLLECTIVE.ATTENDEE_NOT_HEAD');
    expect(three.try({ ...C.collective(three.now), attendees: [H, D, third] }, H).ok).toBe(true);
    // Under the old rules: two heads were enough.
    expect(legacy(three, C.collective(three.now), H).ok).toBe(true);

    const one = ready(policyWith({}, { collectiveDiscussion: { minAttendees: 1, roles: ['AGENCY_HEAD'], source: 'local rule' } }));
    expect(rejected(one.try({ ...C.collective(one.now), attendees: [H] }, H)).code).toBe('COLLECTIVE.QUORUM_NOT_MET');
  });

  it('required with legal review unless the policy says otherwise', () => {
    const apart = policyWith({}, { collectiveDiscussion: { minAttendees: 2, roles: ['AGENCY_HEAD'], source: 'local rule', requiredWithLegalReview: false } });
    const r = ready(apart);
    expect(r.s.reviewGrounds?.collectiveDiscussion).toEqual([]);
    expect(r.try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 150000 } }), H).ok).toBe(true);
    const msa = ready(reviewPolicy());
    expect(rejected(msa.try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 150000 } }), H)).errors?.map((e) => e.field)).toEqual(['collective-discussion']);
  });
});

describe('person thresholds end to end', () => {
  it('¥10,000 for a person decides; ¥10,000.01 needs the review by the named reviewer', () => {
    expect(heard(10000, reviewPolicy(), personCase).try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 10000 } }), H).ok).toBe(true);
    const r = heard(10000.01, reviewPolicy(), personCase);
    expect(rejected(r.try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 10000.01 } }), H)).code).toBe('CASE.PRE_DECISION_STEP_MISSING');
  });
});
