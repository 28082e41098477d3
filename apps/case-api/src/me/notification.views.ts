import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CASE_EVENT_TYPES, NOTICE_REASONS, NOTICE_SECTIONS } from '@zhifa/domain';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ description: 'true: only the unread ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
  @ApiPropertyOptional({ default: 1 }) @Type(() => Number) @IsInt() @Min(1) page = 1;
  @ApiPropertyOptional({ default: 20 }) @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize = 20;
}

export class NotificationMessageView {
  @ApiProperty({ example: 'CZSJ〔2026〕12号：已提请法制审核' }) zh!: string;
  @ApiProperty({ example: 'CZSJ〔2026〕12号: legal review requested' }) en!: string;
}

/** Where the notification leads: the case and the section of its page. */
export class NotificationLinkView {
  @ApiProperty({ type: String, format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: NOTICE_SECTIONS }) section!: string;
}

export class NotificationView {
  @ApiProperty({ type: String, example: '42' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: String }) caseNumber!: string;
  @ApiProperty({ type: String, example: 'case-…:7' }) eventId!: string;
  @ApiProperty({ enum: CASE_EVENT_TYPES }) eventType!: string;
  @ApiProperty({ type: Number }) seq!: number;
  @ApiProperty({ type: NotificationMessageView }) message!: NotificationMessageView;
  @ApiProperty({ type: NotificationLinkView }) link!: NotificationLinkView;
  @ApiProperty({
    enum: NOTICE_REASONS,
    description:
      "Why I was told: OFFICER (a case I handle), NAMED (the event names me: reviewer, host), WAITING (it puts a step in my hands), LIAISON (a transfer addressed to my body), RESPONSIBLE (a deadline that is mine to meet), HEAD (an agency deadline missed)",
  })
  reason!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
}

export class NotificationListView {
  @ApiProperty({ type: [NotificationView], description: 'Newest first' }) items!: NotificationView[];
  @ApiProperty({ type: Number, description: 'How many match the filter' }) total!: number;
  @ApiProperty({ type: Number, description: 'How many of mine are unread, whatever the filter' }) unread!: number;
  @ApiProperty({ type: Number }) page!: number;
  @ApiProperty({ type: Number }) pageSize!: number;
}

export class ReadAllView {
  @ApiProperty({ type: Number, description: 'How many were marked read now' }) marked!: number;
  @ApiProperty({ type: Number, description: 'Unread left (0)' }) unread!: number;
}
