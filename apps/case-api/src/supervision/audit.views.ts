import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { ANY_JSON } from '../common/any-json.openapi';

export const ALERT_KINDS = ['CHAIN_BROKEN'] as const;
export const STUCK_CAUSES = [
  'WORKFLOW_MISSING',
  'WORKFLOW_FAILED',
  'WORKFLOW_TERMINATED',
  'WORKFLOW_CANCELLED',
  'WORKFLOW_TIMED_OUT',
  'WORKFLOW_ENDED_EARLY',
  'READ_MODEL_DIVERGES',
] as const;

export class AlertsQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'Only alerts not yet acknowledged' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;
}

/** A supervisor alert raised by a job (a case whose hash chain breaks). */
export class AlertView {
  @ApiProperty({ type: String, description: 'The alert id' }) id!: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind!: string;
  @ApiProperty({ type: String, format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: String }) caseNumber!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'CHAIN_BROKEN: `events` and `brokenAt` {seq, eventId, reason}, as timeline/verify reports them' })
  detail!: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time' }) raisedAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) acknowledgedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) acknowledgedByName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt!: string | null;
}

export class AlertListView {
  @ApiProperty({ type: [AlertView] }) items!: AlertView[];
}

/** A case the reconciliation job found stuck, with the cause. */
export class StuckCaseView {
  @ApiProperty({ type: String, format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: String }) caseNumber!: string;
  @ApiProperty({ enum: STUCK_CAUSES }) cause!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Workflow causes: workflowId, the case status and workflowStatus; READ_MODEL_DIVERGES: the fields that differ, with read model and chain values of status and lastSeq',
  })
  detail!: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the reconciliation run found it' }) foundAt!: string;
}

export class StuckCaseListView {
  @ApiProperty({ type: [StuckCaseView] }) items!: StuckCaseView[];
}

export class ReadModelDriftView {
  @ApiProperty({ enum: ['row', 'status', 'lastSeq', 'deadlines'] }) field!: string;
  @ApiProperty({ ...ANY_JSON, description: 'The read model value before the repair' }) readModel!: unknown;
  @ApiProperty({ ...ANY_JSON, description: 'The value folded from the chain' }) chain!: unknown;
}

export class ReadModelRepairView {
  @ApiProperty({ type: String, format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: Boolean, description: 'False when the read model agreed with the chain already (nothing changed)' }) changed!: boolean;
  @ApiProperty({ type: [ReadModelDriftView] }) drift!: ReadModelDriftView[];
  @ApiProperty({ type: String, format: 'uuid' }) repairedBy!: string;
  @ApiProperty({ type: String }) repairedByName!: string;
  @ApiProperty({ type: String, format: 'date-time' }) repairedAt!: string;
}
