import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min, MinLength } from 'class-validator';

/** The agency's webhook: where its case events are POSTed, signed with the secret (set here, never shown again). */
export class SetWebhookDto {
  @ApiProperty({ example: 'https://oa.example.gov.cn/zhifa/events', description: 'http(s) URL the events are POSTed to' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'must be an http(s) URL' })
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({
    example: 'a long random string',
    description: 'The HMAC-SHA256 key (16–200 characters); required the first time, omitted to keep the stored one. Never returned.',
  })
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional({ default: true, description: 'false: keep the settings, deliver nothing' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class WebhookSettingsView {
  @ApiProperty({ type: Boolean, description: 'Whether the agency has a webhook' }) configured!: boolean;
  @ApiPropertyOptional({ type: String }) url?: string;
  @ApiPropertyOptional({ type: Boolean }) active?: boolean;
  @ApiProperty({ type: Boolean, description: 'A secret is stored (it is never returned)' }) secretSet!: boolean;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) updatedAt?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid' }) updatedBy?: string;
  @ApiProperty({
    type: String,
    example: 'x-zhifa-signature: sha256=HMAC_SHA256(secret, `${x-zhifa-timestamp}.${raw body}`) in hex',
    description: 'How a receiver verifies a delivery',
  })
  signing!: string;
}

export class ListDeliveriesQuery {
  @ApiPropertyOptional({ description: "Only one event's attempts" }) @IsOptional() @IsString() @MaxLength(200) eventId?: string;
  @ApiPropertyOptional({ default: 1 }) @Type(() => Number) @IsInt() @Min(1) page = 1;
  @ApiPropertyOptional({ default: 20 }) @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize = 20;
}

export class WebhookDeliveryView {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) eventId!: string;
  @ApiProperty({ type: String, format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: String }) eventType!: string;
  @ApiProperty({ type: String }) url!: string;
  @ApiProperty({ type: Number, description: '1 for the first attempt at this event, then 2, 3…' }) attempt!: number;
  @ApiProperty({ type: Boolean, description: 'The receiver answered 2xx' }) ok!: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true }) statusCode!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'HTTP 503' }) error!: string | null;
  @ApiProperty({ type: Number }) durationMs!: number;
  @ApiProperty({ type: String, format: 'date-time' }) attemptedAt!: string;
}

export class WebhookDeliveryListView {
  @ApiProperty({ type: [WebhookDeliveryView], description: 'Newest first' }) items!: WebhookDeliveryView[];
  @ApiProperty({ type: Number }) total!: number;
}
