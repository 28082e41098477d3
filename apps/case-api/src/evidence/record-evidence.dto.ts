import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { EVIDENCE_KINDS, type EvidenceKind } from '@zhifa/domain';

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
export class RecordEvidenceUploadDto extends OmitType(RecordEvidenceDto, ['text', 'collectedByIds'] as const) {
  @ApiProperty({
    type: [String],
    description: 'The officers who collected it: the field repeated, or one field of comma-separated ids',
  })
  collectedByIds!: string[];

  @ApiProperty({ type: 'string', format: 'binary', description: 'The evidence file (photo, recording, scanned record ...)' })
  file!: unknown;
}
