import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsOptional, ValidateIf, ValidateNested } from 'class-validator';
import { NO_PENALTY_GROUNDS, type NoPenaltyGround } from '@zhifa/domain';
import { IsDateOrInstant, Text } from '../dto-rules';
import { PenaltyDto } from '../penalty.dto';
import { DefencePointDto } from '../pre-decision/pre-decision.dto';
import { ServiceDto } from '../service.dto';

/** The party's statement and defence heard on the spot before deciding (APL 44–45): waived, or stated with each point adopted or not. */
export class OnTheSpotDefenceDto {
  @ApiProperty({ description: 'The party was told of its right to state and defend and declined' })
  @IsBoolean()
  waived!: boolean;

  @ApiPropertyOptional({ description: "The party's statement; required unless waived" })
  @ValidateIf((o: OnTheSpotDefenceDto, v: unknown) => o.waived !== true || v !== undefined)
  @Text(20000)
  statement?: string;

  @ApiPropertyOptional({ type: [DefencePointDto], description: 'Each point the party made, adopted or not, and why; at least one unless waived' })
  @ValidateIf((o: OnTheSpotDefenceDto, v: unknown) => o.waived !== true || v !== undefined)
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DefencePointDto)
  points?: DefencePointDto[];
}

/** 当场处罚 (APL 51–52): one officer decides a warning or a small fine and serves it on the spot. */
export class SimpleDecisionDto {
  @ApiProperty()
  @Text(4000)
  facts!: string;

  @ApiProperty({ example: '《道路交通安全法》第九十条' })
  @Text(2000)
  legalBasis!: string;

  @ApiProperty({ type: PenaltyDto, description: 'WARNING and/or FINE within the policy limit' })
  @IsDefined()
  @ValidateNested()
  @Type(() => PenaltyDto)
  penalty!: PenaltyDto;

  @ApiProperty({ example: '长市监简〔2026〕1号', description: 'Number of the pre-printed decision form' })
  @Text(100)
  documentNumber!: string;

  @ApiProperty()
  @Text(20000)
  text!: string;

  @ApiProperty({ type: ServiceDto, description: 'Served on the spot: DIRECT or REFUSED' })
  @IsDefined()
  @ValidateNested()
  @Type(() => ServiceDto)
  service!: ServiceDto;

  @ApiProperty({ type: OnTheSpotDefenceDto, description: "The party's statement and defence, heard before deciding (APL 44–45)" })
  @IsDefined()
  @ValidateNested()
  @Type(() => OnTheSpotDefenceDto)
  defence!: OnTheSpotDefenceDto;

  @ApiPropertyOptional({ example: '2026-11-18', description: 'When the violation occurred or ended (YYYY-MM-DD or instant); required unless given at registration (limitation, APL 36)' })
  @IsOptional()
  @IsDateOrInstant()
  violationAt?: string;

  @ApiPropertyOptional({ description: 'Endangers life, health or financial safety: 5-year limitation (APL 36)' })
  @IsOptional()
  @IsBoolean()
  lifeHealthFinancialSafety?: boolean;

  @ApiPropertyOptional({ description: 'APL 29: required to fine an act another case already fined (same party, same violation code): why this is lawful' })
  @IsOptional()
  @Text(2000)
  sameActOverrideReason?: string;
}

/** A simple-procedure lead that does not qualify continues as the same case under the ordinary procedure. */
export class ConvertToOrdinaryDto {
  @ApiProperty({ example: 'The fine due exceeds the simple-procedure limit (APL 51)' })
  @Text(4000)
  reason!: string;
}

/** 当场不予行政处罚 (APL 33, 30, 31, 36): decided and served on the spot with its ground. */
export class SimpleNoPenaltyDto {
  @ApiProperty({ enum: NO_PENALTY_GROUNDS, description: 'Why no penalty: APL 33 (first minor violation corrected; minor and corrected, no harm; no fault), APL 30, 31, or the limitation (APL 36)' })
  @IsIn(NO_PENALTY_GROUNDS)
  ground!: NoPenaltyGround;

  @ApiProperty({ example: '初次违法，危害后果轻微，已当场改正' })
  @Text(4000)
  reason!: string;

  @ApiProperty()
  @Text(4000)
  facts!: string;

  @ApiProperty({ example: '《行政处罚法》第三十三条第一款' })
  @Text(2000)
  legalBasis!: string;

  @ApiProperty({ example: '长市监不罚〔2026〕1号', description: 'Number of the no-penalty decision form' })
  @Text(100)
  documentNumber!: string;

  @ApiProperty()
  @Text(20000)
  text!: string;

  @ApiProperty({ type: ServiceDto, description: 'Served on the spot: DIRECT or REFUSED' })
  @IsDefined()
  @ValidateNested()
  @Type(() => ServiceDto)
  service!: ServiceDto;

  @ApiPropertyOptional({ example: '2024-11-01', description: 'Ground LIMITATION_EXPIRED: when the violation occurred or ended, unless given at registration (APL 36)' })
  @IsOptional()
  @IsDateOrInstant()
  violationAt?: string;

  @ApiPropertyOptional({ description: 'Ground LIMITATION_EXPIRED: endangers life, health or financial safety (5-year limitation, APL 36)' })
  @IsOptional()
  @IsBoolean()
  lifeHealthFinancialSafety?: boolean;
}

/** A simple-procedure lead that is no violation (违法事实不成立) is closed: the case ends and goes to closing. */
export class DismissSimpleLeadDto {
  @ApiProperty({ example: '违法事实不成立' })
  @Text(4000)
  reason!: string;

  @ApiProperty({ description: 'What was found on checking the lead' })
  @Text(4000)
  facts!: string;
}

/** The on-the-spot decision reported to the agency for the record (APL 52). */
export class SimpleReportDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Text(2000)
  note?: string;
}
