import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import type { JurisdictionPolicy, PolicyChange, PolicyChangeKind } from '@zhifa/domain';
import { IsInstant, Text } from '../commands/dto-rules';
import { PolicyView } from './policy.views';
import { ANY_JSON } from '../common/any-json.openapi';

/**
 * A new policy version. The document is judged as a whole by the domain
 * (policyProblems), not field by field here: every bad field comes back at
 * once, named `policy.<path>`.
 */
export class PublishPolicyDto {
  @ApiProperty({ type: PolicyView, description: 'The whole policy document; its `version` must be new, its `jurisdiction` the agency’s' })
  @IsObject()
  policy!: JurisdictionPolicy;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'In force from this instant (cases registered from then on pin it); absent: at once' })
  @IsOptional()
  @IsInstant()
  effectiveFrom?: string;

  @ApiPropertyOptional({ type: String, example: '2027 年裁量基准修订', description: 'Why the version is published (kept in the administration log)' })
  @IsOptional()
  @Text(1000)
  reason?: string;
}

export class PolicyVersionView {
  @ApiProperty({ example: 'changzhi-market-2026.3' }) version!: string;
  @ApiProperty() jurisdiction!: string;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ example: '系统管理员', description: 'Who published it (the seed for the demo version)' }) publishedBy!: string;
  @ApiProperty({ format: 'date-time', description: 'In force from this instant, unless a version published later is in force by then' }) effectiveFrom!: string;
  @ApiProperty({ description: 'The version new cases pin now: the newest published one whose effective date has come' }) inForce!: boolean;
  @ApiProperty({ description: 'Published with an effective date still ahead' }) pending!: boolean;
}

export class PolicyVersionListView {
  @ApiProperty({ type: [PolicyVersionView], description: "Every version of my agency's jurisdiction, newest publication first" })
  items!: PolicyVersionView[];
}

export class PublishedPolicyView extends PolicyVersionView {
  @ApiProperty({ type: String, nullable: true, description: 'The version published before this one in the jurisdiction' })
  previous!: string | null;
}

export class PolicyChangeView implements PolicyChange {
  @ApiProperty({ example: 'deadlines.filingDecision.days', description: 'Where in the document; a catalogue entry by its code, e.g. violations[FOOD-UNLICENSED].title' })
  path!: string;

  @ApiProperty({ enum: ['added', 'removed', 'changed'] })
  kind!: PolicyChangeKind;

  @ApiPropertyOptional({ ...ANY_JSON, description: 'The value before (absent when added): any JSON value' })
  before?: unknown;

  @ApiPropertyOptional({ ...ANY_JSON, description: 'The value after (absent when removed): any JSON value' })
  after?: unknown;
}

export class PolicyDiffView {
  @ApiProperty({ example: 'changzhi-market-2026.4' }) version!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The version compared against: `against`, or the one published before; null for the first version' })
  against!: string | null;
  @ApiProperty({ type: [PolicyChangeView] }) changes!: PolicyChangeView[];
}
