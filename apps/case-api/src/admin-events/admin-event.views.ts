import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ADMIN_SUBJECT_TYPES, type AdminSubjectType } from '@zhifa/persistence';


export class ListAdminEventsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "SYSTEM_ADMIN: one agency's entries (omitted: every agency's); others read their own agency's only" })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ enum: ADMIN_SUBJECT_TYPES })
  @IsOptional()
  @IsIn(ADMIN_SUBJECT_TYPES)
  subjectType?: AdminSubjectType;

  @ApiPropertyOptional({ description: 'One subject: a user, agency or body id, a calendar year…' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subjectId?: string;

  @ApiPropertyOptional({ default: 1 }) @Type(() => Number) @IsInt() @Min(1) page = 1;
  @ApiPropertyOptional({ default: 20 }) @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize = 20;
}

export class AdminEventView {
  @ApiProperty({ type: Number, description: 'Its place in the one chain' }) seq!: number;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The agency the change concerns; null: across agencies' }) agencyId!: string | null;
  @ApiProperty({ format: 'uuid' }) actorId!: string;
  @ApiProperty({ example: '平台管理员' }) actorName!: string;
  @ApiProperty({ type: [String] }) actorRoles!: string[];
  @ApiProperty({ example: 'AGENCY_POWERS_CHANGED' }) action!: string;
  @ApiProperty({ enum: ADMIN_SUBJECT_TYPES }) subjectType!: string;
  @ApiProperty({ example: '0b8f5c1e-2d7a-4c1b-9e57-000000000001' }) subjectId!: string;
  @ApiProperty({ nullable: true, description: 'The record as it was (null: created)', type: 'object', additionalProperties: true }) before!: unknown;
  @ApiProperty({ nullable: true, description: 'The record as it is after the change', type: 'object', additionalProperties: true }) after!: unknown;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
  @ApiProperty({ type: String }) prevHash!: string;
  @ApiProperty({ type: String }) hash!: string;
}

export class AdminEventListView {
  @ApiProperty({ type: [AdminEventView], description: 'Newest first' }) items!: AdminEventView[];
  @ApiProperty({ type: Number }) total!: number;
}

export class AdminChainView {
  @ApiProperty({ type: Boolean, description: 'Every row links to the one before and hashes as recorded' }) valid!: boolean;
  @ApiProperty({ type: Number, description: 'Rows checked before the first broken one (all of them when valid)' }) checked!: number;
  @ApiPropertyOptional({ type: Number, description: 'The seq of the first row whose link or content does not hash as recorded' }) brokenAt?: number;
}
