import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiParam, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ActorSnapshot, CaseCommand } from '@zhifa/domain';
import { ActorService } from '../auth/actor.service';
import { Roles } from '../auth/auth.decorators';
import { CaseCommandRunner, CommandCall, type CaseCall, type CommandResponse } from '../cases/case-command-runner.service';
import { badRequest, ProblemException } from '../common/problem';
import { ArchiveDto } from './archive.dto';
import { ClosureDto, ExtensionDto, RecusalDto, SuspensionDto } from './case-control.dto';
import {
  DispatchTransferDto,
  PoliceDecisionDto,
  ProposeTransferDto,
  ResumeAdministrativeCaseDto,
  TransferApprovalDto,
  TransferReconsiderationDto,
  TransferSupervisionDto,
} from './criminal-transfer.dto';
import { DecisionDto } from './decision.dto';
import { dateOrInstant, iso } from './dto-rules';
import { TransferCustodyDto } from './evidence-custody.dto';
import { ChallengeDto, PaymentDto } from './execution.dto';
import { DecideFilingDto } from './filing.dto';
import { InvestigationReportDto } from './investigation-report.dto';
import { penalty } from './penalty.dto';
import {
  CaseReviewDto,
  CollectiveDiscussionDto,
  DefenceDto,
  HearingDto,
  HearingRequestDto,
  LegalReviewDto,
  LegalReviewRequestDto,
  NoticeDto,
} from './pre-decision.dto';
import { serviceDetails, ServiceDto } from './service.dto';
import { SimpleDecisionDto, SimpleReportDto } from './simple-procedure.dto';

type Build = (actor: ActorSnapshot) => Promise<CaseCommand> | CaseCommand;

/**
 * Every command on an existing case, one route per contract path. Routes only
 * shape the command; the runner handles Idempotency-Key, the caller, the
 * Temporal Update and the problem+json mapping, and the domain judges.
 * @Roles mirrors COMMAND_RULES (the domain checks again, with assignment and
 * certificates).
 */
@ApiTags('case commands')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeat with the same key and body replays the first answer (Idempotent-Replayed: true)' })
@ApiOkResponse({ description: '{ case, recorded: [{seq, type}] }: the case after the command and the events it recorded' })
@ApiResponse({ status: 400, description: 'VALIDATION.FAILED with errors[{field, message}]' })
@ApiResponse({ status: 403, description: 'AUTH.ROLE_NOT_ALLOWED, CASE.NOT_ASSIGNED, CASE.AUXILIARY_CANNOT_DECIDE, ...' })
@ApiResponse({ status: 404, description: 'CASE.NOT_FOUND' })
@ApiResponse({ status: 409, description: 'Not in this state: code, state and allowedActions' })
@ApiResponse({ status: 422, description: 'A legal rule forbids the content (e.g. CASE.TWO_OFFICERS_REQUIRED)' })
@ApiParam({ name: 'id', description: 'Case id' })
@Controller('cases')
export class CaseActionsController {
  constructor(
    private readonly runner: CaseCommandRunner,
    private readonly actors: ActorService,
  ) {}

  @Post(':id/filing')
  @HttpCode(200)
  @Roles('AGENCY_HEAD')
  @ApiOperation({ summary: '立案 or 不予立案 (DECIDE_FILING)' })
  filing(
    @Body() dto: DecideFilingDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, async () => ({
      type: 'DECIDE_FILING',
      approve: dto.approve,
      reason: dto.reason,
      officers: dto.officerIds ? await this.actors.named(dto.officerIds, 'officerIds') : [],
      ...(dto.violationAt !== undefined ? { violationAt: dateOrInstant(dto.violationAt) } : {}),
      ...(dto.lifeHealthFinancialSafety !== undefined ? { lifeHealthFinancialSafety: dto.lifeHealthFinancialSafety } : {}),
    }));
  }

  @Post(':id/evidence/:evidenceId/custody')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Hand an evidence item to another custodian (TRANSFER_CUSTODY)' })
  custody(
    @Param('evidenceId') evidenceId: string,
    @Body() dto: TransferCustodyDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, async () => {
      await this.person(dto.to, 'to'); // the new custodian must be a real user
      return { type: 'TRANSFER_CUSTODY', evidenceId, from: dto.from, to: dto.to, at: iso(dto.at), reason: dto.reason };
    });
  }

  @Post(':id/investigation-report')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: '调查终结报告 (SUBMIT_INVESTIGATION_REPORT)' })
  investigationReport(
    @Body() dto: InvestigationReportDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({
      type: 'SUBMIT_INVESTIGATION_REPORT',
      findings: dto.findings,
      proposedOutcome: dto.proposedOutcome,
      legalBasis: dto.legalBasis,
      circumstanceLevel: dto.circumstanceLevel,
      ...(dto.proposedPenalty ? { proposedPenalty: penalty(dto.proposedPenalty) } : {}),
      ...(dto.discretionReasons !== undefined ? { discretionReasons: dto.discretionReasons } : {}),
    }));
  }

  @Post(':id/case-review')
  @HttpCode(200)
  @Roles('LEGAL_REVIEWER')
  @ApiOperation({ summary: '审核 by a reviewer who did not investigate (REVIEW_CASE)' })
  caseReview(
    @Body() dto: CaseReviewDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({ type: 'REVIEW_CASE', opinion: dto.opinion, comments: dto.comments }));
  }

  @Post(':id/notice')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: '告知 served, with its service record (SERVE_NOTICE)' })
  notice(
    @Body() dto: NoticeDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({
      type: 'SERVE_NOTICE',
      noticeNumber: dto.noticeNumber,
      text: dto.text,
      hearingRightsNotified: dto.hearingRightsNotified,
      ...serviceDetails(dto),
    }));
  }

  @Post(':id/defence')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: '陈述申辩 recorded, or waived (RECORD_DEFENCE)' })
  defence(
    @Body() dto: DefenceDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({
      type: 'RECORD_DEFENCE',
      waived: dto.waived,
      ...(dto.statement !== undefined ? { statement: dto.statement } : {}),
      ...(dto.points ? { points: dto.points.map((p) => ({ point: p.point, adopted: p.adopted, reason: p.reason })) } : {}),
    }));
  }

  @Post(':id/hearing-request')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: 'The party requested a hearing (REQUEST_HEARING)' })
  hearingRequest(
    @Body() dto: HearingRequestDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({
      type: 'REQUEST_HEARING',
      requestedAt: iso(dto.requestedAt),
      ...(dto.note !== undefined ? { note: dto.note } : {}),
    }));
  }

  // The hearing host may record the hearing without being a case officer (hostMay): hosts are often legal staff or heads.
  @Post(':id/hearing')
  @HttpCode(200)
  @Roles('OFFICER', 'LEGAL_REVIEWER', 'AGENCY_HEAD')
  @ApiOperation({ summary: '听证: SCHEDULE (SCHEDULE_HEARING) or RECORD (RECORD_HEARING)' })
  hearing(
    @Body() dto: HearingDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, async (): Promise<CaseCommand> => {
      if (dto.action === 'RECORD') {
        return { type: 'RECORD_HEARING', heldAt: iso(dto.heldAt!), record: dto.record!, report: dto.report! };
      }
      return {
        type: 'SCHEDULE_HEARING',
        hearingAt: iso(dto.hearingAt!),
        host: await this.person(dto.hostId!, 'hostId'),
        location: dto.location!,
        isPublic: dto.isPublic!,
        ...(dto.reasonNotPublic !== undefined ? { reasonNotPublic: dto.reasonNotPublic } : {}),
      };
    });
  }

  @Post(':id/legal-review-request')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Submit the case for 法制审核 (REQUEST_LEGAL_REVIEW)' })
  legalReviewRequest(
    @Body() dto: LegalReviewRequestDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({
      type: 'REQUEST_LEGAL_REVIEW',
      ...(dto.note !== undefined ? { note: dto.note } : {}),
    }));
  }

  @Post(':id/legal-review')
  @HttpCode(200)
  @Roles('LEGAL_REVIEWER')
  @ApiOperation({ summary: '法制审核 opinion: APPROVE / RETURN / REJECT (RECORD_LEGAL_REVIEW)' })
  legalReview(
    @Body() dto: LegalReviewDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({ type: 'RECORD_LEGAL_REVIEW', opinion: dto.opinion, text: dto.text }));
  }

  @Post(':id/collective-discussion')
  @HttpCode(200)
  @Roles('AGENCY_HEAD')
  @ApiOperation({ summary: '集体讨论: attendees, minutes, resolution (RECORD_COLLECTIVE_DISCUSSION)' })
  collectiveDiscussion(
    @Body() dto: CollectiveDiscussionDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, async () => ({
      type: 'RECORD_COLLECTIVE_DISCUSSION',
      purpose: dto.purpose ?? 'DECISION',
      heldAt: iso(dto.heldAt),
      attendees: (await this.actors.named(dto.attendeeIds, 'attendeeIds')).map((a) => ({ userId: a.userId, name: a.name })),
      minutes: dto.minutes,
      resolution: dto.resolution,
    }));
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('AGENCY_HEAD')
  @ApiOperation({ summary: '行政处罚决定 with its document number (DECIDE)' })
  decision(
    @Body() dto: DecisionDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({
      type: 'DECIDE',
      outcome: dto.outcome,
      documentNumber: dto.documentNumber,
      text: dto.text,
      ...(dto.penalty ? { penalty: penalty(dto.penalty) } : {}),
      ...(dto.legalBasis !== undefined ? { legalBasis: dto.legalBasis } : {}),
    }));
  }

  @Post(':id/service')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: '送达 of the decision: method, servedAt, recipient, proof (SERVE)' })
  service(
    @Body() dto: ServiceDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({ type: 'SERVE', ...serviceDetails(dto) }));
  }

  @Post(':id/payments')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Payment recorded: amount, paidAt, receipt (RECORD_PAYMENT)' })
  payments(
    @Body() dto: PaymentDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({
      type: 'RECORD_PAYMENT',
      amount: dto.amount,
      paidAt: iso(dto.paidAt),
      receipt: dto.receipt,
    }));
  }

  @Post(':id/challenges')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Reconsideration or lawsuit filed or decided (RECORD_CHALLENGE); answers its challengeId' })
  challenges(
    @Body() dto: ChallengeDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(
      call,
      dto,
      () => ({
        type: 'RECORD_CHALLENGE',
        challengeId: dto.challengeId ?? randomUUID(),
        kind: dto.kind,
        stage: dto.stage,
        at: iso(dto.at),
        body: dto.body,
        ...(dto.result !== undefined ? { result: dto.result } : {}),
      }),
      (command) => ({ challengeId: (command as { challengeId: string }).challengeId }),
    );
  }

  @Post(':id/extension')
  @HttpCode(200)
  @Roles('AGENCY_HEAD')
  @ApiOperation({ summary: 'Extend a running deadline with a reason (EXTEND_DEADLINE)' })
  extension(
    @Body() dto: ExtensionDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({ type: 'EXTEND_DEADLINE', deadline: dto.deadline, reason: dto.reason }));
  }

  @Post(':id/suspension')
  @HttpCode(200)
  @Roles('AGENCY_HEAD')
  @ApiOperation({ summary: '中止 / resume / 终止 (SUSPEND, RESUME, TERMINATE)' })
  suspension(
    @Body() dto: SuspensionDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({ type: dto.action, reason: dto.reason }));
  }

  @Post(':id/recusal')
  @HttpCode(200)
  @Roles('AGENCY_HEAD')
  @ApiOperation({ summary: '回避: remove a person from the case, with an optional replacement (RECUSE)' })
  recusal(
    @Body() dto: RecusalDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, async () => ({
      type: 'RECUSE',
      userId: dto.userId,
      reason: dto.reason,
      requestedBy: dto.requestedBy,
      ...(dto.replacementId !== undefined ? { replacement: await this.person(dto.replacementId, 'replacementId') } : {}),
    }));
  }

  @Post(':id/closure')
  @HttpCode(200)
  @Roles('AGENCY_HEAD')
  @ApiOperation({ summary: '结案 (CLOSE)' })
  closure(
    @Body() dto: ClosureDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({ type: 'CLOSE', summary: dto.summary }));
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: '归档: afterwards every command is 409 (ARCHIVE)' })
  archive(
    @Body() dto: ArchiveDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({ type: 'ARCHIVE' }));
  }

  @Post(':id/simple-decision')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: '当场处罚: decided and served on the spot (SIMPLE_DECIDE)' })
  simpleDecision(
    @Body() dto: SimpleDecisionDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({
      type: 'SIMPLE_DECIDE',
      facts: dto.facts,
      legalBasis: dto.legalBasis,
      penalty: penalty(dto.penalty),
      documentNumber: dto.documentNumber,
      text: dto.text,
      service: serviceDetails(dto.service),
    }));
  }

  @Post(':id/simple-report')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: 'On-the-spot decision reported to the agency (REPORT_SIMPLE)' })
  simpleReport(
    @Body() dto: SimpleReportDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({
      type: 'REPORT_SIMPLE',
      ...(dto.note !== undefined ? { note: dto.note } : {}),
    }));
  }

  @Post(':id/criminal-transfer')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: '两法衔接: propose a transfer with grounds and ≥2 officers (PROPOSE_TRANSFER)' })
  proposeTransfer(
    @Body() dto: ProposeTransferDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, async () => ({
      type: 'PROPOSE_TRANSFER',
      grounds: dto.grounds,
      officers: await this.actors.named(dto.officerIds, 'officerIds'),
      ...(dto.thresholdFacts !== undefined ? { thresholdFacts: dto.thresholdFacts } : {}),
    }));
  }

  @Post(':id/criminal-transfer/approval')
  @HttpCode(200)
  @Roles('AGENCY_HEAD')
  @ApiOperation({ summary: 'Approve or refuse the transfer with reasons (DECIDE_TRANSFER)' })
  transferApproval(
    @Body() dto: TransferApprovalDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({ type: 'DECIDE_TRANSFER', approve: dto.approve, reason: dto.reason }));
  }

  @Post(':id/criminal-transfer/dispatch')
  @HttpCode(200)
  @Roles('OFFICER')
  @ApiOperation({ summary: 'Transfer sent to police, copy to the procuratorate (DISPATCH_TRANSFER)' })
  dispatchTransfer(
    @Body() dto: DispatchTransferDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({
      type: 'DISPATCH_TRANSFER',
      sentAt: iso(dto.sentAt),
      policeAgency: dto.policeAgency,
      procuratorate: dto.procuratorate,
      documents: [...dto.documents],
    }));
  }

  @Post(':id/criminal-transfer/police-decision')
  @HttpCode(200)
  @Roles('POLICE_LIAISON')
  @ApiOperation({ summary: 'Police receipt, acceptance or declining with reasons (RECORD_POLICE_DECISION)' })
  policeDecision(
    @Body() dto: PoliceDecisionDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({
      type: 'RECORD_POLICE_DECISION',
      decision: dto.decision,
      at: iso(dto.at),
      ...(dto.reason !== undefined ? { reason: dto.reason } : {}),
    }));
  }

  @Post(':id/criminal-transfer/reconsideration')
  @HttpCode(200)
  @Roles('OFFICER', 'POLICE_LIAISON')
  @ApiOperation({ summary: 'REQUEST (agency) or ANSWER (police) a reconsideration of the refusal' })
  transferReconsideration(
    @Body() dto: TransferReconsiderationDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () =>
      dto.action === 'ANSWER'
        ? { type: 'ANSWER_TRANSFER_RECONSIDERATION', accept: dto.accept!, reason: dto.reason }
        : { type: 'REQUEST_TRANSFER_RECONSIDERATION', reason: dto.reason },
    );
  }

  @Post(':id/criminal-transfer/supervision')
  @HttpCode(200)
  @Roles('OFFICER', 'PROCURATORATE')
  @ApiOperation({ summary: '立案监督: REQUEST (agency) or RESOLVE (procuratorate)' })
  transferSupervision(
    @Body() dto: TransferSupervisionDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () =>
      dto.action === 'RESOLVE'
        ? { type: 'RESOLVE_TRANSFER_SUPERVISION', outcome: dto.outcome!, reason: dto.reason }
        : { type: 'REQUEST_TRANSFER_SUPERVISION', reason: dto.reason },
    );
  }

  @Post(':id/criminal-transfer/return')
  @HttpCode(200)
  @Roles('AGENCY_HEAD')
  @ApiOperation({ summary: 'After a final refusal, the case returns to the administrative track (RESUME_ADMINISTRATIVE_CASE)' })
  transferReturn(
    @Body() dto: ResumeAdministrativeCaseDto,
    @CommandCall() call: CaseCall,
  ): Promise<CommandResponse> {
    return this.send(call, dto, () => ({ type: 'RESUME_ADMINISTRATIVE_CASE', reason: dto.reason }));
  }

  private send(
    call: CaseCall,
    body: object,
    build: Build,
    extra?: (command: CaseCommand) => Record<string, unknown>,
  ): Promise<CommandResponse> {
    return this.runner.run({
      caseId: call.id,
      principal: call.principal,
      req: call.req,
      res: call.res,
      body,
      idempotencyKey: call.key,
      build,
      ...(extra ? { extra } : {}),
    });
  }

  /** One named person; an unknown id is a 400 on `field` itself. */
  private async person(id: string, field: string): Promise<ActorSnapshot> {
    try {
      const [actor] = await this.actors.named([id], field);
      return actor;
    } catch (err) {
      if (err instanceof ProblemException && err.code === 'VALIDATION.FAILED') {
        throw badRequest((err.body.errors ?? []).map((e) => ({ ...e, field })));
      }
      throw err;
    }
  }
}
