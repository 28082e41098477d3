import { Body } from '@nestjs/common';
import { CaseCommandRunner, CommandCall, type CaseCall, type CommandResponse } from '../../cases/case-command-runner.service';
import { CaseCommandController, CommandRoute } from '../command-route.decorator';
import { DecideNotToTransferDto, FlagSuspectedCrimeDto } from './suspected-crime.dto';

/** The suspected-crime flag: raised by an officer with grounds, cleared by a head's reasoned decision not to transfer. */
@CaseCommandController()
export class SuspectedCrimeController {
  constructor(private readonly runner: CaseCommandRunner) {}

  @CommandRoute('FLAG_SUSPECTED_CRIME', 'Flag the case as a suspected crime, with grounds and the threshold met')
  flag(@Body() dto: FlagSuspectedCrimeDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'FLAG_SUSPECTED_CRIME', grounds: dto.grounds, ...(dto.threshold !== undefined ? { threshold: dto.threshold } : {}) }));
  }

  @CommandRoute('DECIDE_NOT_TO_TRANSFER', "The head's reasoned decision not to transfer a flagged case")
  decideNotToTransfer(@Body() dto: DecideNotToTransferDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'DECIDE_NOT_TO_TRANSFER', reasons: dto.reasons }));
  }
}
