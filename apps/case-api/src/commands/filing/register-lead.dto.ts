import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DISCRETION_BASES, PARTY_TYPES, PROCEDURES, type ActorSnapshot, type PartyType, type Procedure } from '@zhifa/domain';
import { DiscretionBaseDto, discretionBases } from '../investigation/investigation-report.dto';
import { PriorPenaltyDto, priorPenalties } from '../suspected-crime/suspected-crime.dto';
import type { Lead } from '../../cases/case-workflow.client';
import { iso } from '../dto-rules';

export class PartyDto {
  @ApiProperty({ enum: PARTY_TYPES })
  @IsIn(PARTY_TYPES)
  type!: PartyType;

  @ApiProperty({ example: '某某食品商行' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: 'ID card number of a person (redacted on disclosure)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  idNumber?: string;

  @ApiPropertyOptional({ description: '统一社会信用代码 of an organisation' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  creditCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  legalRepresentative?: string;

  @ApiPropertyOptional({ description: 'A minor: never disclosed' })
  @IsOptional()
  @IsBoolean()
  minor?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;
}

/** 案源登记: a lead as the officer registers it. */
export class RegisterLeadDto {
  @ApiProperty({ example: 'complaint', description: 'Where the lead came from: inspection, complaint, referral, ...' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  source!: string;

  @ApiProperty({ example: '2026-11-20T02:00:00Z', description: 'When the lead was received (ISO 8601 with zone)' })
  @IsISO8601({ strict: true, strictSeparator: true })
  discoveredAt!: string;

  @ApiProperty({ type: PartyDto })
  @ValidateNested()
  @Type(() => PartyDto)
  party!: PartyDto;

  @ApiProperty({ example: 'FOOD-UNLICENSED' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  violationCode!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  summary!: string;

  @ApiProperty({ enum: PROCEDURES })
  @IsIn(PROCEDURES)
  procedure!: Procedure;

  @ApiPropertyOptional({ description: 'When the violation occurred or ended (ISO 8601); needed to file (limitation, APL 36)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  violationAt?: string;

  @ApiPropertyOptional({ description: 'Endangers life, health or financial safety: 5-year limitation (APL 36)' })
  @IsOptional()
  @IsBoolean()
  lifeHealthFinancialSafety?: boolean;

  @ApiPropertyOptional({
    type: [DiscretionBaseDto],
    description: "Figures the lead states (sales, unsold goods, farmland occupied in m², ...): one reaching the policy's prosecution threshold flags the case SUSPECTED_CRIME",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DISCRETION_BASES.length)
  @ValidateNested({ each: true })
  @Type(() => DiscretionBaseDto)
  amounts?: DiscretionBaseDto[];

  @ApiPropertyOptional({
    type: [PriorPenaltyDto],
    description: "The party's earlier administrative penalties for the same kind of act, each with its decision number: counted by the policy's repeat-offence thresholds",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PriorPenaltyDto)
  priorPenalties?: PriorPenaltyDto[];

  @ApiProperty({ type: [String], description: 'Officers who handle the lead (user ids)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  officerIds!: string[];
}

/** The REGISTER_LEAD command of a request, with its officers resolved. */
export function leadOf(dto: RegisterLeadDto, officers: ActorSnapshot[]): Lead {
  return {
    type: 'REGISTER_LEAD',
    procedure: dto.procedure,
    source: dto.source,
    discoveredAt: iso(dto.discoveredAt),
    party: { ...dto.party },
    violationCode: dto.violationCode,
    summary: dto.summary,
    officers,
    ...(dto.violationAt ? { violationAt: iso(dto.violationAt) } : {}),
    ...(dto.lifeHealthFinancialSafety !== undefined ? { lifeHealthFinancialSafety: dto.lifeHealthFinancialSafety } : {}),
    ...(dto.amounts !== undefined ? { amounts: discretionBases(dto.amounts) } : {}),
    ...(dto.priorPenalties !== undefined ? { priorPenalties: priorPenalties(dto.priorPenalties) } : {}),
  };
}
