import { canonicalJson } from '../chain/canonical-json';
import {
  CaseRunner,
  DAY,
  HOUR,
  commands as C,
  people,
  plus,
  scenario,
  SYSTEM,
  archived,
  T0,
} from '../testing/case-fixtures';
import { testPolicy } from '../testing/test-policy';
import type { CaseCommand } from './case-commands';
import { COMMAND_TYPES } from './command-table';
import { allowedActions } from './allowed-actions';
import { decide } from './decide';
import { evolve, foldEvents } from './evolve';
import type { DecideResult } from './decide';

const { officerA: A, officerB: B, head: H, reviewer: R, police: P, procurator: Q } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection;
}

describe('a full ordinary lifecycle', () => {
  it('register → file → evidence ×2 → report → review → notice → defence → decide → serve (postal) → pay ×2 → close → archive', () => {
    const r = new CaseRunner();

    r.exec(C.registerOrdinary(), A);
    expect(r.s).toMatchObject({
      status: 'LEAD_REGISTERED',
      procedure: 'ORDINARY',
      policyVersion: 'test-2026.1',
      caseNumber: '长市监立〔2026〕101号',
      officers: [{ certificateNumber: '14010119001' }, { certificateNumber: '14010119002' }],
      flags: [],
    });

    r.exec(C.approveFiling(), H);
    expect(r.s).toMatchObject({ status: 'FILED', filedAt: '2026-03-02T03:00:00.000Z' });
    expect(r.s.filing?.limitation).toMatchObject({ violationDate: '2026-02-20', years: 2, lastDiscoveryDate: '2028-02-20' });

    r.exec(C.evidence(1, r.now), A);
    r.exec(C.evidence(2, r.now, { kind: 'DOCUMENTARY', title: '销售台账' }), B);
    r.exec({ type: 'TRANSFER_CUSTODY', evidenceId: 'ev-1', from: A.userId, to: B.userId, at: r.now, reason: 'to the evidence room' }, A);
    expect(r.s.evidence.map((e) => [e.evidenceId, e.custodian, e.custody.length])).toEqual([
      ['ev-1', B.userId, 1],
      ['ev-2', A.userId, 0],
    ]);

    r.exec(C.report(), A);
    expect(r.s.status).toBe('INVESTIGATION_REPORTED');
    expect(r.s.flags).toEqual(['HEARING_OFFERED']);
    expect(rejected(r.try(C.decide(), H)).code).toBe('CASE.PRE_DECISION_STEP_MISSING');

    // 审核, 告知 (with the hearing right), 陈述申辩: the steps before any decision on a proposed penalty.
    r.exec(C.review(), R);
    r.exec(C.approveNotice(), H);
    r.exec(C.notice(r.now), A);
    r.exec(C.defence({ hearingWaived: true }), A);
    r.exec(C.decide(), H);
    expect(r.s).toMatchObject({ status: 'DECIDED', decision: { amountDue: 52000, documentNumber: '长市监罚〔2026〕101号', simple: false } });
    expect(r.s.deadlines.decision?.state).toBe('MET');
    expect(r.s.deadlines.service?.state).toBe('OPEN');
    // 事后公示: the disclosure job publishes the decision and reports it.
    expect(r.s.deadlines.disclosure?.state).toBe('OPEN');
    r.exec(C.publishDisclosure(), SYSTEM);
    expect(r.s.disclosure).toMatchObject({ state: 'PUBLISHED', disclosureId: 'disclosure-1' });

    // Receipt signed on 5 Mar, recorded the next day.
    r.at('2026-03-06T02:00:00.000Z').exec(C.serve('2026-03-05T06:00:00.000Z', { method: 'POSTAL' }), A);
    expect(r.s).toMatchObject({ status: 'SERVED', servedAt: '2026-03-05T06:00:00.000Z' });
    expect(r.s.deadlines.payment).toMatchObject({ state: 'OPEN', basis: { dueDate: '2026-03-20' } });

    r.exec(C.pay(20000, r.now), A);
    expect(r.s).toMatchObject({ status: 'SERVED', amountPaid: 20000 });
    const paidAt = r.now;
    r.exec(C.pay(32000, paidAt), A);
    expect(r.s).toMatchObject({ status: 'EXECUTED', amountPaid: 52000, executedAt: paidAt });
    expect(r.s.deadlines.closure).toMatchObject({ state: 'OPEN', startAt: paidAt });
    expect(rejected(r.try(C.pay(1, r.now), A)).code).toBe('CASE.TRANSITION_NOT_ALLOWED');

    r.exec(C.close(), H);
    expect(r.s).toMatchObject({ status: 'CLOSED', closure: { summary: '结案审批表: penalty executed in full' } });
    archived(r);
    expect(r.s.status).toBe('ARCHIVED');
    expect(Object.values(r.s.deadlines).map((d) => [d.kind, d.state])).toEqual([
      ['filingDecision', 'MET'],
      ['decision', 'MET'],
      ['caseReview', 'MET'],
      ['defence', 'MET'],
      ['hearingRequest', 'MET'],
      ['service', 'MET'],
      ['disclosure', 'MET'],
      // The party's challenge windows run from service and outlive the file (ARL 20: 60 days; ALL 46: 6 months).
      ['reconsiderationWindow', 'OPEN'],
      ['litigationWindow', 'OPEN'],
      ['payment', 'MET'],
      ['closure', 'MET'],
    ]);
    expect(r.s.deadlines.reconsiderationWindow?.basis).toMatchObject({ startDate: '2026-03-05', days: 60, dueDate: '2026-05-06' });
    expect(r.s.deadlines.litigationWindow?.basis).toMatchObject({ startDate: '2026-03-05', months: 6, dueDate: '2026-09-07' });
    expect(r.s.flags).toEqual(['HEARING_OFFERED']);
    expect(r.log.map((e) => e.event.type)).toEqual([
      'LEAD_REGISTERED',
      'FILING_APPROVED',
      'EVIDENCE_RECORDED',
      'EVIDENCE_RECORDED',
      'CUSTODY_TRANSFERRED',
      'INVESTIGATION_REPORTED',
      'CASE_REVIEWED',
      'NOTICE_APPROVED',
      'NOTICE_SERVED',
      'DEFENCE_RECORDED',
      'DECISION_MADE',
      'DISCLOSURE_PUBLISHED',
      'DECISION_SERVED',
      'PAYMENT_RECORDED',
      'PAYMENT_RECORDED',
      'CASE_CLOSED',
      'ARCHIVE_REQUESTED',
      'CASE_ARCHIVED',
    ]);

    // Folding the log again gives the same state; events and state are canonical JSON.
    const again = foldEvents(r.log, r.policy);
    expect(again).toEqual(r.s);
    expect(() => canonicalJson(r.log.map((e) => e.event))).not.toThrow();
    expect(JSON.parse(JSON.stringify(r.s))).toEqual(r.s);
  });

  it('archiving takes two steps: the request (ARCHIVING), then the archive job\'s package, which seals the case', () => {
    const r = scenario('CLOSED');
    const [requested] = r.exec(C.archive(), A);
    expect(requested).toEqual({ type: 'ARCHIVE_REQUESTED', requestedBy: { userId: A.userId, name: A.name } });
    expect(r.s.status).toBe('ARCHIVING');
    expect(r.s.archive).toMatchObject({ requestedBy: { userId: A.userId } });
    expect(allowedActions(r.s, A, { now: r.now, policy: r.policy })).toEqual([]);
    // Only the system reports a package, and only one that holds every event so far.
    expect(r.try(C.archivePackage(r.s.eventCount), A)).toMatchObject({ ok: false, rejection: { status: 403 } });
    expect(r.try(C.archivePackage(r.s.eventCount - 1), SYSTEM)).toMatchObject({ ok: false, rejection: { code: 'ARCHIVE.PACKAGE_STALE', status: 409 } });
    expect(r.try({ ...C.archivePackage(r.s.eventCount), manifestSha256: 'nope' }, SYSTEM)).toMatchObject({ ok: false, rejection: { code: 'VALIDATION.FAILED', status: 400 } });
    const through = r.s.eventCount;
    const [sealed] = r.exec(C.archivePackage(through), SYSTEM);
    expect(sealed).toMatchObject({ type: 'CASE_ARCHIVED', package: { throughSeq: through, keyId: 'agency-test-2026-1', manifestSha256: 'a'.repeat(64) } });
    expect(r.s.status).toBe('ARCHIVED');
    expect(r.s.archive?.package).toMatchObject({ throughSeq: through, files: 3, at: r.s.archivedAt });
    expect(r.try(C.archivePackage(r.s.eventCount), SYSTEM)).toMatchObject({ ok: false, rejection: { code: 'CASE.ARCHIVED' } });
  });

  it('history archived before the archive-package change replays as it ran: ARCHIVE seals the case at once', () => {
    const r = scenario('CLOSED', undefined, 'archive-package');
    expect(r.exec(C.archive(), A)).toEqual([{ type: 'CASE_ARCHIVED' }]);
    expect(r.s.status).toBe('ARCHIVED');
    expect(r.s.archive).toBeUndefined();
  });

  it('a declined lead is archived directly', () => {
    const r = scenario('FILING_DECLINED');
    expect(r.s.filing).toMatchObject({ approved: false });
    archived(r);
    expect(r.status).toBe('ARCHIVED');
  });

  it('dismissal: decided, served, closed without payment', () => {
    const r = scenario('NOTICE_SERVED');
    r.exec(C.defence({ hearingWaived: true }), A);
    expect(rejected(r.try(C.decide({ outcome: 'DISMISS' }), H)).code).toBe('VALIDATION.FAILED'); // a penalty with DISMISS
    r.exec(C.decide({ outcome: 'DISMISS', penalty: undefined }), H);
    r.exec(C.serve(r.now), A);
    expect(rejected(r.try(C.pay(1, r.now), A)).code).toBe('PAYMENT.NOTHING_DUE');
    r.exec(C.close(), H);
    expect(r.status).toBe('CLOSED');
  });
});

describe('the full ordinary path with every pre-decision step, enforced', () => {
  it('refuses a decision until review, notice and defence, hearing, legal review and collective discussion are done', () => {
    const policy = testPolicy();
    const r = new CaseRunner(policy, T0);
    r.exec(C.registerOrdinary(), A);
    r.exec(C.approveFiling(), H);
    r.exec(C.evidence(1, r.now), A);
    // ¥150,000 for an organisation: legal review (> ¥100,000), hearing, collective discussion.
    // Goods of ¥12,000: art 122's 10–20× band, ¥150,000 (12.5×) in its LIGHTER range (10–13×).
    r.exec(C.report({ proposedPenalty: { kinds: ['FINE'], fineAmount: 150000 }, discretionBases: [{ kind: 'GOODS_VALUE', value: 12000 }] }), A);
    expect(r.s.flags).toEqual(['MAJOR_DECISION', 'HEARING_OFFERED', 'COLLECTIVE_DISCUSSION_REQUIRED']);
    const early = rejected(r.try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 150000 } }), H));
    expect(early.code).toBe('CASE.PRE_DECISION_STEP_MISSING');
    expect(early.errors?.map((e) => e.field)).toEqual(['case-review', 'notice-approval', 'notice', 'defence', 'legal-review', 'collective-discussion']);

    r.exec(C.review(), R);
    r.exec(C.approveNotice(), H);
    expect(rejected(r.try(C.notice(r.now, { hearingRightsNotified: false }), A)).code).toBe('NOTICE.HEARING_RIGHTS_MISSING');
    r.exec(C.notice(r.now), A);
    r.exec(C.requestHearing(r.now), A);
    expect(rejected(r.try(C.scheduleHearing(r.now, plus(r.now, 3 * DAY)), A)).code).toBe('HEARING.NOTICE_TOO_SHORT');
    r.exec(C.scheduleHearing(r.now, plus(r.now, 14 * DAY)), A);
    r.at(plus(r.now, 14 * DAY)).exec(C.holdHearing(r.now), people.host);
    expect(r.s.hearing).toMatchObject({ host: { userId: people.host.userId }, report: '听证报告' });
    r.exec(C.requestLegalReview(), A);
    expect(r.s.legalReview?.reasons[0]).toContain('legal review: fine ¥150,000 > ¥100,000 for ORGANISATION');
    r.exec(C.legalReview('APPROVE'), R);
    expect(r.status).toBe('LEGAL_REVIEW_PASSED');
    const stillMissing = rejected(r.try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 150000 } }), H));
    expect(stillMissing.errors?.map((e) => e.field)).toEqual(['collective-discussion']);
    expect(rejected(r.try({ ...C.collective(r.now), attendees: [H] }, H)).code).toBe('COLLECTIVE.QUORUM_NOT_MET');
    r.exec(C.collective(r.now), H);
    expect(r.status).toBe('COLLECTIVE_DISCUSSED');

    // APL 45: the party defended at the hearing, so nothing heavier than the notice.
    const heavier = rejected(r.try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 160000 } }), H));
    expect(heavier.code).toBe('DECISION.HEAVIER_AFTER_DEFENCE');
    expect(rejected(r.try(C.decide({ penalty: { kinds: ['FINE', 'BUSINESS_SUSPENSION'], fineAmount: 100000, termDays: 30 } }), H)).code).toBe(
      'DECISION.HEAVIER_AFTER_DEFENCE',
    );
    r.exec(C.decide({ penalty: { kinds: ['FINE', 'WARNING'], fineAmount: 120000 } }), H);
    expect(r.s.decision?.assessment?.legalReviewRequired).toBe(true);
    r.exec(C.serve(r.now), A);
    r.exec(C.pay(120000, r.now), A);
    r.exec(C.close(), H);
    archived(r);
    expect(r.log.map((e) => e.event.type)).toEqual([
      'LEAD_REGISTERED',
      'FILING_APPROVED',
      'EVIDENCE_RECORDED',
      'INVESTIGATION_REPORTED',
      'CASE_REVIEWED',
      'NOTICE_APPROVED',
      'NOTICE_SERVED',
      'HEARING_REQUESTED',
      'HEARING_SCHEDULED',
      'HEARING_HELD',
      'LEGAL_REVIEW_REQUESTED',
      'LEGAL_REVIEW_RECORDED',
      'COLLECTIVE_DISCUSSION_RECORDED',
      'DECISION_MADE',
      'DECISION_SERVED',
      'PAYMENT_RECORDED',
      'CASE_CLOSED',
      'ARCHIVE_REQUESTED',
      'CASE_ARCHIVED',
    ]);
  });

  it('a returned legal review sends the case back to investigation and a new report resets the steps', () => {
    const r = scenario('LEGAL_REVIEW_PENDING');
    r.exec(C.legalReview('RETURN'), R);
    expect(r.status).toBe('FILED');
    r.exec(C.report({ proposedPenalty: { kinds: ['FINE'], fineAmount: 30000 }, circumstanceLevel: 'MITIGATED' }), A);
    expect(r.s.review).toBeUndefined();
    expect(r.s.notice).toBeUndefined();
    expect(r.s.hearing).toBeUndefined();
    expect(r.s.legalReview).toBeUndefined();
  });

  it('case review asking for more investigation returns the case to FILED', () => {
    const r = scenario('INVESTIGATION_REPORTED');
    r.exec({ type: 'REVIEW_CASE', opinion: 'INVESTIGATE_FURTHER', comments: 'Sales volume not proven' }, R);
    expect(r.status).toBe('FILED');
    expect(r.try(C.evidence(2, r.now), A).ok).toBe(true);
  });

  it('the law, not a switch: no decision without the steps; only history recorded before these rules replays without them', () => {
    const r = scenario('INVESTIGATION_REPORTED');
    const refused = rejected(r.try(C.decide(), H));
    expect(refused).toMatchObject({ status: 409, code: 'CASE.PRE_DECISION_STEP_MISSING' });
    expect(refused.errors?.map((e) => e.field)).toEqual(['case-review', 'notice-approval', 'notice', 'defence']);
    expect(refused.allowedActions).not.toContain('decision');
    expect(scenario('INVESTIGATION_REPORTED', testPolicy(), 'lawful-decisions').try(C.decide(), H).ok).toBe(true);
  });

  it('each step waits for the ones before it, so no order leads to a dead end', () => {
    const r = scenario('INVESTIGATION_REPORTED');
    expect(rejected(r.try(C.notice(r.now), A)).errors?.map((e) => e.field)).toEqual(['case-review', 'notice-approval']);
    expect(rejected(r.try(C.requestLegalReview(), A)).errors?.map((e) => e.field)).toEqual(['case-review', 'notice-approval', 'notice', 'defence']);
    expect(rejected(r.try(C.collective(r.now), H)).code).toBe('CASE.PRE_DECISION_STEP_MISSING');
    r.exec(C.review(), R);
    expect(rejected(r.try(C.requestLegalReview(), A)).errors?.map((e) => e.field)).toEqual(['notice-approval', 'notice', 'defence']);
    r.exec(C.approveNotice(), H);
    r.exec(C.notice(r.now), A);
    r.exec(C.defence({ hearingWaived: true }), A);
    expect(r.try(C.requestLegalReview(), A).ok).toBe(true);
    expect(r.try(C.decide(), H).ok).toBe(true);
  });

  it('a notice is only for a proposed penalty; a hearing only when eligible', () => {
    const r = scenario('FILED');
    r.exec(C.report({ proposedOutcome: 'NO_PENALTY', proposedPenalty: undefined }), A);
    expect(rejected(r.try(C.notice(r.now), A)).code).toBe('NOTICE.NOT_REQUIRED');
    const small = scenario('FILED');
    // Below art 122's ¥50,000 minimum: 减轻 (MITIGATED, with reasons), under the hearing threshold.
    small.exec(C.report({ proposedPenalty: { kinds: ['FINE'], fineAmount: 5000 }, circumstanceLevel: 'MITIGATED' }), A);
    small.exec(C.review(), R);
    small.exec(C.approveNotice(), H);
    small.exec(C.notice(small.now, { hearingRightsNotified: false }), A);
    expect(rejected(small.try(C.requestHearing(small.now), A)).code).toBe('HEARING.NOT_ELIGIBLE');
  });

  it('public-notice service of the pre-decision notice pauses the decision clock', () => {
    const r = scenario('CASE_REVIEWED');
    const before = r.s.deadlines.decision!.basis.dueDate;
    r.exec(C.approveNotice(), H);
    r.exec(C.notice(r.now, { method: 'PUBLIC_NOTICE' }), A);
    expect(r.s.pauses[0]).toMatchObject({ reason: 'PUBLIC_NOTICE_SERVICE', to: plus(r.s.notice!.service.servedAt, 30 * DAY) });
    expect(r.s.deadlines.decision!.basis.dueDate > before).toBe(true);
    expect(r.s.deadlines.defence?.startAt).toBe(r.s.notice?.service.deemedServedAt);
  });
});

describe('limitation on filing (APL 36)', () => {
  function lead(violationAt: string | undefined, over = {}) {
    const r = new CaseRunner();
    r.exec(C.registerOrdinary({ violationAt, ...over }), A);
    return r;
  }

  it('discovered more than 2 years after the violation → 422 CASE.LIMITATION_EXPIRED', () => {
    const r = lead('2024-02-28');
    const rej = rejected(r.try(C.approveFiling(), H));
    expect(rej).toMatchObject({ code: 'CASE.LIMITATION_EXPIRED', status: 422 });
    expect(rej.reason).toContain('2-year limitation ended on 2026-02-28');
    // Declining remains possible.
    expect(r.try(C.declineFiling(), H).ok).toBe(true);
  });

  it('exactly on the last day is still in time', () => {
    expect(lead('2024-03-01').try(C.approveFiling(), H).ok).toBe(true);
  });

  it('5 years where life, health or financial safety is involved (flag on the lead or the filing)', () => {
    expect(lead('2024-02-28', { lifeHealthFinancialSafety: true }).try(C.approveFiling(), H).ok).toBe(true);
    const r = lead('2024-02-28');
    r.exec(C.approveFiling({ lifeHealthFinancialSafety: true }), H);
    expect(r.s.filing?.limitation).toMatchObject({ years: 5, lastDiscoveryDate: '2029-02-28', lifeHealthFinancialSafety: true });
  });

  it('the violation date is required to approve filing, not to decline', () => {
    const r = lead(undefined);
    const rej = rejected(r.try(C.approveFiling(), H));
    expect(rej).toMatchObject({ code: 'VALIDATION.FAILED', status: 400 });
    expect(rej.errors).toEqual([
      { field: 'violationAt', message: 'is required to approve filing (limitation check, APL 36)', messageZh: '批准立案时为必填项（用于核查追责时效，《行政处罚法》第36条）' },
    ]);
    expect(r.try(C.approveFiling({ violationAt: '2026-02-01' }), H).ok).toBe(true);
  });

  it('the violation cannot postdate its discovery', () => {
    const rej = rejected(new CaseRunner().try(C.registerOrdinary({ violationAt: '2026-03-05' }), A));
    expect(rej.errors).toEqual([{ field: 'violationAt', message: 'must not be after discoveredAt', messageZh: '不得晚于发现时间（discoveredAt）' }]);
  });
});

describe('registration and payload validation', () => {
  it('any command before registration → 409 CASE.NOT_REGISTERED', () => {
    const rej = rejected(new CaseRunner().try(C.approveFiling(), H));
    expect(rej).toMatchObject({ code: 'CASE.NOT_REGISTERED', state: null, allowedActions: [] });
    expect(rejected(new CaseRunner().try(C.approveFiling(), A)).allowedActions).toEqual(['register']);
  });

  it('a malformed command → 400 VALIDATION.FAILED naming each field', () => {
    const bad = { ...C.registerOrdinary(), discoveredAt: '2026-03-01 09:00', party: { type: 'COMPANY', name: '' }, officers: [] };
    const rej = rejected(new CaseRunner().try(bad as unknown as CaseCommand, A));
    expect(rej.status).toBe(400);
    expect(rej.errors?.map((e) => e.field)).toEqual(['discoveredAt', 'party.type', 'party.name', 'officers']);
  });

  it('future instants are refused', () => {
    const r = scenario('FILED');
    const rej = rejected(r.try(C.evidence(2, plus(r.now, HOUR)), A));
    expect(rej.errors).toEqual([{ field: 'collectedAt', message: 'must not be in the future', messageZh: '不得晚于当前时间' }]);
  });

  it('an unknown command type → 400', () => {
    const rej = rejected(scenario('FILED').try({ type: 'FLY' } as unknown as CaseCommand, A));
    expect(rej.code).toBe('VALIDATION.FAILED');
  });

  it('an unknown violation code → 422 CASE.UNKNOWN_VIOLATION', () => {
    expect(rejected(new CaseRunner().try(C.registerOrdinary({ violationCode: 'X-1' }), A)).code).toBe('CASE.UNKNOWN_VIOLATION');
  });

  it('evidence: the hash is sha256 hex; an id is never reused', () => {
    const r = scenario('FILED');
    expect(rejected(r.try(C.evidence(2, r.now, { sha256: 'xyz' }), A)).errors?.[0].field).toBe('sha256');
    expect(rejected(r.try(C.evidence(1, r.now), A)).code).toBe('EVIDENCE.DUPLICATE_ID');
  });

  it('a report proposing a penalty needs evidence', () => {
    const r = new CaseRunner();
    r.exec(C.registerOrdinary(), A);
    r.exec(C.approveFiling(), H);
    expect(rejected(r.try(C.report(), A)).code).toBe('CASE.EVIDENCE_REQUIRED');
  });

  it('custody moves only from the current custodian', () => {
    const r = scenario('FILED');
    const rej = rejected(r.try({ type: 'TRANSFER_CUSTODY', evidenceId: 'ev-1', from: B.userId, to: A.userId, at: r.now, reason: 'x' }, A));
    expect(rej.code).toBe('EVIDENCE.CUSTODY_MISMATCH');
  });

  it('service rules: electronic needs consent; not before the decision', () => {
    const r = scenario('DECIDED');
    expect(rejected(r.try(C.serve(r.now, { method: 'ELECTRONIC' }), A)).code).toBe('SERVICE.CONSENT_REQUIRED');
    expect(r.try(C.serve(r.now, { method: 'ELECTRONIC', consentToElectronic: true }), A).ok).toBe(true);
    expect(rejected(r.try(C.serve('2026-03-01T00:00:00.000Z'), A)).code).toBe('SERVICE.BEFORE_DECISION');
  });
});

describe('criminal transfer (两法衔接)', () => {
  it('a pending transfer blocks any decision (以罚代刑)', () => {
    const r = scenario('INVESTIGATION_REPORTED');
    r.exec(C.proposeTransfer(), A);
    expect(r.s.flags).toContain('SUSPECTED_CRIME');
    expect(r.s.statusBeforeTransfer).toBe('INVESTIGATION_REPORTED');
    expect(rejected(r.try(C.decide(), H)).code).toBe('CASE.TRANSFER_PENDING');
    // A proposal alone does not stop the 90 days; the head's approval does (stages/clock-pauses.spec.ts).
    expect(r.s.deadlines.decision?.state).toBe('OPEN');
  });

  it('a reasoned refusal by the head clears the flag and returns the case where it was', () => {
    const r = scenario('INVESTIGATION_REPORTED');
    r.exec(C.proposeTransfer(), A);
    r.exec(C.approveTransfer(false), H);
    expect(r.status).toBe('INVESTIGATION_REPORTED');
    expect(r.s.flags).not.toContain('SUSPECTED_CRIME');
    expect(r.s.transfer?.outcome).toBe('REFUSED_BY_HEAD');
    expect(r.s.deadlines.decision?.state).toBe('OPEN');
    // Back on the ordinary track: the steps before a decision are still owed.
    expect(rejected(r.try(C.decide(), H)).code).toBe('CASE.PRE_DECISION_STEP_MISSING');
    r.exec(C.review(), R);
    r.exec(C.approveNotice(), H);
    r.exec(C.notice(r.now), A);
    r.exec(C.defence({ hearingWaived: true }), A);
    expect(r.try(C.decide(), H).ok).toBe(true);
  });

  it('accepted by the police: the administrative case closes', () => {
    const r = scenario('TRANSFERRED');
    r.exec(C.policeDecision('RECEIPT', r.now), P);
    // Received is not sent: the police's 3 days now run from the receipt (R310 7–8).
    expect(r.status).toBe('TRANSFER_RECEIVED');
    expect(r.s.transfer?.receivedAt).toBeDefined();
    expect(r.s.deadlines.policeFilingDecision).toMatchObject({ state: 'OPEN', owner: 'POLICE', startAt: r.s.transfer?.receivedAt });
    r.exec(C.policeDecision('ACCEPT', r.now), P);
    expect(r.status).toBe('TRANSFER_ACCEPTED');
    expect(r.s.deadlines.decision?.state).toBe('CANCELLED');
    r.exec(C.close(), H);
    expect(r.status).toBe('CLOSED');
  });

  it('declined, reconsidered, supervised, upheld: the agency completes the case where it left it', () => {
    const r = scenario('TRANSFER_DECLINED');
    expect(rejected(r.try(C.policeDecision('DECLINE', r.now), P)).code).toBe('CASE.TRANSITION_NOT_ALLOWED');
    r.exec(C.requestReconsideration(), A);
    r.exec(C.answerReconsideration(false), P);
    expect(r.status).toBe('TRANSFER_DECLINED');
    expect(rejected(r.try(C.requestReconsideration(), A)).code).toBe('TRANSFER.RECONSIDERATION_USED');
    r.exec(C.requestSupervision(), A);
    r.exec(C.resolveSupervision('REFUSAL_UPHELD'), Q);
    expect(rejected(r.try(C.requestSupervision(), A)).code).toBe('TRANSFER.SUPERVISION_USED');
    r.exec(C.resumeAdministrative(), H);
    expect(r.status).toBe('FILED');
    expect(r.s.flags).not.toContain('SUSPECTED_CRIME');
    expect(r.s.pauses.every((p) => p.to !== undefined)).toBe(true);
    expect(r.s.deadlines.decision?.state).toBe('OPEN');
  });

  it('supervision may make the police file the case, once the police were asked to explain their refusal and did', () => {
    const r = scenario('TRANSFER_SUPERVISION_REQUESTED');
    expect(rejected(r.try(C.resolveSupervision('POLICE_TO_FILE'), Q)).code).toBe('TRANSFER.EXPLANATION_NOT_REQUESTED');
    r.exec(C.requestExplanation(r.now), Q);
    r.exec(C.explainNonFiling(r.now), P);
    r.exec(C.resolveSupervision('POLICE_TO_FILE'), Q);
    expect(r.status).toBe('TRANSFER_ACCEPTED');
  });

  it('the police liaison acts across agencies; an officer cannot record the police decision', () => {
    const r = scenario('TRANSFERRED');
    expect(rejected(r.try(C.policeDecision('ACCEPT', r.now), A)).code).toBe('AUTH.ROLE_NOT_ALLOWED');
  });

  it('a report proposing transfer flags a suspected crime that blocks the decision', () => {
    const r = scenario('FILED');
    r.exec(C.report({ proposedOutcome: 'TRANSFER', proposedPenalty: undefined }), A);
    expect(r.s.flags).toContain('SUSPECTED_CRIME');
    expect(rejected(r.try(C.decide(), H)).code).toBe('CASE.SUSPECTED_CRIME_UNRESOLVED');
  });

  it('R310 5: two officers prepare the transfer', () => {
    const r = scenario('FILED');
    expect(rejected(r.try({ ...C.proposeTransfer(), officers: [A] }, A)).code).toBe('CASE.TWO_OFFICERS_REQUIRED');
  });
});

describe('challenges', () => {
  it('a revoked decision is flagged DECISION_REVOKED', () => {
    const r = scenario('EXECUTED');
    r.exec(C.challenge(r.now), A);
    expect(rejected(r.try(C.challenge(r.now), A)).code).toBe('CHALLENGE.DUPLICATE_ID');
    r.exec(C.challenge(r.now, 'DECIDED', 'REVOKED'), A);
    expect(r.s.challenges[0]).toMatchObject({ result: 'REVOKED', decidedAt: r.s.updatedAt });
    expect(r.s.flags).toContain('DECISION_REVOKED');
    expect(rejected(r.try(C.challenge(r.now, 'DECIDED', 'UPHELD'), A)).code).toBe('CHALLENGE.NOT_FOUND');
  });
});

describe('archived cases are sealed (MSA 78–79)', () => {
  it.each(COMMAND_TYPES.filter((t) => t !== 'RECORD_CHALLENGE'))('%s → 409 CASE.ARCHIVED; only a challenge may be supplemented', (type) => {
    const r = scenario('ARCHIVED');
    for (const actor of [A, H, R, SYSTEM]) {
      const rej = rejected(decide(r.s, { type } as CaseCommand, { actor, policy: r.policy, now: r.now }));
      // The case's officer may still record a challenge (补充归档); nobody anything else.
      expect(rej).toMatchObject({ code: 'CASE.ARCHIVED', status: 409, state: 'ARCHIVED', allowedActions: actor === A ? ['challenges'] : [] });
    }
  });

  it('replayed history from before the challenge supplements refuses a challenge too', () => {
    const r = scenario('ARCHIVED');
    const rej = rejected(decide(r.s, { type: 'RECORD_CHALLENGE' } as CaseCommand, { actor: A, policy: r.policy, now: r.now, rulesBefore: 'challenge-effects' }));
    expect(rej).toMatchObject({ code: 'CASE.ARCHIVED', status: 409, allowedActions: [] });
  });
});

describe('evolve is a pure fold', () => {
  it('never mutates its input', () => {
    const r = scenario('FILED');
    const before = JSON.stringify(r.s);
    evolve(r.s, { type: 'CASE_SUSPENDED', reason: 'x' }, { at: r.now, policy: r.policy });
    expect(JSON.stringify(r.s)).toBe(before);
  });

  it('refuses an event stream that does not start with LEAD_REGISTERED', () => {
    expect(() => evolve(null, { type: 'CASE_ARCHIVED' }, { at: T0, policy: testPolicy() })).toThrow();
  });

  it('decide() is deterministic: the validator and the handler see the same result', () => {
    const r = scenario('DECIDED');
    const ctx = { actor: A, policy: r.policy, now: r.now };
    expect(decide(r.s, C.serve(r.now), ctx)).toEqual(decide(r.s, C.serve(r.now), ctx));
  });
});
