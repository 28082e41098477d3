import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsUUID,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  DISCUSSION_PURPOSES,
  HEARING_END_REASONS,
  LEGAL_REVIEW_OPINIONS,
  LEGAL_REVIEW_RETURNS,
  MAJOR_CASE_GROUNDS,
  REVIEW_OPINIONS,
  type DiscussionPurpose,
  type HearingEndReason,
  type LegalReviewOpinion,
  type LegalReviewReturn,
  type MajorCaseGround,
  type ReviewOpinion,
} from '@zhifa/domain';
import { ForAction, IsInstant, Text } from '../dto-rules';
import { ServiceDto } from '../service.dto';

/** 审核 (MSA 49–55) by a reviewer who did not investigate. */
export class CaseReviewDto {
  @ApiProperty({ enum: REVIEW_OPINIONS })
  @IsIn(REVIEW_OPINIONS)
  opinion!: ReviewOpinion;

  @ApiProperty()
  @Text(4000)
  comments!: string;
}

/** A head approves the 告知 of the reviewed proposal (domain spec §2 step 6). */
export class NoticeApprovalDto {
  @ApiPropertyOptional({ example: '同意告知' })
  @IsOptional()
  @Text(4000)
  comments?: string;
}

/** 补充调查: a head sends the case back for further investigation after its report; a new report, review and notice follow. */
export class InvestigationReopeningDto {
  @ApiProperty({ example: 'New facts on the goods value need further investigation' })
  @Text(4000)
  reason!: string;
}

/** 行政处罚告知书 served (APL 44–45), with its service record: opens the party's defence period. */
export class NoticeDto extends ServiceDto {
  @ApiProperty({ example: '长市监告〔2026〕1号' })
  @Text(100)
  noticeNumber!: string;

  @ApiProperty()
  @Text(20000)
  text!: string;

  @ApiProperty({ description: 'The notice told the party of the right to a hearing (required when the penalty qualifies)' })
  @IsBoolean()
  hearingRightsNotified!: boolean;
}

export class DefencePointDto {
  @ApiProperty() @Text(2000) point!: string;
  @ApiProperty() @IsBoolean() adopted!: boolean;
  @ApiProperty() @Text(2000) reason!: string;
}

/** 陈述申辩 recorded and re-examined (复核), or waived. */
export class DefenceDto {
  @ApiProperty({ description: 'The party waived its right to state a defence' })
  @IsBoolean()
  waived!: boolean;

  @ApiPropertyOptional({ description: 'The party also waived its hearing (听证): a defence, or its waiver, leaves the hearing-request window open (APL 64)' })
  @IsOptional()
  @IsBoolean()
  hearingWaived?: boolean;

  @ApiPropertyOptional({ description: "The party's statement; required unless waived" })
  @ValidateIf((o: DefenceDto, v: unknown) => o.waived !== true || v !== undefined)
  @Text(20000)
  statement?: string;

  @ApiPropertyOptional({ type: [DefencePointDto], description: 'Each point, adopted or not, and why' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DefencePointDto)
  points?: DefencePointDto[];
}

/** The hearing ends without being held: withdrawn, or the party absent or gone — a waiver (APL 64 (8)). */
export class HearingEndDto {
  @ApiProperty({ enum: HEARING_END_REASONS, description: 'WITHDRAWN (any time before it is held); ABSENT or LEFT_WITHOUT_LEAVE (once it has begun)' })
  @IsIn(HEARING_END_REASONS)
  reason!: HearingEndReason;

  @ApiProperty({ example: '2026-11-23T03:00:00Z', description: 'When the party withdrew, or when the hearing was ended' })
  @IsInstant()
  at!: string;

  @ApiProperty({ example: '当事人书面撤回听证申请', description: 'What happened, and the record of it' })
  @Text(4000)
  note!: string;
}

export class HearingRequestDto {
  @ApiProperty({ example: '2026-11-23T03:00:00Z', description: 'When the party asked (within the defence period)' })
  @IsInstant()
  requestedAt!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Text(2000)
  note?: string;
}

export class HearingWaiverDto {
  @ApiProperty({ example: '2026-11-23T03:00:00Z', description: 'When the party waived its hearing, in writing (within the hearing-request window)' })
  @IsInstant()
  waivedAt!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Text(2000)
  note?: string;
}

const SCHEDULE = ['SCHEDULE'] as const;
const RECORD = ['RECORD'] as const;

/** 听证: SCHEDULE names the host (never an investigator) ≥7 WD ahead; RECORD keeps the record and report. */
export class HearingDto {
  @ApiProperty({ enum: ['SCHEDULE', 'RECORD'] })
  @IsIn(['SCHEDULE', 'RECORD'])
  action!: 'SCHEDULE' | 'RECORD';

  @ApiPropertyOptional({ description: 'SCHEDULE: when the hearing takes place' })
  @ForAction(SCHEDULE)
  @IsInstant()
  hearingAt?: string;

  @ApiPropertyOptional({ description: 'SCHEDULE: user id of the host, who did not investigate the case' })
  @ForAction(SCHEDULE)
  @IsUUID('all')
  hostId?: string;

  @ApiPropertyOptional({ description: 'SCHEDULE' })
  @ForAction(SCHEDULE)
  @Text(300)
  location?: string;

  @ApiPropertyOptional({ description: 'SCHEDULE: public unless secrets or privacy (APL 64)' })
  @ForAction(SCHEDULE)
  @IsBoolean()
  isPublic?: boolean;

  @ApiPropertyOptional({ description: 'SCHEDULE: why not public (required when isPublic is false)' })
  @ForAction(SCHEDULE, { optional: true })
  @Text(2000)
  reasonNotPublic?: string;

  @ApiPropertyOptional({ type: ServiceDto, description: 'SCHEDULE: how the hearing notice (听证通知书) was served; the 7 WD notice period counts from it (APL 64)' })
  @ForAction(SCHEDULE)
  @ValidateNested()
  @Type(() => ServiceDto)
  noticeService?: ServiceDto;

  @ApiPropertyOptional({ description: 'RECORD: when it was held' })
  @ForAction(RECORD)
  @IsInstant()
  heldAt?: string;

  @ApiPropertyOptional({ description: 'RECORD: the signed hearing record (听证笔录)' })
  @ForAction(RECORD)
  @Text(50000)
  record?: string;

  @ApiPropertyOptional({ description: 'RECORD: the hearing report (听证报告)' })
  @ForAction(RECORD)
  @Text(20000)
  report?: string;
}

/** 法制审核 requested of a named reviewer (APL 58). */
export class LegalReviewRequestDto {
  @ApiProperty({ description: 'User id of the legal reviewer named: LEGAL_REVIEWER of the agency, qualified (APL 58 ¶3), who did not investigate the case' })
  @IsUUID('all')
  reviewerId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Text(2000)
  note?: string;
}

/** 法制审核 opinion (APL 58), by the reviewer the case named. */
export class LegalReviewDto {
  @ApiProperty({ enum: LEGAL_REVIEW_OPINIONS })
  @IsIn(LEGAL_REVIEW_OPINIONS)
  opinion!: LegalReviewOpinion;

  @ApiProperty({ description: 'The written opinion' })
  @Text(20000)
  text!: string;

  @ApiPropertyOptional({ type: [String], description: 'RETURN: the points to revise (required); REJECT: optional' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Text(2000, { each: true })
  points?: string[];

  @ApiPropertyOptional({ enum: LEGAL_REVIEW_RETURNS, description: 'RETURN: back to investigation, or to a new proposal on the same facts' })
  @IsOptional()
  @IsIn(LEGAL_REVIEW_RETURNS)
  returnTo?: LegalReviewReturn;
}

/** The head names another legal reviewer while the review is pending. */
export class LegalReviewAssignmentDto {
  @ApiProperty({ description: 'User id of the new legal reviewer' })
  @IsUUID('all')
  reviewerId!: string;

  @ApiProperty({ description: 'Why the review is reassigned (recorded)' })
  @Text(2000)
  reason!: string;
}

/** APL 58 (1), (3): the case is marked major for legal review. */
export class MajorCaseDto {
  @ApiProperty({ enum: MAJOR_CASE_GROUNDS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAJOR_CASE_GROUNDS.length)
  @IsIn(MAJOR_CASE_GROUNDS, { each: true })
  grounds!: MajorCaseGround[];

  @ApiProperty({ description: 'Why: the public interest, the complexity or the legal relationships involved' })
  @Text(4000)
  reason!: string;
}

/** 集体讨论 (APL 57): before the decision, or to authorise a further extension. */
export class CollectiveDiscussionDto {
  @ApiPropertyOptional({ enum: DISCUSSION_PURPOSES, default: 'DECISION' })
  @IsOptional()
  @IsIn(DISCUSSION_PURPOSES)
  purpose?: DiscussionPurpose;

  @ApiProperty({ example: '2026-11-23T02:00:00Z' })
  @IsInstant()
  heldAt!: string;

  @ApiProperty({ type: [String], description: 'User ids of those present (at least 2 heads)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true })
  attendeeIds!: string[];

  @ApiProperty()
  @Text(50000)
  minutes!: string;

  @ApiProperty()
  @Text(4000)
  resolution!: string;
}
