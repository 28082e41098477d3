import { cert, commands as C, DAY, people, person, plus, scenario, standardPenalty, type CaseRunner } from '../../testing/case-fixtures';
import type { CaseCommand } from '../case-commands';
import { decide, type DecideResult } from '../decide';
import { evolve } from '../evolve';

// Rules that judge a decision on what is decided and keep the people who judge
// a case apart from those who investigate it. Each holds for every new
// command; `rulesBefore` (set only when the workflow replays history recorded
// before them) judges as before, so old history replays unchanged.

const { officerA: A, officerB: B, head: H, deputyHead: D, reviewer: R } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error('expected a rejection');
  return d.rejection;
}

function legacy(r: CaseRunner, command: CaseCommand, actor = H): DecideResult {
  return decide(r.state, command, { ...r.ctx(actor), rulesBefore: 'lawful-decisions' });
}

/** Filed with no evidence, reported with the given findings. */
function reportedWithoutEvidence(over: Parameters<typeof C.report>[0]): CaseRunner {
  const r = scenario('LEAD_REGISTERED');
  r.exec(C.approveFiling(), H);
  r.exec(C.report(over), A);
  r.exec(C.review(), R);
  return r;
}

describe('a penalty rests on the investigation (APL 40)', () => {
  it('needs recorded evidence, whatever the report proposed', () => {
    const r = reportedWithoutEvidence({ proposedOutcome: 'NO_PENALTY', proposedPenalty: undefined });
    const refused = rejected(r.try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 1_000_000 } }), H));
    expect(refused).toMatchObject({ status: 422, code: 'CASE.EVIDENCE_REQUIRED' });
    expect(r.try(C.decide({ outcome: 'NO_PENALTY', penalty: undefined, evidenceIds: [] }), H).ok).toBe(true);
    expect(legacy(r, C.decide({ penalty: { kinds: ['FINE'], fineAmount: 1_000_000 } })).ok).toBe(true);
  });

  it.each(['NO_PENALTY', 'DISMISS'] as const)('is refused when the report found %s', (proposedOutcome) => {
    const r = scenario('FILED');
    r.exec(C.report({ proposedOutcome, proposedPenalty: undefined }), A);
    r.exec(C.review(), R);
    expect(rejected(r.try(C.decide(), H))).toMatchObject({ status: 422, code: 'DECISION.CONTRARY_TO_REPORT' });
    expect(r.try(C.decide({ outcome: proposedOutcome, penalty: undefined }), H).ok).toBe(true);
  });

  it('is refused when the report found the party exempt; an exempt report proposes no penalty', () => {
    const r = scenario('FILED');
    expect(rejected(r.try(C.report({ circumstanceLevel: 'EXEMPT' }), A))).toMatchObject({ status: 422, code: 'REPORT.EXEMPT_WITH_PENALTY' });
    expect(legacy(r, C.report({ circumstanceLevel: 'EXEMPT' }), A).ok).toBe(true);
    r.exec(C.report({ circumstanceLevel: 'EXEMPT', proposedOutcome: 'NO_PENALTY', proposedPenalty: undefined }), A);
    r.exec(C.review(), R);
    expect(rejected(r.try(C.decide(), H)).code).toBe('DECISION.CONTRARY_TO_REPORT');
    expect(legacy(r, C.decide()).ok).toBe(true);
  });
});

describe('a report that departs from the general benchmark says why (APL 32–34)', () => {
  it.each(['EXEMPT', 'MITIGATED', 'LIGHTER', 'HEAVIER'] as const)('%s without discretion reasons is refused; with them accepted', (level) => {
    const r = scenario('FILED');
    // A fine in each level's range of the test policy's benchmark (art 122, goods < ¥10,000); MITIGATED below its minimum.
    const fine = { MITIGATED: 30_000, LIGHTER: 50_000, HEAVIER: 90_000 };
    const over =
      level === 'EXEMPT' ? { proposedOutcome: 'NO_PENALTY' as const, proposedPenalty: undefined } : { proposedPenalty: { kinds: ['FINE' as const], fineAmount: fine[level] } };
    const bare = rejected(r.try(C.report({ ...over, circumstanceLevel: level, discretionReasons: undefined }), A));
    expect(bare).toMatchObject({ status: 422, code: 'REPORT.DISCRETION_REASONS_REQUIRED' });
    expect(rejected(r.try(C.report({ ...over, circumstanceLevel: level, discretionReasons: '  ' }), A)).code).toBe('VALIDATION.FAILED');
    expect(legacy(r, C.report({ ...over, circumstanceLevel: level, discretionReasons: undefined }), A).ok).toBe(true);
    expect(r.try(C.report({ ...over, circumstanceLevel: level, discretionReasons: 'first violation, corrected at once' }), A).ok).toBe(true);
  });

  it('the general level needs none', () => {
    expect(scenario('FILED').try(C.report({ circumstanceLevel: 'GENERAL', proposedPenalty: { kinds: ['FINE'], fineAmount: 70_000 }, discretionReasons: undefined }), A).ok).toBe(true);
  });
});

describe('no penalty heavier than the notice the party was heard on (APL 44, 45, 62)', () => {
  function waived(): CaseRunner {
    const r = scenario('NOTICE_SERVED');
    r.exec({ type: 'RECORD_DEFENCE', waived: true, hearingWaived: true }, A);
    return r;
  }

  it('refuses a higher fine, a higher confiscation or an added kind without a new notice, though the party did not defend', () => {
    const r = waived();
    const higher = rejected(r.try(C.decide({ penalty: { ...standardPenalty, fineAmount: 50_000.01 } }), H));
    expect(higher).toMatchObject({ status: 422, code: 'DECISION.HEAVIER_THAN_NOTICE' });
    expect(higher.reason).toContain('¥50,000.01');
    expect(rejected(r.try(C.decide({ penalty: { ...standardPenalty, confiscationAmount: 2001 } }), H)).code).toBe('DECISION.HEAVIER_THAN_NOTICE');
    const added = rejected(r.try(C.decide({ penalty: { ...standardPenalty, kinds: [...standardPenalty.kinds, 'LICENCE_REVOCATION'] } }), H));
    expect(added.code).toBe('DECISION.HEAVIER_THAN_NOTICE');
    expect(legacy(r, C.decide({ penalty: { ...standardPenalty, fineAmount: 90_000 } })).ok).toBe(true);
  });

  it('accepts the notified penalty exactly, or a lighter one', () => {
    expect(waived().try(C.decide(), H).ok).toBe(true);
    // Lighter: the confiscation dropped (the fine is already art 122's minimum; below it see discretion.spec.ts).
    expect(waived().try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 50_000 } }), H).ok).toBe(true);
  });

  it('keeps APL 45 as its own refusal once the party defended', () => {
    const r = scenario('NOTICE_SERVED');
    r.exec(C.defence({ hearingWaived: true }), A);
    expect(rejected(r.try(C.decide({ penalty: { ...standardPenalty, fineAmount: 60_000 } }), H)).code).toBe('DECISION.HEAVIER_AFTER_DEFENCE');
  });
});

describe('the hearing-request window is the party\'s own (APL 64)', () => {
  it('a defence does not end it: the party may still ask for a hearing, and nothing waits on it meanwhile', () => {
    const r = scenario('NOTICE_SERVED');
    r.exec(C.defence(), A);
    expect(r.s.deadlines.defence?.state).toBe('MET');
    expect(r.s.deadlines.hearingRequest).toMatchObject({ state: 'OPEN', basis: { source: 'APL 64 (the defence period of the policy)' } });
    expect(rejected(r.try(C.decide(), H))).toMatchObject({ status: 409, code: 'CASE.HEARING_WINDOW_RUNNING' });
    expect(rejected(r.try(C.requestLegalReview(), A)).code).toBe('CASE.HEARING_WINDOW_RUNNING');
    r.at(plus(r.now, 2 * DAY));
    r.exec(C.requestHearing(r.now), A);
    expect(r.status).toBe('HEARING_REQUESTED');
    expect(r.s.deadlines.hearingRequest?.state).toBe('MET');
  });

  it('a waiver of the hearing ends it; a hearing is then not requested', () => {
    const r = scenario('NOTICE_SERVED');
    r.exec(C.defence({ hearingWaived: true }), A);
    expect(r.s.deadlines.hearingRequest?.state).toBe('MET');
    expect(r.s.defence?.hearingWaived).toBe(true);
    expect(rejected(r.try(C.requestHearing(r.now), A))).toMatchObject({ status: 409, code: 'HEARING.WAIVED' });
    expect(r.try(C.decide(), H).ok).toBe(true);
  });

  it('the party may waive its hearing after its defence; then the decision is free, a hearing no longer requested', () => {
    const r = scenario('NOTICE_SERVED');
    r.exec(C.defence(), A);
    const waivedAt = r.now;
    r.exec({ type: 'WAIVE_HEARING', waivedAt }, A);
    expect(r.s.hearingWaiver).toEqual({ at: waivedAt });
    expect(r.s.deadlines.hearingRequest?.state).toBe('MET');
    expect(rejected(r.try(C.requestHearing(r.now), A)).code).toBe('HEARING.WAIVED');
    expect(rejected(r.try({ type: 'WAIVE_HEARING', waivedAt: r.now }, A))).toMatchObject({ status: 409, code: 'HEARING.NO_WINDOW' });
    expect(r.try(C.decide(), H).ok).toBe(true);
  });

  it('is armed only where a hearing is offered', () => {
    const r = scenario('FILED');
    // A warning alone where art 122 imposes a fine is 减轻 (MITIGATED, with the fixture's reasons).
    r.exec(C.report({ proposedPenalty: { kinds: ['WARNING'] }, circumstanceLevel: 'MITIGATED' }), A);
    r.exec(C.review(), R);
    r.exec(C.approveNotice(), H);
    r.exec(C.notice(r.now, { hearingRightsNotified: false }), A);
    expect(r.s.deadlines.hearingRequest).toBeUndefined();
  });

  it('history from before the window replays as it ran: a defence let the decision through', () => {
    const r = scenario('CASE_REVIEWED');
    const replay = (command: CaseCommand, actor = A) => {
      const d = decide(r.state, command, { ...r.ctx(actor), rulesBefore: 'hearing-window' });
      if (!d.ok) throw new Error(d.rejection.code);
      for (const e of d.events) r.state = evolve(r.state, e, { at: r.now, policy: r.policy });
    };
    replay(C.notice(r.now));
    expect(r.s.deadlines.hearingRequest).toBeUndefined();
    replay(C.defence());
    expect(decide(r.state, C.decide(), { ...r.ctx(H), rulesBefore: 'hearing-window' }).ok).toBe(true);
  });
});

describe('who judges a case never investigates it (查审分离, APL 43, 57, 58, 64)', () => {
  it('a hearing host recused from the case is not named host again', () => {
    const r = scenario('HEARING_SCHEDULED');
    r.exec(C.recuse(people.host.userId), H);
    expect(r.status).toBe('HEARING_REQUESTED');
    const again = rejected(r.try(C.scheduleHearing(r.now, plus(r.now, 20 * DAY)), A));
    expect(again).toMatchObject({ status: 422, code: 'HEARING.HOST_CONFLICT' });
    expect(legacy(r, C.scheduleHearing(r.now, plus(r.now, 20 * DAY)), A).ok).toBe(true);
    const otherHost = person('u-host-2', '何主持', ['LEGAL_REVIEWER'], [cert('FS-2025-0009')]);
    expect(r.try(C.scheduleHearing(r.now, plus(r.now, 20 * DAY), otherHost), A).ok).toBe(true);
  });

  it('the case reviewer, legal reviewer or hearing host is not named a replacement officer', () => {
    const reviewerOfficer = people.reviewerOfficer;
    const r = scenario('INVESTIGATION_REPORTED');
    r.exec(C.review(), reviewerOfficer);
    const refused = rejected(r.try(C.recuse(B.userId, reviewerOfficer), H));
    expect(refused).toMatchObject({ status: 422, code: 'RECUSAL.REPLACEMENT_CONFLICT' });
    expect(refused.reason).toContain('case reviewer');
    expect(legacy(r, C.recuse(B.userId, reviewerOfficer)).ok).toBe(true);
    expect(r.try(C.recuse(B.userId, people.officerC), H).ok).toBe(true);
  });

  it('a hearing host who also holds the officer role records the hearing as host', () => {
    const hostOfficer = person('u-host-officer', '冯主持', ['OFFICER', 'LEGAL_REVIEWER'], [cert('14010119009')]);
    const r = scenario('HEARING_REQUESTED');
    r.exec(C.scheduleHearing(r.now, plus(r.now, 20 * DAY), hostOfficer), A);
    r.at(plus(r.now, 20 * DAY));
    expect(r.try(C.holdHearing(r.now), hostOfficer).ok).toBe(true);
  });

  it('a collective discussion is of the agency heads: officers do not make one', () => {
    const r = scenario('LEGAL_REVIEW_PASSED');
    const officers = rejected(r.try({ ...C.collective(r.now), attendees: [A, B] }, H));
    expect(officers).toMatchObject({ status: 422, code: 'COLLECTIVE.ATTENDEE_NOT_HEAD' });
    expect(officers.reason).toContain(A.name);
    const mixed = rejected(r.try({ ...C.collective(r.now), attendees: [H, A] }, H));
    expect(mixed.code).toBe('COLLECTIVE.ATTENDEE_NOT_HEAD');
    expect(legacy(r, { ...C.collective(r.now), attendees: [A, B] }).ok).toBe(true);
    expect(r.try({ ...C.collective(r.now), attendees: [H, D] }, H).ok).toBe(true);
    const otherAgencyHead = person('u-head-x', '外局长', ['AGENCY_HEAD'], [], 'another-agency');
    expect(rejected(r.try({ ...C.collective(r.now), attendees: [H, otherAgencyHead] }, H)).code).toBe('COLLECTIVE.ATTENDEE_NOT_HEAD');
  });
});
