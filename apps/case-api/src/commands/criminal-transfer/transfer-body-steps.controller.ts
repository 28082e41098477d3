import { Body } from '@nestjs/common';
import { CaseCommandRunner, CommandCall, type CaseCall, type CommandResponse } from '../../cases/case-command-runner.service';
import { CaseCommandController, CommandRoute } from '../command-route.decorator';
import { iso } from '../dto-rules';
import { NonFilingExplanationDto, NonFilingExplanationRequestDto, TransferIntakeReviewDto } from './transfer-body-steps.dto';

/** 两法衔接: the police's intake review (R310 7) and the steps of filing supervision (立案监督) between the procuratorate and the police. */
@CaseCommandController()
export class TransferBodyStepsController {
  constructor(private readonly runner: CaseCommandRunner) {}

  @CommandRoute('CONFIRM_TRANSFER_INTAKE', 'Police: competent and the material complete, within 24 hours of receipt (R310 7)')
  intakeReview(@Body() dto: TransferIntakeReviewDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'CONFIRM_TRANSFER_INTAKE', at: iso(dto.at) }));
  }

  @CommandRoute('REQUEST_NON_FILING_EXPLANATION', 'Procuratorate: ask the police to explain their refusal, within 7 days of the request for supervision')
  explanationRequest(@Body() dto: NonFilingExplanationRequestDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'REQUEST_NON_FILING_EXPLANATION', at: iso(dto.at), reason: dto.reason }));
  }

  @CommandRoute('EXPLAIN_NON_FILING', "Police: explain the refusal in writing, within 7 days of the procuratorate's notice")
  explanation(@Body() dto: NonFilingExplanationDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'EXPLAIN_NON_FILING', at: iso(dto.at), explanation: dto.explanation }));
  }
}
