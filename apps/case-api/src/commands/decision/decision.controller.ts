import { randomUUID } from 'node:crypto';
import { Body } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CaseReadRepository } from '@zhifa/persistence';
import { CaseCommandRunner, CommandCall, CommandResponse, type CaseCall } from '../../cases/case-command-runner.service';
import { sameActOf } from '../../cases/same-act';
import { CaseCommandController, CommandRoute } from '../command-route.decorator';
import { iso } from '../dto-rules';
import { penalty } from '../penalty.dto';
import { serviceDetails, ServiceDto } from '../service.dto';
import { DecisionDto } from './decision.dto';
import { ChallengeDto, PaymentDto } from './execution.dto';
import { CourtApplicationDto, CourtRulingDto, DemandDto, ExecutionEndDto, PaymentPlanDto } from './enforcement.dto';

/** A recorded challenge answers its id, generated unless the request named one. */
export class ChallengeRecordedResponse extends CommandResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  challengeId!: string;
}

/** The decision and what follows it: service, payment, reconsideration and lawsuits. */
@CaseCommandController()
export class DecisionController {
  constructor(
    private readonly runner: CaseCommandRunner,
    private readonly cases: CaseReadRepository,
  ) {}

  @CommandRoute('DECIDE', '行政处罚决定 with its document number')
  decision(@Body() dto: DecisionDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, async (_people, row) => ({
      type: 'DECIDE',
      ...(row ? { sameActCases: await sameActOf(this.cases, row) } : {}),
      ...(dto.sameActOverrideReason !== undefined ? { sameActOverrideReason: dto.sameActOverrideReason } : {}),
      outcome: dto.outcome,
      documentNumber: dto.documentNumber,
      text: dto.text,
      ...(dto.penalty ? { penalty: penalty(dto.penalty) } : {}),
      ...(dto.legalBasis !== undefined ? { legalBasis: dto.legalBasis } : {}),
      ...(dto.facts !== undefined ? { facts: dto.facts } : {}),
      ...(dto.evidenceIds !== undefined ? { evidenceIds: [...dto.evidenceIds] } : {}),
      ...(dto.performance !== undefined ? { performance: dto.performance } : {}),
      ...(dto.remedy ? { remedy: { reconsiderationBody: dto.remedy.reconsiderationBody, court: dto.remedy.court } } : {}),
      ...(dto.nonDisclosure ? { nonDisclosure: { ground: dto.nonDisclosure.ground, reason: dto.nonDisclosure.reason } } : {}),
    }));
  }

  @CommandRoute('SERVE', '送达 of the decision: method, servedAt, recipient, proof')
  service(@Body() dto: ServiceDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'SERVE', ...serviceDetails(dto) }));
  }

  @CommandRoute('RECORD_PAYMENT', 'Payment recorded: amount, paidAt, receipt and the collecting bank or body (罚缴分离)')
  payments(@Body() dto: PaymentDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({
      type: 'RECORD_PAYMENT',
      amount: dto.amount,
      paidAt: iso(dto.paidAt),
      receipt: dto.receipt,
      collector: { kind: dto.collector.kind, name: dto.collector.name },
    }));
  }

  @CommandRoute('APPROVE_PAYMENT_PLAN', '暂缓或者分期缴纳 approved by a head (APL 66)')
  paymentPlan(@Body() dto: PaymentPlanDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({
      type: 'APPROVE_PAYMENT_PLAN',
      kind: dto.kind,
      instalments: dto.instalments.map((i) => ({ dueDate: i.dueDate, amount: i.amount })),
      reason: dto.reason,
    }));
  }

  @CommandRoute('SERVE_DEMAND', '催告书 served after the payment period passed unpaid (ACL 35, 54)')
  demand(@Body() dto: DemandDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'SERVE_DEMAND', documentNumber: dto.documentNumber, servedAt: iso(dto.servedAt) }));
  }

  @CommandRoute('APPLY_COURT_ENFORCEMENT', '申请人民法院强制执行 (ACL 53–55)')
  courtEnforcement(@Body() dto: CourtApplicationDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'APPLY_COURT_ENFORCEMENT', court: dto.court, documentNumber: dto.documentNumber, appliedAt: iso(dto.appliedAt) }));
  }

  @CommandRoute('RECORD_COURT_RULING', "The court's ruling on the application (ACL 56–58)")
  courtRuling(@Body() dto: CourtRulingDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'RECORD_COURT_RULING', ruling: dto.ruling, at: iso(dto.at), ...(dto.note !== undefined ? { note: dto.note } : {}) }));
  }

  @CommandRoute('END_EXECUTION', '终结执行 approved by a head (ACL 40)')
  executionEnd(@Body() dto: ExecutionEndDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'END_EXECUTION', reason: dto.reason, facts: dto.facts, at: iso(dto.at) }));
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
