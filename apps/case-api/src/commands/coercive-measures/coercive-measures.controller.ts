import { Body } from '@nestjs/common';
import { CaseCommandRunner, CommandCall, type CaseCall, type CommandResponse } from '../../cases/case-command-runner.service';
import { CaseCommandController, CommandRoute } from '../command-route.decorator';
import { iso } from '../dto-rules';
import {
  EndSeizureDto,
  inventory,
  PreservationApprovalDto,
  PreservationDecisionDto,
  PreserveEvidenceDto,
  SeizeDto,
  SeizureExtensionDto,
  SeizureTestingDto,
} from './coercive-measures.dto';

/** 先行登记保存 (APL 56) and 查封扣押 (ACL 22–28): each measure named by its id. */
@CaseCommandController()
export class CoerciveMeasuresController {
  constructor(private readonly runner: CaseCommandRunner) {}

  @CommandRoute('PRESERVE_EVIDENCE', '先行登记保存: ≥2 officers preserve evidence with an inventory (emergency: approved within 24 h)')
  preserve(@Body() dto: PreserveEvidenceDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, async (people) => ({
      type: 'PRESERVE_EVIDENCE',
      measureId: dto.measureId,
      grounds: dto.grounds,
      officers: await people.named(dto.officerIds, 'officerIds'),
      items: inventory(dto.items),
      emergency: dto.emergency,
      ...(dto.preservedAt !== undefined ? { preservedAt: iso(dto.preservedAt) } : {}),
    }));
  }

  @CommandRoute('APPROVE_PRESERVATION', 'The head approves or refuses a preservation')
  approvePreservation(@Body() dto: PreservationApprovalDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'APPROVE_PRESERVATION', measureId: dto.measureId, approve: dto.approve, reason: dto.reason }));
  }

  @CommandRoute('DECIDE_PRESERVATION', 'The decision on preserved items within 7 working days: return, testing, transfer or confiscation')
  decidePreservation(@Body() dto: PreservationDecisionDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({
      type: 'DECIDE_PRESERVATION',
      measureId: dto.measureId,
      decision: dto.decision,
      basis: dto.basis,
      reason: dto.reason,
      ...(dto.transferredTo !== undefined ? { transferredTo: dto.transferredTo } : {}),
    }));
  }

  @CommandRoute('SEIZE', '查封扣押: the head decides, ≥2 officers carry it out with an inventory; 30 days')
  seize(@Body() dto: SeizeDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, async (people) => ({
      type: 'SEIZE',
      measureId: dto.measureId,
      mode: dto.mode,
      decisionNumber: dto.decisionNumber,
      grounds: dto.grounds,
      legalBasis: dto.legalBasis,
      seizedAt: iso(dto.seizedAt),
      officers: await people.named(dto.officerIds, 'officerIds'),
      items: inventory(dto.items),
      ...(dto.fromPreservationId !== undefined ? { fromPreservationId: dto.fromPreservationId } : {}),
    }));
  }

  @CommandRoute('EXTEND_SEIZURE', 'Extend a seizure once, by at most 30 days (ACL 25)')
  extendSeizure(@Body() dto: SeizureExtensionDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'EXTEND_SEIZURE', measureId: dto.measureId, days: dto.days, reason: dto.reason }));
  }

  @CommandRoute('RECORD_SEIZURE_TESTING', 'Testing or appraisal time, not counted in the seizure period (ACL 25 ¶3)')
  seizureTesting(@Body() dto: SeizureTestingDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'RECORD_SEIZURE_TESTING', measureId: dto.measureId, startedAt: iso(dto.startedAt), endedAt: iso(dto.endedAt), purpose: dto.purpose }));
  }

  @CommandRoute('END_SEIZURE', 'End a seizure: return (解除), confiscation under the decision, or transfer')
  endSeizure(@Body() dto: EndSeizureDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({
      type: 'END_SEIZURE',
      measureId: dto.measureId,
      ending: dto.ending,
      basis: dto.basis,
      reason: dto.reason,
      ...(dto.transferredTo !== undefined ? { transferredTo: dto.transferredTo } : {}),
    }));
  }
}
