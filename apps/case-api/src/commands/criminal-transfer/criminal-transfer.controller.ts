import { Body } from '@nestjs/common';
import { dispatchBodyProblems } from '@zhifa/domain';
import { OutsideBodyRepository } from '@zhifa/persistence';
import { refuseBodies } from '../../bodies/body-problems';
import { CaseCommandRunner, CommandCall, type CaseCall, type CommandResponse } from '../../cases/case-command-runner.service';
import { CaseCommandController, CommandRoute } from '../command-route.decorator';
import { iso } from '../dto-rules';
import {
  DispatchTransferDto,
  PoliceDecisionDto,
  ProposeTransferDto,
  ResumeAdministrativeCaseDto,
  TransferApprovalDto,
  TransferReconsiderationDto,
  TransferSupervisionDto,
} from './criminal-transfer.dto';

/** 两法衔接: a suspected crime proposed, approved, sent to the police, answered, reconsidered, supervised or returned. */
@CaseCommandController()
export class CriminalTransferController {
  constructor(
    private readonly runner: CaseCommandRunner,
    private readonly bodies: OutsideBodyRepository,
  ) {}

  @CommandRoute('PROPOSE_TRANSFER', '两法衔接: propose a transfer with grounds and ≥2 officers')
  proposeTransfer(@Body() dto: ProposeTransferDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, async (people) => ({
      type: 'PROPOSE_TRANSFER',
      grounds: dto.grounds,
      officers: await people.named(dto.officerIds, 'officerIds'),
      ...(dto.thresholdFacts !== undefined ? { thresholdFacts: dto.thresholdFacts } : {}),
    }));
  }

  @CommandRoute('DECIDE_TRANSFER', 'Approve or refuse the transfer with reasons')
  transferApproval(@Body() dto: TransferApprovalDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'DECIDE_TRANSFER', approve: dto.approve, reason: dto.reason }));
  }

  @CommandRoute('DISPATCH_TRANSFER', 'Transfer sent to police, copy to the procuratorate')
  dispatchTransfer(@Body() dto: DispatchTransferDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, async () => {
      // The police unit and the procuratorate are registered bodies (R310 6): their liaisons are the ones who answer.
      refuseBodies(dispatchBodyProblems(await this.bodies.register(), dto));
      return {
        type: 'DISPATCH_TRANSFER',
        sentAt: iso(dto.sentAt),
        policeAgency: dto.policeAgency,
        procuratorate: dto.procuratorate,
        documents: [...dto.documents],
      };
    });
  }

  @CommandRoute('RECORD_POLICE_DECISION', 'Police receipt, acceptance or declining with reasons')
  policeDecision(@Body() dto: PoliceDecisionDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({
      type: 'RECORD_POLICE_DECISION',
      decision: dto.decision,
      at: iso(dto.at),
      ...(dto.reason !== undefined ? { reason: dto.reason } : {}),
    }));
  }

  @CommandRoute('criminal-transfer/reconsideration', 'REQUEST (agency) or ANSWER (police) a reconsideration of the refusal')
  transferReconsideration(@Body() dto: TransferReconsiderationDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () =>
      dto.action === 'ANSWER'
        ? { type: 'ANSWER_TRANSFER_RECONSIDERATION', accept: dto.accept!, reason: dto.reason }
        : { type: 'REQUEST_TRANSFER_RECONSIDERATION', reason: dto.reason },
    );
  }

  @CommandRoute('criminal-transfer/supervision', '立案监督: REQUEST (agency) or RESOLVE (procuratorate)')
  transferSupervision(@Body() dto: TransferSupervisionDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () =>
      dto.action === 'RESOLVE'
        ? { type: 'RESOLVE_TRANSFER_SUPERVISION', outcome: dto.outcome!, reason: dto.reason }
        : { type: 'REQUEST_TRANSFER_SUPERVISION', reason: dto.reason },
    );
  }

  @CommandRoute('RESUME_ADMINISTRATIVE_CASE', 'After a final refusal, the case returns to the administrative track')
  transferReturn(@Body() dto: ResumeAdministrativeCaseDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'RESUME_ADMINISTRATIVE_CASE', reason: dto.reason }));
  }
}
