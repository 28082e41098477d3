// Every round of a case's legal review (法制审核), from its recorded events.
// The state keeps only the current round (a new report clears it); the
// reviewer reading a resubmitted case needs the earlier opinions too, and the
// event log is where they are kept. Pure: the API passes the stored events in.

import type { CaseEvent, EventOf } from './case-events';
import type { Penalty, PersonRef } from './case-records';
import type { LegalReviewerRef } from './pre-decision-records';
import type { CircumstanceLevel, LegalReviewOpinion, LegalReviewReturn, ProposedOutcome } from './vocabulary';

/** One request for a legal review, whom it was assigned to, and the opinion, once given. */
export interface LegalReviewRound {
  /** 1 for the first request, in the order recorded. */
  round: number;
  requestedAt: string;
  /** Absent on requests recorded before reviewers were named. */
  requestedBy?: PersonRef;
  /** Why the case needs the review, as derived when it was requested. */
  reasons: string[];
  note?: string;
  /** The proposal under review: the report in force when the review was requested. */
  proposal?: { outcome: ProposedOutcome; penalty?: Penalty; circumstanceLevel: CircumstanceLevel; legalBasis: string; reportedAt: string };
  /** Who was named, in order: the request, then each reassignment with its reason. */
  assignments: { reviewer: LegalReviewerRef; at: string; by?: PersonRef; reason?: string }[];
  opinion?: LegalReviewOpinion;
  text?: string;
  points?: string[];
  returnTo?: LegalReviewReturn;
  reviewer?: PersonRef;
  reviewedAt?: string;
}

/** A recorded event as the event store gives it back: the event itself is its payload. */
export interface RecordedCaseEvent {
  occurredAt: string;
  payload: unknown;
}

function asEvent(r: RecordedCaseEvent): CaseEvent {
  return r.payload as CaseEvent;
}

/** The rounds, oldest first. Events must be in their recorded (seq) order. */
export function legalReviewRounds(events: readonly RecordedCaseEvent[]): LegalReviewRound[] {
  const rounds: LegalReviewRound[] = [];
  let report: { e: EventOf<'INVESTIGATION_REPORTED'>; at: string } | undefined;
  for (const r of events) {
    const e = asEvent(r);
    const current = rounds[rounds.length - 1];
    switch (e.type) {
      case 'INVESTIGATION_REPORTED':
        report = { e, at: r.occurredAt };
        break;
      case 'LEGAL_REVIEW_REQUESTED': {
        const round: LegalReviewRound = { round: rounds.length + 1, requestedAt: r.occurredAt, reasons: [...e.reasons], assignments: [] };
        if (e.requestedBy) round.requestedBy = { userId: e.requestedBy.userId, name: e.requestedBy.name };
        if (e.note !== undefined) round.note = e.note;
        if (e.reviewer) round.assignments.push({ reviewer: { ...e.reviewer }, at: r.occurredAt, ...(e.requestedBy ? { by: { ...e.requestedBy } } : {}) });
        if (report) {
          const { e: rep, at } = report;
          round.proposal = { outcome: rep.proposedOutcome, circumstanceLevel: rep.circumstanceLevel, legalBasis: rep.legalBasis, reportedAt: at };
          if (rep.proposedPenalty) round.proposal.penalty = { ...rep.proposedPenalty, kinds: [...rep.proposedPenalty.kinds] };
        }
        rounds.push(round);
        break;
      }
      case 'LEGAL_REVIEW_REASSIGNED':
        current?.assignments.push({ reviewer: { ...e.reviewer }, at: r.occurredAt, by: { ...e.by }, reason: e.reason });
        break;
      case 'LEGAL_REVIEW_RECORDED':
        if (!current) break;
        current.opinion = e.opinion;
        current.text = e.text;
        current.reviewer = { userId: e.reviewer.userId, name: e.reviewer.name };
        current.reviewedAt = r.occurredAt;
        if (e.points) current.points = [...e.points];
        if (e.returnTo) current.returnTo = e.returnTo;
        break;
      default:
        break;
    }
  }
  return rounds;
}
