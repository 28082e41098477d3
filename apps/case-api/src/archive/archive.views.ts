import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES } from '@zhifa/domain';
import { PROBLEM_CODES, type ArchiveProblem, type ArchiveProblemCode } from '@zhifa/archive';

export class ArchiveProblemView implements ArchiveProblem {
  @ApiProperty({ enum: PROBLEM_CODES, description: 'What fails: the signature, the key, the manifest, a file, the chain, or the hash the case recorded' })
  code!: ArchiveProblemCode;

  @ApiProperty({ description: 'What fails, in words (English)' })
  message!: string;

  @ApiPropertyOptional({ description: 'The file in the package it concerns' })
  path?: string;

  @ApiPropertyOptional({ description: 'What the manifest (or the case) says: a sha256, a size, the chain end' })
  expected?: string;

  @ApiPropertyOptional({ description: 'What was found' })
  actual?: string;
}

export class RecordedPackageView {
  @ApiProperty({ description: 'sha256 of manifest.json as the case recorded it in CASE_ARCHIVED' })
  manifestSha256!: string;

  @ApiProperty({ description: 'The signing key' })
  keyId!: string;

  @ApiProperty({ type: Number, description: 'The package holds events 1..throughSeq' })
  throughSeq!: number;

  @ApiProperty({ type: Number, description: 'Files the manifest lists' })
  files!: number;

  @ApiProperty({ description: 'When the case recorded the package' })
  at!: string;
}

class ArchiveRequesterView {
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
}

export class ArchivedPackageView extends RecordedPackageView {
  @ApiProperty({ description: 'Ed25519 signature of the manifest, base64' })
  signature!: string;

  @ApiProperty({ description: 'Chain hash of the last event the package holds' })
  lastHash!: string;
}

/** The case's archive as the case view shows it. */
export class ArchiveStatusView {
  @ApiProperty({ type: String, format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ type: ArchiveRequesterView })
  requestedBy!: ArchiveRequesterView;

  @ApiPropertyOptional({ type: ArchivedPackageView, description: 'Absent while the archive job builds it (ARCHIVING)' })
  package?: ArchivedPackageView;
}

export class ArchiveVerificationView {
  @ApiProperty()
  caseId!: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status!: string;

  @ApiProperty({ type: Boolean, description: 'The signature, the key, every file, the chain and the recorded hash all check out' })
  valid!: boolean;

  @ApiProperty({ type: RecordedPackageView })
  recorded!: RecordedPackageView;

  @ApiPropertyOptional({ description: 'sha256 of manifest.json as found' })
  manifestSha256?: string;

  @ApiPropertyOptional({ description: 'The key the manifest names' })
  keyId?: string;

  @ApiPropertyOptional({ description: 'When the manifest says it was signed' })
  signedAt?: string;

  @ApiProperty({ type: Number, description: 'Files of the manifest found and hashed' })
  filesChecked!: number;

  @ApiProperty({ type: [ArchiveProblemView], description: 'Everything that fails; empty when valid' })
  problems!: ArchiveProblemView[];
}
