// What the state remembers of the steps between the report and the decision:
// case review, the notice and its approval, reopenings, defence, hearing,
// legal review, major-case marks and collective discussion. Plain JSON, as the
// state itself; re-exported by case-records.ts.

import type { Penalty, PersonRef, ServiceRecord } from './case-records';
import type { DiscussionPurpose, HearingEndReason, LegalReviewOpinion, LegalReviewReturn, MajorCaseGround, ReviewOpinion } from './vocabulary';

export interface CaseReviewRecord {
  opinion: ReviewOpinion;
  comments: string;
  reviewer: PersonRef;
  at: string;
}

export interface NoticeRecord {
  noticeNumber: string;
  text: string;
  proposedPenalty?: Penalty;
  hearingRightsNotified: boolean;
  service: ServiceRecord;
  /** When the notice was recorded. */
  at?: string;
}

/** A head approved the pre-decision notice of the current report (domain spec §2 step 6). */
export interface NoticeApprovalRecord {
  approvedBy: PersonRef;
  at: string;
  comments?: string;
}

/**
 * The head sent the case back for further investigation after its report
 * (补充调查): what the party had been told, and whether it had defended itself,
 * judge the next report (APL 45).
 */
export interface ReopeningRecord {
  at: string;
  reason: string;
  reopenedBy: PersonRef;
  notifiedPenalty?: Penalty;
  defended: boolean;
  /** The evidence item whose new facts sent the case back (recorded with changesFacts). */
  evidenceId?: string;
}

export interface DefencePoint {
  point: string;
  adopted: boolean;
  reason: string;
}

export interface DefenceRecord {
  waived: boolean;
  /** The party also waived its hearing (听证) right: the hearing-request window ends too. */
  hearingWaived?: boolean;
  statement?: string;
  points?: DefencePoint[];
  at: string;
}

export interface HearingRecord {
  requestedAt: string;
  hearingAt?: string;
  host?: PersonRef;
  location?: string;
  isPublic?: boolean;
  reasonNotPublic?: string;
  /** Service of the hearing notice (听证通知书): the notice period counts from it (APL 64). */
  noticeService?: ServiceRecord;
  heldAt?: string;
  /** Ended without being held: the party withdrew, stayed away or left (APL 64): a waiver. */
  endedAt?: string;
  endReason?: HearingEndReason;
  record?: string;
  report?: string;
}

export interface LegalReviewRecord {
  requestedAt: string;
  reasons: string[];
  /** The reviewer named to give the opinion (absent on reviews requested before reviewers were named). */
  assignee?: LegalReviewerRef;
  /** Who was named, in order: the request, then each reassignment with its reason. */
  assignments?: { reviewer: LegalReviewerRef; at: string; by: PersonRef; reason?: string }[];
  opinion?: LegalReviewOpinion;
  text?: string;
  /** RETURN: the points to revise, and whether the case goes back to investigation or to a new proposal. */
  points?: string[];
  returnTo?: LegalReviewReturn;
  reviewer?: PersonRef;
  reviewedAt?: string;
}

/** A legal reviewer as named, with the certificate that qualified them (APL 58 ¶3). */
export interface LegalReviewerRef extends PersonRef {
  certificateNumber: string;
}

/** APL 58 (1), (3): the case marked major, with grounds and reason. */
export interface MajorCaseMark {
  grounds: MajorCaseGround[];
  reason: string;
  markedBy: PersonRef;
  at: string;
}

/** What the case as it stands needs before its decision (derived after every event from the pinned policy). */
export interface ReviewGrounds {
  legalReview: string[];
  collectiveDiscussion: string[];
}

export interface CollectiveDiscussionRecord {
  purpose: DiscussionPurpose;
  heldAt: string;
  attendees: PersonRef[];
  minutes: string;
  resolution: string;
  recordedAt: string;
}
