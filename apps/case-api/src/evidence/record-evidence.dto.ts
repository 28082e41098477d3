import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { EVIDENCE_KINDS, EVIDENCE_ORIGINS, DISCRETION_BASES, type EvidenceKind, type EvidenceOrigin } from '@zhifa/domain';
import { Type } from 'class-transformer';
import { DiscretionBaseDto } from '../commands/investigation/investigation-report.dto';
import { PriorPenaltyDto } from '../commands/suspected-crime/suspected-crime.dto';

/** One evidence item: as JSON (text evidence) or as the fields of a multipart upload with a `file` part. */
export class RecordEvidenceDto {
  @ApiProperty({ enum: EVIDENCE_KINDS })
  @IsIn(EVIDENCE_KINDS)
  kind!: EvidenceKind;

  @ApiProperty({ example: '现场检查笔录' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ example: '2026-11-24T03:00:00Z' })
  @IsISO8601({ strict: true, strictSeparator: true })
  collectedAt!: string;

  @ApiProperty({ type: [String], description: 'The officers who collected it (at least two, certified)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  collectedByIds!: string[];

  @ApiProperty({ example: '长治市潞州区某街12号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  location!: string;

  @ApiPropertyOptional({ description: 'Where it came from (party, witness, lab ...)' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  source?: string;

  @ApiPropertyOptional({
    enum: EVIDENCE_ORIGINS,
    description:
      "Where it comes from: INITIAL (the investigation before the report), SUPPLEMENTARY (officers, after the report or a return), PARTY_DEFENCE (the party's, with its defence), PARTY_HEARING (the party's, for or at the hearing). Default: INITIAL before the report, SUPPLEMENTARY after it",
  })
  @IsOptional()
  @IsIn(EVIDENCE_ORIGINS)
  origin?: EvidenceOrigin;

  @ApiPropertyOptional({ description: 'After the report only: the item changes the facts found, and the case goes back to investigation for a new report and notice' })
  @IsOptional()
  @IsBoolean()
  changesFacts?: boolean;

  @ApiPropertyOptional({ description: 'The collectors showed their enforcement certificates (执法证件) to the party; required with the first item officers collect (APL 55)' })
  @IsOptional()
  @IsBoolean()
  credentialsShown?: boolean;

  @ApiPropertyOptional({ description: 'The collectors told the party of its rights (statement, defence, recusal); required with the first item officers collect (APL 55)' })
  @IsOptional()
  @IsBoolean()
  rightsExplained?: boolean;

  @ApiPropertyOptional({
    type: [DiscretionBaseDto],
    description: "Figures the item states (sales, goods value, illegal gains, area): one reaching the policy's prosecution threshold flags the case SUSPECTED_CRIME (JSON requests only)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DISCRETION_BASES.length)
  @ValidateNested({ each: true })
  @Type(() => DiscretionBaseDto)
  amounts?: DiscretionBaseDto[];

  @ApiPropertyOptional({
    type: [PriorPenaltyDto],
    description: "The party's earlier administrative penalties the item proves (a copy of the decisions), each with its decision number: counted by the policy's repeat-offence thresholds (JSON requests only)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PriorPenaltyDto)
  priorPenalties?: PriorPenaltyDto[];

  @ApiPropertyOptional({ description: 'Text evidence (JSON requests); a multipart request sends a file instead' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100000)
  text?: string;
}

/**
 * The multipart variant, as the OpenAPI document shows it (validation reads
 * the same fields through RecordEvidenceDto): the text fields and one binary
 * part named `file`, streamed to disk and hashed as it arrives.
 */
export class RecordEvidenceUploadDto extends OmitType(RecordEvidenceDto, ['text', 'collectedByIds', 'changesFacts', 'credentialsShown', 'rightsExplained', 'amounts', 'priorPenalties'] as const) {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'As in JSON: the item changes the facts (after the report)' })
  changesFacts?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'As in JSON: credentials shown (first item collected by officers, APL 55)' })
  credentialsShown?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'As in JSON: rights told (first item collected by officers, APL 55)' })
  rightsExplained?: string;

  @ApiProperty({
    type: [String],
    description: 'The officers who collected it: the field repeated, or one field of comma-separated ids',
  })
  collectedByIds!: string[];

  @ApiProperty({ type: 'string', format: 'binary', description: 'The evidence file (photo, recording, scanned record ...)' })
  file!: unknown;
}
