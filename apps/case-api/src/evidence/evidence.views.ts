import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVIDENCE_KINDS, EVIDENCE_ORIGINS, type CustodyEntry, type EvidenceItem, type EvidenceKind, type EvidenceOrigin } from '@zhifa/domain';
import { CaseOfficerView, CommandResponse } from '../cases/case-view';

export class CustodyEntryView implements CustodyEntry {
  @ApiProperty({ type: String, format: 'uuid', description: 'userId of the custodian handing it over' })
  from!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  to!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;

  @ApiProperty({ type: String })
  reason!: string;
}

export class EvidenceRecorderView {
  @ApiProperty({ type: String, format: 'uuid' })
  userId!: string;

  @ApiProperty({ type: String })
  name!: string;

  @ApiProperty({ type: Boolean, description: 'Auxiliary staff may draft; the collectors remain the officers' })
  auxiliary!: boolean;
}

/** One evidence item with its hash and chain of custody. */
export class EvidenceItemView implements EvidenceItem {
  @ApiProperty({ type: String, format: 'uuid' })
  evidenceId!: string;

  @ApiProperty({ enum: EVIDENCE_KINDS })
  kind!: EvidenceKind;

  @ApiProperty({ type: String, example: '现场检查笔录' })
  title!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  collectedAt!: string;

  @ApiProperty({ type: [CaseOfficerView] })
  collectors!: CaseOfficerView[];

  @ApiProperty({ type: String })
  location!: string;

  @ApiProperty({ type: String, pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the stored file (or of the text)' })
  sha256!: string;

  @ApiProperty({ type: Number })
  sizeBytes!: number;

  @ApiPropertyOptional({ type: String, example: 'image/jpeg' })
  mediaType?: string;

  @ApiPropertyOptional({ type: String, description: 'Text evidence' })
  text?: string;

  @ApiPropertyOptional({ type: String })
  source?: string;

  @ApiProperty({ type: EvidenceRecorderView })
  recordedBy!: EvidenceRecorderView;

  @ApiProperty({ type: String, format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ type: String, format: 'uuid', description: 'userId of the current custodian' })
  custodian!: string;

  @ApiProperty({ type: [CustodyEntryView] })
  custody!: CustodyEntryView[];

  @ApiPropertyOptional({ enum: EVIDENCE_ORIGINS, description: 'Where it comes from (items recorded since evidence may follow the report)' })
  origin?: EvidenceOrigin;

  @ApiPropertyOptional({ type: Boolean, enum: [true], description: 'Drafted by auxiliary staff: evidence only once two officers of the case confirm it' })
  draft?: true;

  @ApiPropertyOptional({ type: [CaseOfficerView], description: 'The officers who confirmed the draft' })
  confirmedBy?: CaseOfficerView[];

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  confirmedAt?: string;
}

export class EvidenceListView {
  @ApiProperty({ type: [EvidenceItemView] })
  items!: EvidenceItemView[];
}

/** RECORD_EVIDENCE answers the new item's id and the hash and size of what was stored. */
export class EvidenceRecordedResponse extends CommandResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  evidenceId!: string;

  @ApiProperty({ type: String, pattern: '^[0-9a-f]{64}$' })
  sha256!: string;

  @ApiProperty({ type: Number })
  sizeBytes!: number;
}
