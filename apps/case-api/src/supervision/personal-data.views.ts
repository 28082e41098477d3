import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PERSONAL_FIELDS, ROLES } from '@zhifa/domain';
import { PERSONAL_DATA_SOURCES, type PersonalDataSource } from '@zhifa/persistence';

export class PersonalDataAccessQuery {
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Only the reads of this case' }) @IsOptional() @IsUUID() caseId?: string;
  @ApiPropertyOptional({ default: 1 }) @Type(() => Number) @IsInt() @Min(1) page = 1;
  @ApiPropertyOptional({ default: 50 }) @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 50;
}

/** One read of a party's full personal information. */
export class PersonalDataReadView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: String }) caseNumber!: string;
  @ApiProperty({ type: String, format: 'uuid' }) userId!: string;
  @ApiProperty({ type: String }) userName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: string[];
  @ApiProperty({ enum: PERSONAL_FIELDS, isArray: true, description: 'The personal fields the party held and the reader saw in full' }) fields!: string[];
  @ApiProperty({ type: String }) reason!: string;
  @ApiProperty({ enum: PERSONAL_DATA_SOURCES, description: 'What was read: the party itself, a document carrying it, an evidence file' }) source!: PersonalDataSource;
  @ApiProperty({ type: String, nullable: true, description: "The document's number or the evidence item's id; null for the party" }) sourceRef!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

export class PersonalDataAccessListView {
  @ApiProperty({ type: [PersonalDataReadView] }) items!: PersonalDataReadView[];
  @ApiProperty({ type: Number }) total!: number;
  @ApiProperty({ type: Number }) page!: number;
  @ApiProperty({ type: Number }) pageSize!: number;
}
