// Commands: what a person (or the workflow's own timers) asks of a case. Each
// stage declares its own commands beside their rules (stages/*.ts); this is
// their union. Officers named in a command arrive as ActorSnapshots resolved
// by the API from Postgres (roles, certificates), never as bare ids.

import type { RegistrationCommand } from './stages/registration';
import type { FilingCommand } from './stages/filing';
import type { InvestigationCommand } from './stages/investigation';
import type { ExaminationCommand } from './stages/examination';
import type { NoticeCommand } from './stages/notice';
import type { HearingCommand } from './stages/hearing';
import type { LegalReviewCommand } from './stages/legal-review';
import type { CollectiveDiscussionCommand } from './stages/collective-discussion';
import type { DecisionCommand } from './stages/decision';
import type { ExecutionCommand } from './stages/execution';
import type { ChallengeCommand } from './stages/challenges';
import type { CaseControlCommand } from './stages/case-control';
import type { ClosingCommand } from './stages/closing';
import type { SimpleProcedureCommand } from './stages/simple-procedure';
import type { DeadlineTimerCommand } from './stages/deadline-timers';
import type { CriminalTransferCommand } from './stages/criminal-transfer';

export * from './command-context';

export type CaseCommand =
  | RegistrationCommand
  | FilingCommand
  | InvestigationCommand
  | ExaminationCommand
  | NoticeCommand
  | HearingCommand
  | LegalReviewCommand
  | CollectiveDiscussionCommand
  | DecisionCommand
  | ExecutionCommand
  | ChallengeCommand
  | CaseControlCommand
  | ClosingCommand
  | SimpleProcedureCommand
  | DeadlineTimerCommand
  | CriminalTransferCommand;

export type CommandType = CaseCommand['type'];
export type CommandOf<T extends CommandType> = Extract<CaseCommand, { type: T }>;
