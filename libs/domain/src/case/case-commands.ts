// Commands: what a person (or the workflow's own timers) asks of a case. Each
// stage declares its own commands beside their rules (stages/*.ts); this is
// their union. Officers named in a command arrive as ActorSnapshots resolved
// by the API from Postgres (roles, certificates), never as bare ids.

import type { RegistrationCommand } from './stages/registration';
import type { FilingCommand } from './stages/filing';
import type { InvestigationCommand } from './stages/investigation';
import type { EvidenceCommand } from './stages/evidence';
import type { AuxiliaryStaffCommand } from './stages/auxiliary-staff';
import type { ExaminationCommand } from './stages/examination';
import type { NoticeCommand } from './stages/notice';
import type { HearingCommand } from './stages/hearing';
import type { LegalReviewCommand } from './stages/legal-review';
import type { CollectiveDiscussionCommand } from './stages/collective-discussion';
import type { DecisionCommand } from './stages/decision';
import type { ExecutionCommand } from './stages/execution';
import type { EnforcementCommand } from './stages/enforcement';
import type { ChallengeCommand } from './stages/challenges';
import type { CaseControlCommand } from './stages/case-control';
import type { ClosingCommand } from './stages/closing';
import type { SimpleProcedureCommand } from './stages/simple-procedure';
import type { SimpleExitCommand } from './stages/simple-exits';
import type { DeadlineTimerCommand } from './stages/deadline-timers';
import type { CriminalTransferCommand } from './stages/criminal-transfer';
import type { SuspectedCrimeCommand } from './stages/suspected-crime';
import type { TransferPoliceCommand } from './stages/transfer-police-steps';
import type { TransferBodyCommand } from './stages/transfer-body-steps';
import type { PreservationCommand } from './stages/preservation';
import type { SeizureCommand } from './stages/seizure';
import type { DocumentCommand } from './stages/documents';
import type { DisclosureCommand } from './stages/disclosure';

export * from './command-context';

export type CaseCommand =
  | RegistrationCommand
  | FilingCommand
  | EvidenceCommand
  | AuxiliaryStaffCommand
  | InvestigationCommand
  | ExaminationCommand
  | NoticeCommand
  | HearingCommand
  | LegalReviewCommand
  | CollectiveDiscussionCommand
  | DecisionCommand
  | ExecutionCommand
  | EnforcementCommand
  | ChallengeCommand
  | CaseControlCommand
  | ClosingCommand
  | SimpleProcedureCommand
  | SimpleExitCommand
  | DeadlineTimerCommand
  | CriminalTransferCommand
  | SuspectedCrimeCommand
  | TransferPoliceCommand
  | TransferBodyCommand
  | PreservationCommand
  | SeizureCommand
  | DocumentCommand
  | DisclosureCommand;

export type CommandType = CaseCommand['type'];
export type CommandOf<T extends CommandType> = Extract<CaseCommand, { type: T }>;
