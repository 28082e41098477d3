import { CaseControlController } from './case-control/case-control.controller';
import { CoerciveMeasuresController } from './coercive-measures/coercive-measures.controller';
import { CriminalTransferController } from './criminal-transfer/criminal-transfer.controller';
import { TransferPoliceStepsController } from './criminal-transfer/transfer-police-steps.controller';
import { TransferBodyStepsController } from './criminal-transfer/transfer-body-steps.controller';
import { ExaminationController } from './examination/examination.controller';
import { DecisionController } from './decision/decision.controller';
import { FilingController } from './filing/filing.controller';
import { InvestigationController } from './investigation/investigation.controller';
import { PreDecisionController } from './pre-decision/pre-decision.controller';
import { SimpleProcedureController } from './simple-procedure/simple-procedure.controller';
import { SuspectedCrimeController } from './suspected-crime/suspected-crime.controller';

/** One controller per stage of the case; their routes come from the command table (CommandRoute). */
export const STAGE_CONTROLLERS = [
  FilingController,
  InvestigationController,
  CoerciveMeasuresController,
  ExaminationController,
  PreDecisionController,
  DecisionController,
  CaseControlController,
  SimpleProcedureController,
  CriminalTransferController,
  SuspectedCrimeController,
  TransferPoliceStepsController,
  TransferBodyStepsController,
];
