import { Body } from '@nestjs/common';
import { CaseCommandRunner, CommandCall, type CaseCall, type CommandResponse } from '../../cases/case-command-runner.service';
import { CaseCommandController, CommandRoute } from '../command-route.decorator';
import { ArchiveDto } from './archive.dto';
import { ClosureDto, ExtensionDto, RecusalDto, SuspensionDto } from './case-control.dto';

/** Steps on the case as a whole: extension, suspension, recusal, closure, archive. */
@CaseCommandController()
export class CaseControlController {
  constructor(private readonly runner: CaseCommandRunner) {}

  @CommandRoute('EXTEND_DEADLINE', 'Extend a running deadline with a reason')
  extension(@Body() dto: ExtensionDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'EXTEND_DEADLINE', deadline: dto.deadline, reason: dto.reason }));
  }

  @CommandRoute('suspension', '中止 / resume / 终止')
  suspension(@Body() dto: SuspensionDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: dto.action, reason: dto.reason }));
  }

  @CommandRoute('RECUSE', '回避: remove a person from the case, with an optional replacement')
  recusal(@Body() dto: RecusalDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, async (people) => ({
      type: 'RECUSE',
      userId: dto.userId,
      reason: dto.reason,
      requestedBy: dto.requestedBy,
      ...(dto.replacementId !== undefined ? { replacement: await people.one(dto.replacementId, 'replacementId') } : {}),
    }));
  }

  @CommandRoute('CLOSE', '结案')
  closure(@Body() dto: ClosureDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'CLOSE', summary: dto.summary }));
  }

  @CommandRoute('ARCHIVE', '归档: afterwards every command is 409')
  archive(@Body() dto: ArchiveDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'ARCHIVE' }));
  }
}
