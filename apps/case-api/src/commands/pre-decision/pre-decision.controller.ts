import { Body } from '@nestjs/common';
import type { CaseCommand } from '@zhifa/domain';
import { CaseCommandRunner, CommandCall, type CaseCall, type CommandResponse } from '../../cases/case-command-runner.service';
import { CaseCommandController, CommandRoute } from '../command-route.decorator';
import { iso } from '../dto-rules';
import { serviceDetails } from '../service.dto';
import {
  CaseReviewDto,
  CollectiveDiscussionDto,
  DefenceDto,
  HearingDto,
  HearingEndDto,
  HearingRequestDto,
  HearingWaiverDto,
  LegalReviewAssignmentDto,
  LegalReviewDto,
  LegalReviewRequestDto,
  InvestigationReopeningDto,
  MajorCaseDto,
  NoticeApprovalDto,
  NoticeDto,
} from './pre-decision.dto';

/** Between the report and the decision: review, notice, defence, hearing, legal review, collective discussion. */
@CaseCommandController()
export class PreDecisionController {
  constructor(private readonly runner: CaseCommandRunner) {}

  @CommandRoute('REVIEW_CASE', '审核 by a reviewer who did not investigate')
  caseReview(@Body() dto: CaseReviewDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'REVIEW_CASE', opinion: dto.opinion, comments: dto.comments }));
  }

  @CommandRoute('APPROVE_NOTICE', 'A head approves the 告知 of the reviewed proposal')
  noticeApproval(@Body() dto: NoticeApprovalDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'APPROVE_NOTICE', ...(dto.comments !== undefined ? { comments: dto.comments } : {}) }));
  }

  @CommandRoute('REOPEN_INVESTIGATION', '补充调查: a head sends the case back for further investigation after its report')
  investigationReopening(@Body() dto: InvestigationReopeningDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'REOPEN_INVESTIGATION', reason: dto.reason }));
  }

  @CommandRoute('SERVE_NOTICE', '告知 served, with its service record')
  notice(@Body() dto: NoticeDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({
      type: 'SERVE_NOTICE',
      noticeNumber: dto.noticeNumber,
      text: dto.text,
      hearingRightsNotified: dto.hearingRightsNotified,
      ...serviceDetails(dto),
    }));
  }

  @CommandRoute('RECORD_DEFENCE', '陈述申辩 recorded, or waived')
  defence(@Body() dto: DefenceDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({
      type: 'RECORD_DEFENCE',
      waived: dto.waived,
      ...(dto.hearingWaived !== undefined ? { hearingWaived: dto.hearingWaived } : {}),
      ...(dto.statement !== undefined ? { statement: dto.statement } : {}),
      ...(dto.points ? { points: dto.points.map((p) => ({ point: p.point, adopted: p.adopted, reason: p.reason })) } : {}),
    }));
  }

  @CommandRoute('REQUEST_HEARING', 'The party requested a hearing')
  hearingRequest(@Body() dto: HearingRequestDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({
      type: 'REQUEST_HEARING',
      requestedAt: iso(dto.requestedAt),
      ...(dto.note !== undefined ? { note: dto.note } : {}),
    }));
  }

  @CommandRoute('WAIVE_HEARING', 'The party waived its hearing (APL 64): the hearing-request window ends')
  hearingWaiver(@Body() dto: HearingWaiverDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({
      type: 'WAIVE_HEARING',
      waivedAt: iso(dto.waivedAt),
      ...(dto.note !== undefined ? { note: dto.note } : {}),
    }));
  }

  @CommandRoute('hearing', '听证: SCHEDULE, then RECORD')
  hearing(@Body() dto: HearingDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, async (people): Promise<CaseCommand> => {
      if (dto.action === 'RECORD') {
        return { type: 'RECORD_HEARING', heldAt: iso(dto.heldAt!), record: dto.record!, report: dto.report! };
      }
      return {
        type: 'SCHEDULE_HEARING',
        hearingAt: iso(dto.hearingAt!),
        host: await people.one(dto.hostId!, 'hostId'),
        location: dto.location!,
        isPublic: dto.isPublic!,
        ...(dto.reasonNotPublic !== undefined ? { reasonNotPublic: dto.reasonNotPublic } : {}),
        ...(dto.noticeService ? { noticeService: serviceDetails(dto.noticeService) } : {}),
      };
    });
  }

  @CommandRoute('MARK_MAJOR_CASE', 'Mark the case major for 法制审核 (APL 58 (1), (3)): grounds and reason')
  majorCase(@Body() dto: MajorCaseDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'MARK_MAJOR_CASE', grounds: dto.grounds, reason: dto.reason }));
  }

  @CommandRoute('END_HEARING', '听证终止: the party withdrew, stayed away or left — a waiver of the hearing (APL 64)')
  hearingEnd(@Body() dto: HearingEndDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'END_HEARING', reason: dto.reason, at: iso(dto.at), note: dto.note }));
  }

  @CommandRoute('REQUEST_LEGAL_REVIEW', 'Submit the case for 法制审核 by a named, qualified reviewer')
  legalReviewRequest(@Body() dto: LegalReviewRequestDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, async (people) => ({
      type: 'REQUEST_LEGAL_REVIEW',
      reviewer: await people.one(dto.reviewerId, 'reviewerId'),
      ...(dto.note !== undefined ? { note: dto.note } : {}),
    }));
  }

  @CommandRoute('RECORD_LEGAL_REVIEW', '法制审核 opinion by the named reviewer: APPROVE / RETURN / REJECT')
  legalReview(@Body() dto: LegalReviewDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({
      type: 'RECORD_LEGAL_REVIEW',
      opinion: dto.opinion,
      text: dto.text,
      ...(dto.points !== undefined ? { points: dto.points } : {}),
      ...(dto.returnTo !== undefined ? { returnTo: dto.returnTo } : {}),
    }));
  }

  @CommandRoute('REASSIGN_LEGAL_REVIEW', 'The head names another reviewer for a pending 法制审核, with the reason')
  legalReviewAssignment(@Body() dto: LegalReviewAssignmentDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, async (people) => ({
      type: 'REASSIGN_LEGAL_REVIEW',
      reviewer: await people.one(dto.reviewerId, 'reviewerId'),
      reason: dto.reason,
    }));
  }

  @CommandRoute('RECORD_COLLECTIVE_DISCUSSION', '集体讨论: attendees, minutes, resolution')
  collectiveDiscussion(@Body() dto: CollectiveDiscussionDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, async (people) => ({
      type: 'RECORD_COLLECTIVE_DISCUSSION',
      purpose: dto.purpose ?? 'DECISION',
      heldAt: iso(dto.heldAt),
      attendees: await people.named(dto.attendeeIds, 'attendeeIds'),
      minutes: dto.minutes,
      resolution: dto.resolution,
    }));
  }
}
