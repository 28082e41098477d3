import { randomUUID } from 'node:crypto';
import { Body } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CaseCommandRunner, CommandCall, CommandResponse, type CaseCall } from '../../cases/case-command-runner.service';
import { CaseCommandController, CommandRoute } from '../command-route.decorator';
import { iso } from '../dto-rules';
import { penalty } from '../penalty.dto';
import { serviceDetails, ServiceDto } from '../service.dto';
import { DecisionDto } from './decision.dto';
import { ChallengeDto, PaymentDto } from './execution.dto';

/** A recorded challenge answers its id, generated unless the request named one. */
export class ChallengeRecordedResponse extends CommandResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  challengeId!: string;
}

/** The decision and what follows it: service, payment, reconsideration and lawsuits. */
@CaseCommandController()
export class DecisionController {
  constructor(private readonly runner: CaseCommandRunner) {}

  @CommandRoute('DECIDE', '行政处罚决定 with its document number')
  decision(@Body() dto: DecisionDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({
      type: 'DECIDE',
      outcome: dto.outcome,
      documentNumber: dto.documentNumber,
      text: dto.text,
      ...(dto.penalty ? { penalty: penalty(dto.penalty) } : {}),
      ...(dto.legalBasis !== undefined ? { legalBasis: dto.legalBasis } : {}),
      ...(dto.facts !== undefined ? { facts: dto.facts } : {}),
      ...(dto.evidenceIds !== undefined ? { evidenceIds: [...dto.evidenceIds] } : {}),
      ...(dto.performance !== undefined ? { performance: dto.performance } : {}),
      ...(dto.remedy ? { remedy: { reconsiderationBody: dto.remedy.reconsiderationBody, court: dto.remedy.court } } : {}),
    }));
  }

  @CommandRoute('SERVE', '送达 of the decision: method, servedAt, recipient, proof')
  service(@Body() dto: ServiceDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'SERVE', ...serviceDetails(dto) }));
  }

  @CommandRoute('RECORD_PAYMENT', 'Payment recorded: amount, paidAt, receipt')
  payments(@Body() dto: PaymentDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'RECORD_PAYMENT', amount: dto.amount, paidAt: iso(dto.paidAt), receipt: dto.receipt }));
  }

  @CommandRoute('RECORD_CHALLENGE', 'Reconsideration or lawsuit filed or decided; answers its challengeId', { response: ChallengeRecordedResponse })
  challenges(@Body() dto: ChallengeDto, @CommandCall() call: CaseCall): Promise<ChallengeRecordedResponse> {
    const challengeId = dto.challengeId ?? randomUUID();
    return this.runner.run(
      call,
      dto,
      () => ({
        type: 'RECORD_CHALLENGE',
        challengeId,
        kind: dto.kind,
        stage: dto.stage,
        at: iso(dto.at),
        body: dto.body,
        ...(dto.result !== undefined ? { result: dto.result } : {}),
        ...(dto.penalty ? { penalty: penalty(dto.penalty) } : {}),
      }),
      { extra: () => ({ challengeId }) },
    );
  }
}
