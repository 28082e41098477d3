// Events: payload only; each stage declares the events its commands emit
// (stages/*.ts), and this is their union. The persistence layer adds seq, actor, occurredAt and
// the hash chain. Each accepted command yields exactly one event; people the
// state must remember (reviewer, host, decider) travel in the payload because
// evolve() never sees the envelope's actor.

import type { RegistrationEvent } from './stages/registration';
import type { FilingEvent } from './stages/filing';
import type { InvestigationEvent } from './stages/investigation';
import type { EvidenceEvent } from './stages/evidence';
import type { AuxiliaryStaffEvent } from './stages/auxiliary-staff';
import type { ExaminationEvent } from './stages/examination';
import type { NoticeEvent } from './stages/notice';
import type { HearingEvent } from './stages/hearing';
import type { LegalReviewEvent } from './stages/legal-review';
import type { CollectiveDiscussionEvent } from './stages/collective-discussion';
import type { DecisionEvent } from './stages/decision';
import type { ExecutionEvent } from './stages/execution';
import type { EnforcementEvent } from './stages/enforcement';
import type { ChallengeEvent } from './stages/challenges';
import type { CaseControlEvent } from './stages/case-control';
import type { ClosingEvent } from './stages/closing';
import type { SimpleProcedureEvent } from './stages/simple-procedure';
import type { SimpleExitEvent } from './stages/simple-exits';
import type { DeadlineTimerEvent } from './stages/deadline-timers';
import type { CriminalTransferEvent } from './stages/criminal-transfer';
import type { SuspectedCrimeEvent } from './stages/suspected-crime';
import type { TransferPoliceEvent } from './stages/transfer-police-steps';
import type { TransferBodyEvent } from './stages/transfer-body-steps';
import type { PreservationEvent } from './stages/preservation';
import type { SeizureEvent } from './stages/seizure';
import type { DocumentEvent } from './stages/documents';
import type { DisclosureEvent } from './stages/disclosure';

export type CaseEvent =
  | RegistrationEvent
  | FilingEvent
  | EvidenceEvent
  | AuxiliaryStaffEvent
  | InvestigationEvent
  | ExaminationEvent
  | NoticeEvent
  | HearingEvent
  | LegalReviewEvent
  | CollectiveDiscussionEvent
  | DecisionEvent
  | ExecutionEvent
  | EnforcementEvent
  | ChallengeEvent
  | CaseControlEvent
  | ClosingEvent
  | SimpleProcedureEvent
  | SimpleExitEvent
  | DeadlineTimerEvent
  | CriminalTransferEvent
  | SuspectedCrimeEvent
  | TransferPoliceEvent
  | TransferBodyEvent
  | PreservationEvent
  | SeizureEvent
  | DocumentEvent
  | DisclosureEvent;

export type CaseEventType = CaseEvent['type'];
export type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;
