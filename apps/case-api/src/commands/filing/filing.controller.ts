import { Body } from '@nestjs/common';
import { CaseReadRepository } from '@zhifa/persistence';
import { CaseCommandRunner, CommandCall, type CaseCall, type CommandResponse } from '../../cases/case-command-runner.service';
import type { CaseView } from '../../cases/case-view';
import { sameActOf } from '../../cases/same-act';
import { CaseCommandController, CommandRoute } from '../command-route.decorator';
import { dateOrInstant } from '../dto-rules';
import { DecideFilingDto } from './filing.dto';
import { leadOf, RegisterLeadDto } from './register-lead.dto';

/** 案源登记 and 立案: a lead becomes a case, and the head files or declines it. */
@CaseCommandController()
export class FilingController {
  constructor(
    private readonly runner: CaseCommandRunner,
    private readonly cases: CaseReadRepository,
  ) {}

  @CommandRoute('REGISTER_LEAD', '案源登记: register a lead; starts the case workflow', { created: true })
  register(@Body() dto: RegisterLeadDto, @CommandCall() call: CaseCall): Promise<CaseView> {
    return this.runner.register(call, dto, async (people) => {
      const lead = leadOf(dto, await people.named(dto.officerIds, 'officerIds'));
      const sameAct = await this.cases.sameAct(dto.party, dto.violationCode);
      return sameAct.length > 0 ? { ...lead, sameActCases: sameAct } : lead;
    });
  }

  @CommandRoute('DECIDE_FILING', '立案 or 不予立案')
  filing(@Body() dto: DecideFilingDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, async (people, row) => ({
      type: 'DECIDE_FILING',
      ...(row ? { sameActCases: await sameActOf(this.cases, row) } : {}),
      approve: dto.approve,
      reason: dto.reason,
      officers: dto.officerIds ? await people.named(dto.officerIds, 'officerIds') : [],
      ...(dto.violationAt !== undefined ? { violationAt: dateOrInstant(dto.violationAt) } : {}),
      ...(dto.lifeHealthFinancialSafety !== undefined ? { lifeHealthFinancialSafety: dto.lifeHealthFinancialSafety } : {}),
    }));
  }
}
