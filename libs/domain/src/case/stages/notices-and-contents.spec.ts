import { commands as C, DAY, people, plus, scenario, SYSTEM, type CaseRunner } from '../../testing/case-fixtures';
import { testPolicy } from '../../testing/test-policy';
import type { CaseCommand } from '../case-commands';
import { decide, type DecideResult } from '../decide';
import { evolve } from '../evolve';
import type { RuleChange } from '../rule-changes';

// The notice a head approves, a heavier penalty notified again, the case-review
// limit, the hearing notice counted from its service, and the decision's APL 59
// contents. Each holds for every new command; history recorded before its rule
// change replays as it ran.

const { officerA: A, head: H, reviewer: R } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error('expected a rejection');
  return d.rejection;
}

function replayed(r: CaseRunner, command: CaseCommand, actor: Parameters<CaseRunner['try']>[1], before: RuleChange): DecideResult {
  return decide(r.state, command, { ...r.ctx(actor), rulesBefore: before });
}

/** Apply a replayed command's events, as the workflow does while it replays. */
function fold(r: CaseRunner, d: DecideResult): void {
  if (!d.ok) throw new Error(`${d.rejection.code}: ${d.rejection.reason}`);
  for (const e of d.events) r.state = evolve(r.state, e, { at: r.now, policy: r.policy });
}

describe('the pre-decision notice is approved by a head (domain spec §2 step 6)', () => {
  it('is served only after a head approved it; the refusal names the missing step', () => {
    const r = scenario('CASE_REVIEWED');
    const refused = rejected(r.try(C.notice(r.now), A));
    expect(refused).toMatchObject({ status: 409, code: 'CASE.PRE_DECISION_STEP_MISSING' });
    expect(refused.errors?.map((e) => e.field)).toEqual(['notice-approval']);
    expect(refused.allowedActions).not.toContain('notice');
    r.exec(C.approveNotice(), H);
    expect(r.s.noticeApproval).toMatchObject({ approvedBy: { userId: H.userId }, comments: '同意告知' });
    expect(r.status).toBe('CASE_REVIEWED');
    expect(r.try(C.notice(r.now), A).ok).toBe(true);
  });

  it('is approved by a head only, once, after the review, and only for a proposed penalty', () => {
    const r = scenario('INVESTIGATION_REPORTED');
    expect(rejected(r.try(C.approveNotice(), H)).errors?.map((e) => e.field)).toEqual(['case-review']);
    r.exec(C.review(), R);
    expect(rejected(r.try(C.approveNotice(), A))).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
    expect(rejected(r.try(C.approveNotice(), people.auxiliaryHead))).toMatchObject({ status: 403, code: 'CASE.AUXILIARY_CANNOT_DECIDE' });
    r.exec(C.approveNotice(), H);
    expect(rejected(r.try(C.approveNotice(), people.deputyHead))).toMatchObject({ status: 409, code: 'NOTICE.ALREADY_APPROVED' });

    const none = scenario('FILED');
    none.exec(C.report({ proposedOutcome: 'NO_PENALTY', proposedPenalty: undefined }), A);
    none.exec(C.review(), R);
    expect(rejected(none.try(C.approveNotice(), H))).toMatchObject({ status: 409, code: 'NOTICE.NOT_REQUIRED' });
  });

  it('history from before the approval step replays: a notice served without one, and the decision after it', () => {
    const r = scenario('CASE_REVIEWED');
    fold(r, replayed(r, C.notice(r.now), A, 'notice-approval'));
    expect(r.status).toBe('NOTICE_SERVED');
    // A running case whose notice was served before approvals were recorded is not trapped: the notice stands for its approval.
    r.exec(C.defence({ hearingWaived: true }), A);
    expect(r.try(C.decide(), H).ok).toBe(true);
  });
});

describe('a heavier penalty is notified again (APL 44, 45, 62)', () => {
  /** Notice of the standard ¥50,000 served; the party lets both windows lapse. */
  function noticedAndLapsed(): CaseRunner {
    const r = scenario('NOTICE_SERVED');
    r.at(r.s.deadlines.hearingRequest!.dueAt);
    r.exec(C.escalation('defence'), SYSTEM);
    r.exec(C.escalation('hearingRequest'), SYSTEM);
    return r;
  }
  const heavier = { kinds: ['FINE' as const, 'CONFISCATION' as const], fineAmount: 60_000, confiscationAmount: 2000, terms: '没收违法所得' };

  it('a head sends the case back; a new report, review, approval, notice and windows lead to the heavier decision', () => {
    const r = noticedAndLapsed();
    expect(rejected(r.try(C.decide({ penalty: heavier }), H)).code).toBe('DECISION.HEAVIER_THAN_NOTICE');
    expect(rejected(r.try(C.reopen(), A)).code).toBe('AUTH.ROLE_NOT_ALLOWED');
    r.exec(C.reopen(), H);
    expect(r.status).toBe('FILED');
    expect(r.s.reopenings).toEqual([expect.objectContaining({ reopenedBy: { userId: H.userId, name: H.name }, defended: false, notifiedPenalty: expect.objectContaining({ fineAmount: 50_000 }) })]);
    expect(rejected(r.try(C.decide({ penalty: heavier }), H)).code).toBe('CASE.TRANSITION_NOT_ALLOWED');

    // The party never defended: a heavier proposal needs no new evidence, but a whole new notice and window.
    r.exec(C.report({ proposedPenalty: heavier }), A);
    expect(r.s.notice).toBeUndefined();
    expect(r.s.noticeApproval).toBeUndefined();
    expect(rejected(r.try(C.decide({ penalty: heavier }), H)).errors?.map((e) => e.field)).toEqual(['case-review', 'notice-approval', 'notice', 'defence']);
    r.exec(C.review(), R);
    r.exec(C.approveNotice(), H);
    r.exec(C.notice(r.now, { noticeNumber: '长市监罚告〔2026〕101-2号' }), A);
    expect(r.s.deadlines.defence?.state).toBe('OPEN');
    expect(r.s.deadlines.hearingRequest?.state).toBe('OPEN');
    r.exec(C.defence({ hearingWaived: true }), A);
    expect(r.try(C.decide({ penalty: heavier }), H).ok).toBe(true);
  });

  it('ends the windows of the superseded notice', () => {
    const r = scenario('NOTICE_SERVED');
    r.exec(C.reopen(), H);
    expect(r.s.deadlines.defence?.state).toBe('CANCELLED');
    expect(r.s.deadlines.hearingRequest?.state).toBe('CANCELLED');
  });

  it('is not reopened while a hearing or a legal review is pending', () => {
    for (const name of ['HEARING_REQUESTED', 'HEARING_SCHEDULED', 'LEGAL_REVIEW_PENDING'] as const) {
      expect(rejected(scenario(name).try(C.reopen(), H)).code).toBe('CASE.TRANSITION_NOT_ALLOWED');
    }
  });

  it('never because the party defended itself: a heavier proposal after a defence rests on evidence recorded since (APL 45)', () => {
    const r = scenario('DEFENCE_RECORDED');
    r.exec(C.reopen(), H);
    expect(r.s.reopenings?.[0].defended).toBe(true);
    const refused = rejected(r.try(C.report({ proposedPenalty: heavier }), A));
    expect(refused).toMatchObject({ status: 422, code: 'REPORT.HEAVIER_AFTER_DEFENCE' });
    expect(refused.reason).toContain('fine ¥60,000 exceeds the ¥50,000');
    // The same or a lighter penalty needs nothing new.
    expect(r.try(C.report(), A).ok).toBe(true);
    expect(r.try(C.report({ proposedPenalty: { kinds: ['FINE'], fineAmount: 50_000 } }), A).ok).toBe(true);
    r.exec(C.evidence(2, r.now), A);
    expect(r.try(C.report({ proposedPenalty: heavier }), A).ok).toBe(true);
  });
});

describe('the case-review limit (MSA 49–55; policy)', () => {
  it('runs from the report and is met by the review', () => {
    const r = scenario('INVESTIGATION_REPORTED');
    const d = r.s.deadlines.caseReview!;
    expect(d).toMatchObject({ owner: 'AGENCY', state: 'OPEN', startAt: r.s.report!.submittedAt });
    expect(d.basis.source).toBe(r.policy.deadlines.caseReview.source);
    r.exec(C.review(), R);
    expect(r.s.deadlines.caseReview?.state).toBe('MET');
  });

  it('missed, it makes the case overdue until the review is recorded', () => {
    const r = scenario('INVESTIGATION_REPORTED');
    r.at(plus(r.s.deadlines.caseReview!.dueAt, 1000));
    r.exec(C.escalation('caseReview'), SYSTEM);
    expect(r.s.deadlines.caseReview?.state).toBe('MISSED');
    expect(r.s.flags).toContain('OVERDUE');
    r.exec(C.review(), R);
    expect(r.s.deadlines.caseReview).toMatchObject({ state: 'MET', late: true });
    expect(r.s.flags).not.toContain('OVERDUE');
  });

  it('is cancelled when the head sends the report back, and runs again from the next report', () => {
    const r = scenario('INVESTIGATION_REPORTED');
    r.exec(C.reopen(), H);
    expect(r.s.deadlines.caseReview?.state).toBe('CANCELLED');
    r.exec(C.report(), A);
    expect(r.s.deadlines.caseReview).toMatchObject({ state: 'OPEN', startAt: r.s.report!.submittedAt });
  });

  it('is not armed for a report recorded before the rule change', () => {
    const r = scenario('FILED');
    fold(r, replayed(r, C.report(), A, 'notice-approval'));
    expect(r.s.deadlines.caseReview).toBeUndefined();
  });
});

describe('the hearing notice period counts from its service (APL 64)', () => {
  it('refuses a hearing fewer than 7 working days after the party received the notice, however early it was recorded', () => {
    const r = scenario('HEARING_REQUESTED');
    // Posted now, received 4 days later: the 7 WD run from receipt.
    const received = plus(r.now, 4 * DAY);
    r.at(plus(received, 1000));
    const postal = (hearingAt: string) => ({
      ...C.scheduleHearing(received, hearingAt),
      noticeService: { method: 'POSTAL' as const, servedAt: received, recipient: '蒋某', proof: 'EMS 1190000000' },
    });
    const tooSoon = rejected(r.try(postal(plus(received, 8 * DAY)), A));
    expect(tooSoon).toMatchObject({ status: 422, code: 'HEARING.NOTICE_TOO_SHORT' });
    expect(tooSoon.reason).toContain('after the hearing notice was served');
    r.exec(postal(plus(received, 14 * DAY)), A);
    expect(r.s.hearing?.noticeService).toMatchObject({ method: 'POSTAL', deemedServedAt: received, servedBy: { userId: A.userId } });
  });

  it('needs the service of the hearing notice, lawfully made', () => {
    const r = scenario('HEARING_REQUESTED');
    const without = { ...C.scheduleHearing(r.now, plus(r.now, 20 * DAY)), noticeService: undefined };
    const missing = rejected(r.try(without, A));
    expect(missing).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    expect(missing.errors?.map((e) => e.field)).toContain('noticeService');
    const electronic = { ...C.scheduleHearing(r.now, plus(r.now, 20 * DAY)), noticeService: { method: 'ELECTRONIC' as const, servedAt: r.now, recipient: 'x', proof: 'log' } };
    expect(rejected(r.try(electronic, A)).code).toBe('SERVICE.CONSENT_REQUIRED');
    const early = C.scheduleHearing(plus(r.s.hearing!.requestedAt, -DAY), plus(r.now, 20 * DAY));
    expect(rejected(r.try(early, A)).errors?.map((e) => e.field)).toEqual(['noticeService.servedAt']);
    // Replayed history from before the rule counted from when the hearing was scheduled.
    expect(replayed(r, without, A, 'notice-approval').ok).toBe(true);
  });
});

describe('the decision states what APL 59 requires, built from the case', () => {
  it('records the party, facts, evidence relied on, legal basis, penalty, performance and remedy', () => {
    const r = scenario('DECIDED');
    const c = r.s.decision!.contents!;
    expect(c).toMatchObject({
      agency: r.policy.jurisdiction,
      decidedOn: '2026-03-02',
      party: { name: '长治市某食品有限公司', creditCode: '91140400MA0XXXXX1X', address: '长治市某区某路1号' },
      facts: expect.stringContaining('without a licence'),
      evidence: [{ evidenceId: 'ev-1', title: '现场检查笔录 1', kind: 'ON_SITE_RECORD' }],
      legalBasis: '《食品安全法》第一百二十二条',
      penalty: { fineAmount: 50_000 },
      amountDue: 52_000,
      performance: { within: { days: r.policy.deadlines.payment.days, source: r.policy.deadlines.payment.source } },
      remedy: {
        reconsiderationBody: '长治市人民政府',
        reconsiderationDays: 60,
        reconsiderationSource: '《行政复议法》第二十条',
        litigationMonths: 6,
        litigationSource: '《行政诉讼法》第四十六条',
      },
    });
  });

  it('refuses a penalty decision missing any of them, field by field', () => {
    const r = scenario('DEFENCE_RECORDED');
    r.exec({ type: 'WAIVE_HEARING', waivedAt: r.now }, A);
    const bare = rejected(
      r.try(C.decide({ legalBasis: undefined, facts: undefined, evidenceIds: undefined, performance: undefined, remedy: undefined }), H),
    );
    expect(bare).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    expect(bare.errors?.map((e) => e.field).sort()).toEqual(['evidenceIds', 'facts', 'legalBasis', 'performance', 'remedy'].sort());
    expect(rejected(r.try(C.decide({ evidenceIds: [] }), H)).errors?.map((e) => e.field)).toEqual(['evidenceIds']);
    expect(rejected(r.try(C.decide({ remedy: { reconsiderationBody: '长治市人民政府', court: '' } }), H)).errors?.map((e) => e.field)).toEqual(['remedy.court']);
    expect(rejected(r.try(C.decide({ evidenceIds: ['ev-1', 'ev-404'] }), H))).toMatchObject({ status: 422, code: 'DECISION.EVIDENCE_UNKNOWN' });
    // A finding of no penalty states facts, basis and remedy, but has nothing to perform.
    const none = scenario('FILED');
    none.exec(C.report({ proposedOutcome: 'NO_PENALTY', proposedPenalty: undefined }), A);
    none.exec(C.review(), R);
    expect(none.try(C.decide({ outcome: 'NO_PENALTY', penalty: undefined, performance: undefined, evidenceIds: [] }), H).ok).toBe(true);
    expect(rejected(none.try(C.decide({ outcome: 'NO_PENALTY', penalty: undefined, remedy: undefined }), H)).errors?.map((e) => e.field)).toEqual(['remedy']);
    // History from before the rule replays with a bare decision.
    expect(replayed(r, C.decide({ facts: undefined, evidenceIds: undefined, performance: undefined, remedy: undefined }), H, 'decision-contents').ok).toBe(true);
  });
});

describe('the steps owed come from what is decided, not only from what was proposed (APL 57, 58, 63)', () => {
  it('a decision whose own assessment needs a legal review and a discussion the proposal did not, waits for them', () => {
    // A policy that sends every warning to legal review: the decision adds a warning to the notified fine.
    const base = testPolicy();
    const policy = { ...base, legalReview: { ...base.legalReview, alwaysFor: [...base.legalReview.alwaysFor, 'WARNING'] } };
    const r = scenario('DEFENCE_RECORDED', policy);
    r.exec({ type: 'WAIVE_HEARING', waivedAt: r.now }, A);
    const withWarning = C.decide({ penalty: { ...r.s.report!.proposedPenalty!, kinds: ['WARNING', ...r.s.report!.proposedPenalty!.kinds] } });
    const refused = rejected(r.try(withWarning, H));
    // What is decided asks for more than the case went through: content (422), while the decision action stays allowed.
    expect(refused).toMatchObject({ status: 422, code: 'DECISION.STEPS_OWED' });
    expect(refused.errors?.map((e) => e.field)).toEqual(['legal-review', 'collective-discussion']);
    expect(r.try(C.decide(), H).ok).toBe(true);
    expect(replayed(r, withWarning, H, 'decision-contents').ok).toBe(true);
  });
});

describe('the review limits stop while the case is suspended (中止)', () => {
  it('the case-review limit is suspended with the case and resumes later by the suspended time', () => {
    const r = scenario('INVESTIGATION_REPORTED');
    const before = r.s.deadlines.caseReview!.dueAt;
    r.exec(C.suspend(), H, 10 * DAY);
    expect(r.s.deadlines.caseReview?.state).toBe('SUSPENDED');
    r.exec(C.resume(), H);
    expect(r.s.deadlines.caseReview?.state).toBe('OPEN');
    expect(Date.parse(r.s.deadlines.caseReview!.dueAt)).toBeGreaterThan(Date.parse(before));
  });

  it('so does the legal-review limit', () => {
    const r = scenario('LEGAL_REVIEW_PENDING');
    const before = r.s.deadlines.legalReview?.dueAt;
    expect(before).toBeDefined();
    r.exec(C.suspend(), H, 10 * DAY);
    expect(r.s.deadlines.legalReview?.state).toBe('SUSPENDED');
    r.exec(C.resume(), H);
    expect(r.s.deadlines.legalReview?.state).toBe('OPEN');
    expect(Date.parse(r.s.deadlines.legalReview!.dueAt)).toBeGreaterThan(Date.parse(before!));
  });
});

describe('a requested hearing the party withdraws, or does not attend, ends as a waiver (APL 64 (8))', () => {
  it('withdrawn before it is held: the pause closes, the case goes on from the notice, no new request', () => {
    const r = scenario('HEARING_REQUESTED');
    expect(rejected(r.try(C.decide(), H)).code).toBe('CASE.HEARING_PENDING');
    r.exec({ type: 'END_HEARING', reason: 'WITHDRAWN', at: r.now, note: '当事人书面撤回听证申请' }, A);
    expect(r.status).toBe('NOTICE_SERVED');
    expect(r.s.hearing).toMatchObject({ endReason: 'WITHDRAWN', endedAt: expect.any(String) });
    expect(r.s.pauses.find((p) => p.reason === 'HEARING')?.to).toBeDefined();
    expect(rejected(r.try(C.requestHearing(r.now), A)).code).toBe('HEARING.WAIVED');
    expect(r.try(C.decide(), H).ok).toBe(true);
  });

  it('absent or gone only once the hearing has begun; the host may record it', () => {
    const r = scenario('HEARING_SCHEDULED');
    const hearingAt = r.s.hearing!.hearingAt!;
    const early = rejected(r.try({ type: 'END_HEARING', reason: 'ABSENT', at: r.now, note: '未到场' }, people.host));
    expect(early).toMatchObject({ status: 422, code: 'HEARING.NOT_YET_DUE' });
    r.at(plus(hearingAt, 3_600_000));
    r.exec({ type: 'END_HEARING', reason: 'ABSENT', at: plus(hearingAt, 1_800_000), note: '当事人无正当理由拒不出席, 视为放弃听证' }, people.host);
    expect(r.status).toBe('NOTICE_SERVED');
    expect(r.try(C.decide(), H).ok).toBe(true);
  });

  it('refuses an ending dated before the request, or without its record', () => {
    const r = scenario('HEARING_REQUESTED');
    const before = rejected(r.try({ type: 'END_HEARING', reason: 'WITHDRAWN', at: plus(r.s.hearing!.requestedAt, -1000), note: 'x' }, A));
    expect(before.errors?.map((e) => e.field)).toEqual(['at']);
    expect(rejected(r.try({ type: 'END_HEARING', reason: 'WITHDRAWN', at: r.now, note: '' }, A)).errors?.map((e) => e.field)).toEqual(['note']);
  });
});

describe('a hearing is held on the day the party was summoned to (APL 64)', () => {
  it('not before it; history from before the rule replays as it ran', () => {
    const r = scenario('HEARING_SCHEDULED');
    const hearingAt = r.s.hearing!.hearingAt!;
    const early = rejected(r.try(C.holdHearing(r.now), people.host));
    expect(early).toMatchObject({ status: 422, code: 'HEARING.BEFORE_SCHEDULED' });
    expect(replayed(r, C.holdHearing(r.now), people.host, 'notice-approval').ok).toBe(true);
    r.at(plus(hearingAt, 3_600_000));
    expect(r.try(C.holdHearing(plus(hearingAt, 1_800_000)), people.host).ok).toBe(true);
  });

  it('may be scheduled after the fact, as long as the hearing notice came in time', () => {
    const r = scenario('HEARING_REQUESTED');
    const requested = r.s.hearing!.requestedAt;
    r.at(plus(requested, 30 * DAY));
    // Noticed the day after the request, heard 20 days later, entered today.
    const late = C.scheduleHearing(plus(requested, DAY), plus(requested, 21 * DAY));
    expect(r.try(late, A).ok).toBe(true);
    expect(rejected(r.try(C.scheduleHearing(plus(requested, DAY), plus(requested, 3 * DAY)), A)).code).toBe('HEARING.NOTICE_TOO_SHORT');
  });
});

describe('a term penalty states its term, and the decision may not lengthen it unnotified (APL 44, 62)', () => {
  const suspension = (termDays?: number) => ({ kinds: ['FINE' as const, 'LICENCE_SUSPENSION' as const], fineAmount: 50_000, ...(termDays !== undefined ? { termDays } : {}) });

  it('the report and the decision give the term in days', () => {
    const r = scenario('FILED');
    const missing = rejected(r.try(C.report({ proposedPenalty: suspension() }), A));
    expect(missing.errors?.map((e) => e.field)).toEqual(['proposedPenalty.termDays']);
    const stray = rejected(r.try(C.report({ proposedPenalty: { kinds: ['FINE'], fineAmount: 50_000, termDays: 10 } }), A));
    expect(stray.errors?.map((e) => e.field)).toEqual(['proposedPenalty.termDays']);
    // History from before the rule replays with a term penalty stated in words only.
    expect(replayed(r, C.report({ proposedPenalty: suspension() }), A, 'decision-contents').ok).toBe(true);
  });

  it('a longer term than notified is heavier: a new notice is needed; the same or a shorter term is decided', () => {
    const r = scenario('FILED');
    r.exec(C.report({ proposedPenalty: suspension(30), circumstanceLevel: 'LIGHTER', discretionReasons: '初次违法' }), A);
    r.exec(C.review(), R);
    r.exec(C.approveNotice(), H);
    r.exec(C.notice(r.now), A);
    r.exec(C.defence({ waived: true, hearingWaived: true }), A);
    const longer = rejected(r.try(C.decide({ penalty: suspension(31) }), H));
    expect(longer).toMatchObject({ status: 422, code: 'DECISION.HEAVIER_THAN_NOTICE' });
    expect(longer.reason).toContain('a term of 31 days exceeds the 30 days');
    expect(r.try(C.decide({ penalty: suspension(20) }), H).ok).toBe(true);
  });
});
