import { Body } from '@nestjs/common';
import { CaseCommandRunner, CommandCall, type CaseCall, type CommandResponse } from '../../cases/case-command-runner.service';
import { CaseCommandController, CommandRoute } from '../command-route.decorator';
import { penalty } from '../penalty.dto';
import { serviceDetails } from '../service.dto';
import { SimpleDecisionDto, SimpleReportDto } from './simple-procedure.dto';

/** 简易程序: decided and served on the spot, then reported to the agency. */
@CaseCommandController()
export class SimpleProcedureController {
  constructor(private readonly runner: CaseCommandRunner) {}

  @CommandRoute('SIMPLE_DECIDE', '当场处罚: decided and served on the spot')
  simpleDecision(@Body() dto: SimpleDecisionDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({
      type: 'SIMPLE_DECIDE',
      facts: dto.facts,
      legalBasis: dto.legalBasis,
      penalty: penalty(dto.penalty),
      documentNumber: dto.documentNumber,
      text: dto.text,
      service: serviceDetails(dto.service),
    }));
  }

  @CommandRoute('REPORT_SIMPLE', 'On-the-spot decision reported to the agency')
  simpleReport(@Body() dto: SimpleReportDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'REPORT_SIMPLE', ...(dto.note !== undefined ? { note: dto.note } : {}) }));
  }
}
