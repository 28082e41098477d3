import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { CERTIFICATE_STATUSES, DISCLOSURE_STATES, PENALTY_KINDS, PERSONAL_INFO_KINDS } from '@zhifa/domain';
import type { DisclosureFilter } from '@zhifa/persistence';

// What the public pages answer (no sign-in): the agency's 事前公示, the
// certificate lookup, and the decisions published (事后公示). Nothing here
// carries a party's ID number, phone, home address or bank account.

export class PublicStepView {
  @ApiProperty({ type: String, example: '作出行政处罚决定' }) step!: string;
  @ApiPropertyOptional({ type: String, example: '90日' }) limit?: string;
  @ApiProperty({ type: String, example: 'APL 60; MSA 63' }) source!: string;
}

export class PublicPowerView {
  @ApiProperty({ type: String, example: 'PRODUCT-FAKE' }) code!: string;
  @ApiProperty({ type: String }) title!: string;
  @ApiProperty({ type: String, example: '《产品质量法》第五十条' }) legalBasis!: string;
  @ApiProperty({ type: String }) penaltyRange!: string;
}

export class PublicPenaltyKindView {
  @ApiProperty({ enum: PENALTY_KINDS }) kind!: string;
  @ApiProperty({ type: String, example: '罚款' }) name!: string;
}

export class PublicProcedureView {
  @ApiProperty({ enum: ['ORDINARY', 'SIMPLE'] }) procedure!: string;
  @ApiProperty({ type: String, example: '普通程序' }) name!: string;
  @ApiProperty({ type: [PublicStepView] }) steps!: PublicStepView[];
}

export class PublicCertificateView {
  @ApiProperty({ type: String, example: 'CZSJ-ZF-2024-0101' }) number!: string;
  @ApiProperty({ type: String, example: 'ENFORCEMENT:market' }) scope!: string;
  @ApiProperty({ type: String, format: 'date' }) validFrom!: string;
  @ApiProperty({ type: String, format: 'date' }) validTo!: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status!: string;
  @ApiProperty({ type: Boolean, description: "Active and within its dates on today's date in the agency's time zone" }) validToday!: boolean;
}

export class PublicOfficerView {
  @ApiProperty({ type: String, example: '张伟' }) name!: string;
  @ApiProperty({ type: [PublicCertificateView], description: 'Enforcement certificates only' }) certificates!: PublicCertificateView[];
}

export class PublicAgencyView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, example: '长治市市场监督管理局' }) name!: string;
  @ApiProperty({ type: String }) jurisdiction!: string;
  @ApiProperty({ type: String, description: 'The jurisdiction policy the powers, procedures and limits are read from' }) policyVersion!: string;
  @ApiProperty({ type: [PublicPowerView], description: 'The violations the agency enforces, with their legal bases and penalty ranges' }) powers!: PublicPowerView[];
  @ApiProperty({ type: [PublicPenaltyKindView] }) penaltyKinds!: PublicPenaltyKindView[];
  @ApiProperty({ type: String }) penaltyKindsSource!: string;
  @ApiProperty({ type: [PublicProcedureView] }) procedures!: PublicProcedureView[];
  @ApiProperty({ type: [PublicStepView], description: 'The party’s rights: defence, hearing, reconsideration, lawsuit' }) remedies!: PublicStepView[];
  @ApiProperty({ type: [PublicOfficerView], description: 'Officers holding an enforcement certificate, by name' }) officers!: PublicOfficerView[];
}

export class PublicAgencySummaryView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, example: '长治市市场监督管理局' }) name!: string;
}

export class PublicAgencyListView {
  @ApiProperty({ type: [PublicAgencySummaryView] }) items!: PublicAgencySummaryView[];
}

export class PublicCertificateLookupView extends PublicCertificateView {
  @ApiProperty({ type: String, example: '张伟' }) holderName!: string;
  @ApiPropertyOptional({ type: String, format: 'uuid' }) agencyId?: string;
  @ApiPropertyOptional({ type: String, example: '长治市市场监督管理局' }) agencyName?: string;
  @ApiProperty({ type: String, format: 'date', description: 'The date validToday was judged on (agency time zone)' }) asOf!: string;
}

export class DisclosureSectionView {
  @ApiPropertyOptional({ type: String, example: '一、违法事实和证据' }) heading?: string;
  @ApiProperty({ type: [String] }) paragraphs!: string[];
}

export class PublicDisclosureSummaryView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DISCLOSURE_STATES.filter((s) => s !== 'WITHHELD'), description: 'WITHDRAWN: revoked, changed or voided after publication; shown marked, with the reason' }) status!: string;
  @ApiProperty({ type: String, example: '行政处罚决定书' }) title!: string;
  @ApiProperty({ type: String, format: 'uuid' }) agencyId!: string;
  @ApiProperty({ type: String }) agencyName!: string;
  @ApiProperty({ type: String, example: '长市监罚〔2026〕101号' }) documentNumber!: string;
  @ApiProperty({ type: String, format: 'date' }) decidedOn!: string;
  @ApiProperty({ type: String }) partyName!: string;
  @ApiProperty({ type: String }) legalBasis!: string;
  @ApiProperty({ type: [String], example: ['罚款人民币肆仟元整（¥4,000.00）'] }) penaltyLines!: string[];
  @ApiProperty({ type: Number, example: 4000 }) amountDue!: number;
  @ApiProperty({ type: String, format: 'date-time' }) publishedAt!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) withdrawnAt?: string;
  @ApiPropertyOptional({ type: String }) withdrawalReason?: string;
}

export class PublicDisclosureView extends PublicDisclosureSummaryView {
  @ApiProperty({ type: [DisclosureSectionView], description: 'The decision’s text in reading order, personal information removed' }) sections!: DisclosureSectionView[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: `How many items of each kind were left out (${PERSONAL_INFO_KINDS.join(', ')})`,
  })
  removed!: Record<string, number>;
}

export class PublicDisclosureListView {
  @ApiProperty({ type: [PublicDisclosureSummaryView] }) items!: PublicDisclosureSummaryView[];
  @ApiProperty({ type: Number }) total!: number;
  @ApiProperty({ type: Number }) page!: number;
  @ApiProperty({ type: Number }) pageSize!: number;
}

export class ListDisclosuresQuery implements DisclosureFilter {
  @ApiPropertyOptional({ type: String, format: 'uuid' }) @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional({ type: String, format: 'date', description: 'decided on or after' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) from?: string;
  @ApiPropertyOptional({ type: String, format: 'date', description: 'decided on or before' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) to?: string;
  @ApiPropertyOptional({ default: 1 }) @Type(() => Number) @IsInt() @Min(1) page = 1;
  @ApiPropertyOptional({ default: 20 }) @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize = 20;
}
