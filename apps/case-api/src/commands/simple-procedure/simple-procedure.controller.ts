import { Body } from '@nestjs/common';
import { CaseReadRepository } from '@zhifa/persistence';
import { CaseCommandRunner, CommandCall, type CaseCall, type CommandResponse } from '../../cases/case-command-runner.service';
import { sameActOf } from '../../cases/same-act';
import { CaseCommandController, CommandRoute } from '../command-route.decorator';
import { dateOrInstant } from '../dto-rules';
import { penalty } from '../penalty.dto';
import { serviceDetails } from '../service.dto';
import { ConvertToOrdinaryDto, DismissSimpleLeadDto, SimpleDecisionDto, SimpleNoPenaltyDto, SimpleReportDto } from './simple-procedure.dto';

/** 简易程序: decided and served on the spot, then reported to the agency; or converted, decided without penalty, or closed. */
@CaseCommandController()
export class SimpleProcedureController {
  constructor(
    private readonly runner: CaseCommandRunner,
    private readonly cases: CaseReadRepository,
  ) {}

  @CommandRoute('SIMPLE_DECIDE', '当场处罚: decided and served on the spot')
  simpleDecision(@Body() dto: SimpleDecisionDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, async (_people, row) => ({
      type: 'SIMPLE_DECIDE',
      facts: dto.facts,
      legalBasis: dto.legalBasis,
      penalty: penalty(dto.penalty),
      documentNumber: dto.documentNumber,
      text: dto.text,
      service: serviceDetails(dto.service),
      defence: {
        waived: dto.defence.waived,
        ...(dto.defence.statement !== undefined ? { statement: dto.defence.statement } : {}),
        ...(dto.defence.points ? { points: dto.defence.points.map((p) => ({ point: p.point, adopted: p.adopted, reason: p.reason })) } : {}),
      },
      ...(dto.violationAt !== undefined ? { violationAt: dateOrInstant(dto.violationAt) } : {}),
      ...(dto.lifeHealthFinancialSafety !== undefined ? { lifeHealthFinancialSafety: dto.lifeHealthFinancialSafety } : {}),
      ...(row ? { sameActCases: await sameActOf(this.cases, row) } : {}),
      ...(dto.sameActOverrideReason !== undefined ? { sameActOverrideReason: dto.sameActOverrideReason } : {}),
    }));
  }

  @CommandRoute('CONVERT_TO_ORDINARY', '转为普通程序: a simple lead that does not qualify continues as the same case')
  simpleConversion(@Body() dto: ConvertToOrdinaryDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'CONVERT_TO_ORDINARY', reason: dto.reason }));
  }

  @CommandRoute('SIMPLE_NO_PENALTY', '当场不予处罚: decided and served on the spot, with its ground')
  simpleNoPenalty(@Body() dto: SimpleNoPenaltyDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({
      type: 'SIMPLE_NO_PENALTY',
      ground: dto.ground,
      reason: dto.reason,
      facts: dto.facts,
      legalBasis: dto.legalBasis,
      documentNumber: dto.documentNumber,
      text: dto.text,
      service: serviceDetails(dto.service),
      ...(dto.violationAt !== undefined ? { violationAt: dateOrInstant(dto.violationAt) } : {}),
      ...(dto.lifeHealthFinancialSafety !== undefined ? { lifeHealthFinancialSafety: dto.lifeHealthFinancialSafety } : {}),
    }));
  }

  @CommandRoute('DISMISS_SIMPLE_LEAD', '违法事实不成立: the simple lead is closed without a decision')
  simpleDismissal(@Body() dto: DismissSimpleLeadDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'DISMISS_SIMPLE_LEAD', reason: dto.reason, facts: dto.facts }));
  }

  @CommandRoute('REPORT_SIMPLE', 'On-the-spot decision reported to the agency')
  simpleReport(@Body() dto: SimpleReportDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'REPORT_SIMPLE', ...(dto.note !== undefined ? { note: dto.note } : {}) }));
  }
}
