import { Body, Param } from '@nestjs/common';
import { CaseCommandRunner, CommandCall, type CaseCall, type CommandResponse } from '../../cases/case-command-runner.service';
import { CaseCommandController, CommandRoute } from '../command-route.decorator';
import { iso } from '../dto-rules';
import { penalty } from '../penalty.dto';
import { TransferCustodyDto } from './evidence-custody.dto';
import { AttachAuxiliaryDto, ConfirmEvidenceDto } from './auxiliary.dto';
import { discretionBases, InvestigationReportDto } from './investigation-report.dto';

/** 调查: custody of the evidence and the investigation report (evidence itself is uploaded by EvidenceController). */
@CaseCommandController()
export class InvestigationController {
  constructor(private readonly runner: CaseCommandRunner) {}

  @CommandRoute('TRANSFER_CUSTODY', 'Hand an evidence item to another custodian')
  custody(@Param('evidenceId') evidenceId: string, @Body() dto: TransferCustodyDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, async (people) => {
      await people.one(dto.to, 'to'); // the new custodian must be a real user
      return { type: 'TRANSFER_CUSTODY', evidenceId, from: dto.from, to: dto.to, at: iso(dto.at), reason: dto.reason };
    });
  }

  @CommandRoute('CONFIRM_EVIDENCE', 'Two certified officers of the case confirm an item drafted by auxiliary staff')
  confirmEvidence(@Param('evidenceId') evidenceId: string, @Body() dto: ConfirmEvidenceDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, async (people) => ({ type: 'CONFIRM_EVIDENCE', evidenceId, confirmers: await people.named(dto.confirmerIds, 'confirmerIds') }));
  }

  @CommandRoute('ATTACH_AUXILIARY', '指派辅助执法人员: attach auxiliary staff to the case under one of its officers')
  attachAuxiliary(@Body() dto: AttachAuxiliaryDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, async (people) => ({
      type: 'ATTACH_AUXILIARY',
      auxiliary: await people.one(dto.auxiliaryId, 'auxiliaryId'),
      supervisorId: dto.supervisorId,
    }));
  }

  @CommandRoute('SUBMIT_INVESTIGATION_REPORT', '调查终结报告')
  investigationReport(@Body() dto: InvestigationReportDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({
      type: 'SUBMIT_INVESTIGATION_REPORT',
      findings: dto.findings,
      proposedOutcome: dto.proposedOutcome,
      legalBasis: dto.legalBasis,
      circumstanceLevel: dto.circumstanceLevel,
      ...(dto.proposedPenalty ? { proposedPenalty: penalty(dto.proposedPenalty) } : {}),
      ...(dto.discretionReasons !== undefined ? { discretionReasons: dto.discretionReasons } : {}),
      ...(dto.discretionBases !== undefined ? { discretionBases: discretionBases(dto.discretionBases) } : {}),
    }));
  }
}
