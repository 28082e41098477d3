import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches, MaxLength } from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { CERTIFICATE_CHANGE_KINDS, CERTIFICATE_STATUSES, DATE_PATTERN, type CertificateChangeKind, type CertificateStatus } from '@zhifa/domain';
import { Text } from '../commands/dto-rules';

/** A local date, YYYY-MM-DD. */
const IsDay = (): PropertyDecorator =>
  applyDecorators(IsISO8601({ strict: true, strictSeparator: true }), Matches(DATE_PATTERN, { message: '$property must be a date, YYYY-MM-DD' }));

/** A certificate to issue to a user of my agency. */
export class IssueCertificateDto {
  @ApiProperty({ example: '14040120260001', description: 'Unique across all agencies' })
  @Text(60)
  @Matches(/^[A-Za-z0-9-]+$/, { message: 'number may hold letters, digits and dashes' })
  number!: string;

  @ApiProperty({ example: 'ENFORCEMENT:market', description: 'ENFORCEMENT or LEGAL_REVIEW, optionally with a field after a colon' })
  @Text(80)
  scope!: string;

  @ApiProperty({ example: '2026-01-01' }) @IsDay() validFrom!: string;
  @ApiProperty({ example: '2028-12-31', description: 'The last day it is valid; after validFrom' }) @IsDay() validTo!: string;
}

/** A suspension (暂扣), reinstatement or revocation (吊销): from which day, and why. */
export class CertificateStatusDto {
  @ApiProperty({ example: '2026-12-03', description: 'The local day it takes effect: not after today, not before the last change' })
  @IsDay()
  effectiveFrom!: string;

  @ApiProperty({ example: '涉嫌违反执法纪律，暂扣执法证件' })
  @Text(1000)
  reason!: string;
}

/** A renewal (延续): the new last day; the number is kept. */
export class RenewCertificateDto {
  @ApiProperty({ example: '2030-12-31', description: 'After the present last day' }) @IsDay() validTo!: string;

  @ApiPropertyOptional({ example: '2026-12-03', description: 'The local day the renewal takes effect; today when omitted' })
  @IsOptional()
  @IsDay()
  effectiveFrom?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(1000)
  reason?: string;
}

export class CertificateRecorderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class CertificateChangeView {
  @ApiProperty({ enum: CERTIFICATE_CHANGE_KINDS, description: 'RECORDED: the certificate as found when its history began' }) kind!: CertificateChangeKind;
  @ApiProperty({ enum: CERTIFICATE_STATUSES, description: 'The status from `from` on' }) status!: CertificateStatus;
  @ApiProperty({ example: '2028-12-31', description: 'The last day in force from `from` on' }) validTo!: string;
  @ApiProperty({ example: '2026-12-03', description: 'The local day the change took effect' }) from!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: CertificateRecorderView, nullable: true }) recordedBy!: CertificateRecorderView | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class CertificateView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ example: '14040120260001' }) number!: string;
  @ApiProperty({ example: 'ENFORCEMENT:market' }) scope!: string;
  @ApiProperty({ example: '2026-01-01' }) validFrom!: string;
  @ApiProperty({ example: '2028-12-31' }) validTo!: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES, description: 'In force today' }) status!: CertificateStatus;
  @ApiProperty({ type: [String], enum: ['SUSPEND', 'REINSTATE', 'REVOKE', 'RENEW'], description: 'What an administrator may do to it now (none once revoked)' })
  allowedActions!: string[];
  @ApiProperty({ type: [CertificateChangeView], description: 'Its dated status changes, oldest first' }) history!: CertificateChangeView[];
}

export class CertificateListView {
  @ApiProperty({ type: [CertificateView] }) items!: CertificateView[];
}
