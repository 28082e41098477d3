import { Body } from '@nestjs/common';
import { CaseCommandRunner, CommandCall, type CaseCall, type CommandResponse } from '../../cases/case-command-runner.service';
import { CaseCommandController, CommandRoute } from '../command-route.decorator';
import { iso } from '../dto-rules';
import { EndExaminationDto, StartExaminationDto } from './examination.dto';

/** 检测、检验、检疫、鉴定: its time is not counted in the decision limit (APL 60, MSA 63). */
@CaseCommandController()
export class ExaminationController {
  constructor(private readonly runner: CaseCommandRunner) {}

  @CommandRoute('START_EXAMINATION', '检测、鉴定: entrust an institution; the decision limit pauses')
  start(@Body() dto: StartExaminationDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({
      type: 'START_EXAMINATION',
      kind: dto.kind,
      subject: dto.subject,
      institution: dto.institution,
      startedAt: iso(dto.startedAt),
    }));
  }

  @CommandRoute('END_EXAMINATION', '检测、鉴定 result: the decision limit runs again')
  end(@Body() dto: EndExaminationDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({
      type: 'END_EXAMINATION',
      examinationNo: dto.examinationNo,
      endedAt: iso(dto.endedAt),
      result: dto.result,
      ...(dto.reportNumber !== undefined ? { reportNumber: dto.reportNumber } : {}),
    }));
  }
}
