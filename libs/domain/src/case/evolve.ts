// evolve(): fold one event into the state. Pure and total for event streams
// decide() produced; deadlines are recomputed from the pinned policy, so a
// replay under the same policy version yields the same state.

import type { JurisdictionPolicy } from '../policy/policy.types';
import type { CaseEvent, EventOf } from './case-events';
import type { CaseState } from './case-state';
import {
  armDeadline,
  cancelAllDeadlines,
  cancelDeadline,
  deriveFlags,
  meetDeadline,
  recomputeAll,
  recomputeDeadline,
} from './deadlines';

export interface EvolveMeta {
  /** When the event was recorded (workflow time, ISO UTC). */
  at: string;
  policy: JurisdictionPolicy;
}

const PAUSE = {
  SUSPENSION: 'SUSPENSION',
  HEARING: 'HEARING',
  PUBLIC_NOTICE: 'PUBLIC_NOTICE_SERVICE',
  TRANSFER: 'CRIMINAL_TRANSFER',
} as const;

// JSON round trip: the state is JSON by contract, and this keeps the input untouched.
function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export function evolve(state: CaseState | null, event: CaseEvent, meta: EvolveMeta): CaseState {
  if (state === null) {
    if (event.type !== 'LEAD_REGISTERED') throw new Error(`evolve: ${event.type} before LEAD_REGISTERED`);
    return finish(register(event, meta), meta);
  }
  if (event.type === 'LEAD_REGISTERED') throw new Error('evolve: LEAD_REGISTERED on an existing case');
  const s = clone(state);
  apply(s, event, meta);
  return finish(s, meta);
}

/** Fold a whole stream (tests, replays, rebuilding a read model). */
export function foldEvents(events: { event: CaseEvent; at: string }[], policy: JurisdictionPolicy): CaseState | null {
  let s: CaseState | null = null;
  for (const e of events) s = evolve(s, e.event, { at: e.at, policy });
  return s;
}

function finish(s: CaseState, meta: EvolveMeta): CaseState {
  s.flags = deriveFlags(s);
  s.updatedAt = meta.at;
  s.eventCount += 1;
  return s;
}

function register(e: EventOf<'LEAD_REGISTERED'>, meta: EvolveMeta): CaseState {
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
  // MSA 18: decide on filing within N working days of discovering the lead.
  if (e.procedure === 'ORDINARY') armDeadline(s, 'filingDecision', e.discoveredAt, meta.at, meta.policy);
  return s;
}

function openPause(s: CaseState, from: string, reason: string, policy: JurisdictionPolicy): void {
  s.pauses.push({ from, reason });
  recomputeAll(s, policy);
}

function closePause(s: CaseState, reasonPrefix: string, to: string, policy: JurisdictionPolicy): void {
  for (let i = s.pauses.length - 1; i >= 0; i--) {
    const p = s.pauses[i];
    if (p.to === undefined && p.reason.startsWith(reasonPrefix)) {
      // A pause never ends before it starts (e.g. a hearing dated before the request was recorded).
      p.to = Date.parse(to) < Date.parse(p.from) ? p.from : to;
      break;
    }
  }
  recomputeAll(s, policy);
}

function closeAllPauses(s: CaseState, to: string, policy: JurisdictionPolicy): void {
  for (const p of s.pauses) if (p.to === undefined) p.to = Date.parse(to) < Date.parse(p.from) ? p.from : to;
  recomputeAll(s, policy);
}

/** Completion (MSA 77): closing is due N working days after it. */
function completed(s: CaseState, at: string, meta: EvolveMeta): void {
  armDeadline(s, 'closure', at, meta.at, meta.policy);
}

function transferAccepted(s: CaseState, meta: EvolveMeta): void {
  s.status = 'TRANSFER_ACCEPTED';
  if (s.transfer) s.transfer.outcome = 'ACCEPTED';
  closePause(s, PAUSE.TRANSFER, meta.at, meta.policy);
  // The administrative decision is no longer due; the case is closed as transferred.
  cancelDeadline(s, 'decision', meta.at);
  completed(s, meta.at, meta);
}

function returnFromTransfer(s: CaseState, meta: EvolveMeta): void {
  s.status = s.statusBeforeTransfer ?? 'FILED';
  delete s.statusBeforeTransfer;
  closePause(s, PAUSE.TRANSFER, meta.at, meta.policy);
}

function apply(s: CaseState, e: CaseEvent, meta: EvolveMeta): void {
  const { at, policy } = meta;
  switch (e.type) {
    case 'LEAD_REGISTERED':
      return; // handled by evolve()
    case 'FILING_APPROVED':
      s.status = 'FILED';
      s.officers = clone(e.officers);
      s.filedAt = at;
      s.filing = { approved: true, reason: e.reason, decidedAt: at, decidedBy: e.approvedBy, limitation: clone(e.limitation) };
      meetDeadline(s, 'filingDecision', at);
      // APL 60: the decision limit runs from filing.
      armDeadline(s, 'decision', at, at, policy);
      return;
    case 'FILING_DECLINED':
      s.status = 'FILING_DECLINED';
      s.filing = { approved: false, reason: e.reason, decidedAt: at, decidedBy: e.declinedBy };
      meetDeadline(s, 'filingDecision', at);
      return;
    case 'EVIDENCE_RECORDED': {
      const item = clone(e) as Partial<typeof e>;
      delete item.type;
      s.evidence.push({ ...(item as Omit<typeof e, 'type'>), recordedAt: at, custody: [] });
      return;
    }
    case 'CUSTODY_TRANSFERRED': {
      const item = s.evidence.find((x) => x.evidenceId === e.evidenceId);
      if (item) {
        item.custodian = e.to;
        item.custody.push({ from: e.from, to: e.to, at: e.at, reason: e.reason });
      }
      return;
    }
    case 'INVESTIGATION_REPORTED': {
      const rest = clone(e) as Partial<typeof e>;
      delete rest.type;
      s.report = { ...(rest as Omit<typeof e, 'type'>), submittedAt: at };
      s.status = 'INVESTIGATION_REPORTED';
      // A new report supersedes the steps taken on the previous one.
      delete s.review;
      delete s.notice;
      delete s.defence;
      delete s.hearing;
      delete s.legalReview;
      cancelDeadline(s, 'defence', at);
      if (e.proposedOutcome === 'TRANSFER') s.suspectedCrime = true;
      return;
    }
    case 'CASE_REVIEWED':
      s.review = { opinion: e.opinion, comments: e.comments, reviewer: e.reviewer, at };
      // CORRECT and INVESTIGATE_FURTHER send the report back to the officers.
      s.status = e.opinion === 'AGREE' ? 'CASE_REVIEWED' : 'FILED';
      return;
    case 'NOTICE_SERVED':
      s.notice = {
        noticeNumber: e.noticeNumber,
        text: e.text,
        hearingRightsNotified: e.hearingRightsNotified,
        service: clone(e.service),
        ...(e.proposedPenalty ? { proposedPenalty: clone(e.proposedPenalty) } : {}),
      };
      s.status = 'NOTICE_SERVED';
      // APL 45, 62: the party's defence window runs from (deemed) receipt.
      armDeadline(s, 'defence', e.service.deemedServedAt, at, policy);
      if (e.service.method === 'PUBLIC_NOTICE') {
        // MSA 63: public-notice service time is excluded from the decision limit.
        s.pauses.push({ from: e.service.servedAt, to: e.service.deemedServedAt, reason: PAUSE.PUBLIC_NOTICE });
        recomputeAll(s, policy);
      }
      return;
    case 'DEFENCE_RECORDED':
      s.defence = { waived: e.waived, at, ...(e.statement !== undefined ? { statement: e.statement } : {}), ...(e.points ? { points: clone(e.points) } : {}) };
      s.status = 'DEFENCE_RECORDED';
      meetDeadline(s, 'defence', at);
      return;
    case 'HEARING_REQUESTED':
      s.hearing = { requestedAt: e.requestedAt };
      s.status = 'HEARING_REQUESTED';
      meetDeadline(s, 'defence', at);
      // APL 60 / MSA 63: hearing time is excluded from the decision limit.
      openPause(s, e.requestedAt, PAUSE.HEARING, policy);
      return;
    case 'HEARING_SCHEDULED':
      s.hearing = {
        ...(s.hearing ?? { requestedAt: at }),
        hearingAt: e.hearingAt,
        host: e.host,
        location: e.location,
        isPublic: e.isPublic,
        ...(e.reasonNotPublic !== undefined ? { reasonNotPublic: e.reasonNotPublic } : {}),
      };
      s.status = 'HEARING_SCHEDULED';
      return;
    case 'HEARING_HELD':
      s.hearing = { ...(s.hearing ?? { requestedAt: at }), heldAt: e.heldAt, record: e.record, report: e.report };
      s.status = 'HEARING_HELD';
      closePause(s, PAUSE.HEARING, e.heldAt, policy);
      return;
    case 'LEGAL_REVIEW_REQUESTED':
      s.legalReview = { requestedAt: at, reasons: [...e.reasons] };
      s.status = 'LEGAL_REVIEW_PENDING';
      return;
    case 'LEGAL_REVIEW_RECORDED':
      s.legalReview = { ...(s.legalReview ?? { requestedAt: at, reasons: [] }), opinion: e.opinion, text: e.text, reviewer: e.reviewer, reviewedAt: at };
      // RETURN and REJECT: the officers revise and resubmit the report.
      s.status = e.opinion === 'APPROVE' ? 'LEGAL_REVIEW_PASSED' : 'FILED';
      return;
    case 'COLLECTIVE_DISCUSSION_RECORDED':
      s.collectiveDiscussions.push({
        purpose: e.purpose,
        heldAt: e.heldAt,
        attendees: clone(e.attendees),
        minutes: e.minutes,
        resolution: e.resolution,
        recordedAt: at,
      });
      if (e.purpose === 'DECISION') s.status = 'COLLECTIVE_DISCUSSED';
      return;
    case 'DECISION_MADE':
      s.decision = {
        outcome: e.outcome,
        documentNumber: e.documentNumber,
        text: e.text,
        amountDue: e.amountDue,
        decidedAt: at,
        decidedBy: e.decidedBy,
        simple: false,
        assessment: clone(e.assessment),
        ...(e.penalty ? { penalty: clone(e.penalty) } : {}),
        ...(e.legalBasis !== undefined ? { legalBasis: e.legalBasis } : {}),
      };
      s.decidedAt = at;
      s.status = 'DECIDED';
      meetDeadline(s, 'decision', at);
      // APL 61: served on the spot or within N working days.
      armDeadline(s, 'service', at, at, policy);
      return;
    case 'DECISION_SERVED':
      s.service = clone(e.service);
      s.servedAt = e.service.deemedServedAt;
      s.status = 'SERVED';
      meetDeadline(s, 'service', e.service.servedAt);
      afterService(s, meta);
      return;
    case 'PAYMENT_RECORDED':
      s.payments.push({ amount: e.amount, paidAt: e.paidAt, receipt: e.receipt, recordedAt: at });
      s.amountPaid = e.totalPaid;
      if (e.paidInFull) {
        s.status = 'EXECUTED';
        s.executedAt = e.paidAt;
        meetDeadline(s, 'payment', e.paidAt);
        completed(s, e.paidAt, meta);
      }
      return;
    case 'CHALLENGE_RECORDED': {
      const existing = s.challenges.find((c) => c.challengeId === e.challengeId);
      if (e.stage === 'FILED' || !existing) {
        s.challenges.push({ challengeId: e.challengeId, kind: e.kind, filedAt: e.at, body: e.body });
      } else {
        existing.decidedAt = e.at;
        if (e.result !== undefined) existing.result = e.result;
      }
      if ((e.result === 'REVOKED' || e.result === 'CONFIRMED_INVALID') && s.decision) s.decision.revoked = true;
      return;
    }
    case 'DEADLINE_EXTENDED': {
      const d = s.deadlines[e.deadline];
      if (d) {
        d.extensions = e.extensionNo;
        recomputeDeadline(s, e.deadline, policy);
      }
      return;
    }
    case 'CASE_SUSPENDED':
      s.statusBeforeSuspension = s.status;
      s.status = 'SUSPENDED';
      openPause(s, at, `${PAUSE.SUSPENSION}: ${e.reason}`, policy);
      return;
    case 'CASE_RESUMED':
      s.status = s.statusBeforeSuspension ?? 'FILED';
      delete s.statusBeforeSuspension;
      closePause(s, PAUSE.SUSPENSION, at, policy);
      return;
    case 'CASE_TERMINATED':
      s.status = 'TERMINATED';
      s.terminatedAt = at;
      delete s.statusBeforeSuspension;
      closeAllPauses(s, at, policy);
      cancelAllDeadlines(s, at);
      completed(s, at, meta);
      return;
    case 'PERSON_RECUSED':
      s.recusals.push({ userId: e.userId, name: e.name, role: e.role, reason: e.reason, requestedBy: e.requestedBy, at });
      if (e.role === 'OFFICER') {
        s.officers = s.officers.filter((o) => o.userId !== e.userId);
        if (e.replacement) s.officers.push(clone(e.replacement));
      } else if (s.hearing) {
        // The hearing needs a new host and a new date.
        const { requestedAt, location } = s.hearing;
        s.hearing = { requestedAt, ...(location !== undefined ? { location } : {}) };
        if (s.status === 'HEARING_SCHEDULED') s.status = 'HEARING_REQUESTED';
      }
      return;
    case 'CASE_CLOSED':
      s.closure = { summary: e.summary, at };
      s.closedAt = at;
      s.status = 'CLOSED';
      meetDeadline(s, 'closure', at);
      cancelAllDeadlines(s, at);
      return;
    case 'CASE_ARCHIVED':
      s.archivedAt = at;
      s.status = 'ARCHIVED';
      cancelAllDeadlines(s, at);
      return;
    case 'SIMPLE_DECISION_MADE':
      s.decision = {
        outcome: 'PENALTY',
        penalty: clone(e.penalty),
        documentNumber: e.documentNumber,
        text: e.text,
        legalBasis: e.legalBasis,
        amountDue: e.amountDue,
        decidedAt: at,
        decidedBy: e.decidedBy,
        simple: true,
      };
      s.decidedAt = at;
      s.service = clone(e.service);
      s.servedAt = e.service.deemedServedAt;
      s.status = 'SERVED';
      // APL 52: reported to the agency within the policy's working days.
      armDeadline(s, 'simpleReport', at, at, policy);
      afterService(s, meta);
      return;
    case 'SIMPLE_DECISION_REPORTED':
      s.simpleReport = { reportedAt: at, ...(e.note !== undefined ? { note: e.note } : {}) };
      meetDeadline(s, 'simpleReport', at);
      return;
    case 'DEADLINE_APPROACHING': {
      const d = s.deadlines[e.deadline];
      if (d) d.reminded = true;
      return;
    }
    case 'DEADLINE_MISSED': {
      const d = s.deadlines[e.deadline];
      if (d && d.state === 'OPEN') {
        d.state = 'MISSED';
        d.missedAt = at;
      }
      return;
    }
    case 'TRANSFER_PROPOSED':
      s.transfer = { proposedAt: at, grounds: e.grounds, officers: clone(e.officers), ...(e.thresholdFacts !== undefined ? { thresholdFacts: e.thresholdFacts } : {}) };
      s.statusBeforeTransfer = s.status;
      s.status = 'TRANSFER_PROPOSED';
      s.suspectedCrime = true;
      // While a transfer is pending no decision may be made (R310 11), so its clock stops.
      openPause(s, at, PAUSE.TRANSFER, policy);
      return;
    case 'TRANSFER_APPROVED':
      if (s.transfer) s.transfer.approval = { approved: true, reason: e.reason, at };
      s.status = 'TRANSFER_APPROVED';
      return;
    case 'TRANSFER_REFUSED':
      if (s.transfer) {
        s.transfer.approval = { approved: false, reason: e.reason, at };
        s.transfer.outcome = 'REFUSED_BY_HEAD';
      }
      // A reasoned refusal clears the suspicion flag.
      s.suspectedCrime = false;
      returnFromTransfer(s, meta);
      return;
    case 'TRANSFER_DISPATCHED':
      if (s.transfer) {
        s.transfer.dispatch = { sentAt: e.sentAt, policeAgency: e.policeAgency, procuratorate: e.procuratorate, documents: [...e.documents] };
      }
      s.status = 'TRANSFERRED';
      s.suspectedCrime = false; // the transfer is made
      return;
    case 'POLICE_DECISION_RECORDED':
      if (e.decision === 'RECEIPT') {
        if (s.transfer) s.transfer.receivedAt = e.at;
        return;
      }
      if (s.transfer) s.transfer.policeDecision = { accepted: e.decision === 'ACCEPT', at: e.at, ...(e.reason !== undefined ? { reason: e.reason } : {}) };
      if (e.decision === 'ACCEPT') transferAccepted(s, meta);
      else s.status = 'TRANSFER_DECLINED';
      return;
    case 'TRANSFER_RECONSIDERATION_REQUESTED':
      if (s.transfer) s.transfer.reconsideration = { requestedAt: at, reason: e.reason };
      s.status = 'TRANSFER_RECONSIDERATION_REQUESTED';
      return;
    case 'TRANSFER_RECONSIDERATION_ANSWERED':
      if (s.transfer?.reconsideration) s.transfer.reconsideration.answer = { accepted: e.accept, reason: e.reason, at };
      if (e.accept) transferAccepted(s, meta);
      else s.status = 'TRANSFER_DECLINED';
      return;
    case 'TRANSFER_SUPERVISION_REQUESTED':
      if (s.transfer) s.transfer.supervision = { requestedAt: at, reason: e.reason };
      s.status = 'TRANSFER_SUPERVISION_REQUESTED';
      return;
    case 'TRANSFER_SUPERVISION_RESOLVED':
      if (s.transfer?.supervision) s.transfer.supervision.resolution = { outcome: e.outcome, reason: e.reason, at };
      if (e.outcome === 'POLICE_TO_FILE') transferAccepted(s, meta);
      else s.status = 'TRANSFER_DECLINED';
      return;
    case 'ADMINISTRATIVE_CASE_RESUMED':
      // R310 10: after a final refusal the agency completes the case where it left it.
      if (s.transfer) s.transfer.outcome = 'RETURNED';
      returnFromTransfer(s, meta);
      return;
    default: {
      const never: never = e;
      throw new Error(`evolve: unknown event ${(never as { type: string }).type}`);
    }
  }
}

/** After the decision is served: payment if money is due, else the case is complete. */
function afterService(s: CaseState, meta: EvolveMeta): void {
  const deemed = s.service!.deemedServedAt;
  if ((s.decision?.amountDue ?? 0) > 0) {
    // APL 67: pay within N days of receipt.
    armDeadline(s, 'payment', deemed, meta.at, meta.policy);
  } else {
    completed(s, deemed, meta);
  }
}
