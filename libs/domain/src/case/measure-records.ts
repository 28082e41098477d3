// What the state keeps of each coercive measure on a case: 先行登记保存
// (APL 56) and 查封扣押 (ACL 22–28). Plain JSON, as the rest of the state.
// Several may run on one case; each is known by its measureId.

import type { DeadlineBasis, PauseInterval } from '../calendar';
import type { CaseOfficer, PersonRef } from './case-records';
import type { MeasureKind, MeasureOutcome, MeasureStatus, SeizureMode } from './vocabulary';

/** One line of the inventory (清单) the officers and the party sign. */
export interface InventoryItem {
  description: string;
  quantity: number;
  unit: string;
  /** Where the items are kept (on the spot for a seal, the store room for a seizure). */
  location: string;
  /** Who keeps them. */
  custodian: string;
}

export interface MeasureApproval {
  approved: boolean;
  reason: string;
  at: string;
  by: PersonRef;
  /** Emergency measures only: approved more than 24 hours after the officers acted. */
  late?: boolean;
}

export interface MeasureEnding {
  outcome: MeasureOutcome;
  /** The legal basis cited, e.g. "MSA 34 (5)" or "ACL 28 (1)". */
  basis: string;
  reason: string;
  at: string;
  by: PersonRef;
  /** HAND_OVER: the body the items went to. */
  transferredTo?: string;
  /** SEIZE: the seizure that continues this preservation. */
  seizureId?: string;
  /** Decided after the period had lapsed. */
  late?: boolean;
}

export interface CoerciveMeasure {
  measureId: string;
  kind: MeasureKind;
  /** 查封 or 扣押 (seizures only). */
  mode?: SeizureMode;
  status: MeasureStatus;
  /** Why: evidence may be lost or later hard to obtain (APL 56); the facts of ACL 22–23. */
  grounds: string;
  legalBasis?: string;
  /** The seizure decision's number (ACL 24). */
  decisionNumber?: string;
  officers: CaseOfficer[];
  items: InventoryItem[];
  requestedAt: string;
  requestedBy: PersonRef;
  /** The officers acted first and report to the head within 24 hours (APL 56; ACL 19). */
  emergency: boolean;
  approval?: MeasureApproval;
  /** When the measure took effect: the period runs from here. */
  startAt?: string;
  dueAt?: string;
  remindAt?: string;
  basis?: DeadlineBasis;
  /** ACL 25: once, up to 30 days, with the head's approval. */
  extension?: { days: number; reason: string; at: string; by: PersonRef };
  /** ACL 25 ¶3: testing, inspection, quarantine or appraisal time is not counted. */
  testing: (PauseInterval & { to: string })[];
  /** A seizure that continues a preservation. */
  fromPreservationId?: string;
  ending?: MeasureEnding;
  lapsedAt?: string;
}
