import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { DECISION_OUTCOMES, NON_DISCLOSURE_GROUNDS, type DecisionOutcome, type NonDisclosureGround } from '@zhifa/domain';
import { Text } from '../dto-rules';
import { PenaltyDto } from '../penalty.dto';

/** Where the party may challenge the decision (APL 59 (五)); the periods are the law's and added by zhifa. */
export class DecisionRemedyDto {
  @ApiProperty({ example: '长治市人民政府', description: '行政复议机关 (ARL 24)' })
  @Text(200)
  reconsiderationBody!: string;

  @ApiProperty({ example: '长治市市场监督管理局所在地有管辖权的人民法院', description: '人民法院 (ALL 18)' })
  @Text(200)
  court!: string;
}

/** The ground on which the law forbids publishing the decision (《政府信息公开条例》 14–15). */
export class NonDisclosureDto {
  @ApiProperty({ enum: NON_DISCLOSURE_GROUNDS, description: 'STATE_SECRET, FORBIDDEN_BY_LAW (art 14); TRADE_SECRET_OR_PRIVACY (art 15)' })
  @IsIn(NON_DISCLOSURE_GROUNDS)
  ground!: NonDisclosureGround;

  @ApiProperty({ example: '决定书载有经定密的国家秘密事项', description: 'Why, recorded with the decision and with the withholding' })
  @Text(2000)
  reason!: string;
}

/** 行政处罚决定 (APL 57, 59) by the agency head, with its document number. */
export class DecisionDto {
  @ApiProperty({ enum: DECISION_OUTCOMES })
  @IsIn(DECISION_OUTCOMES)
  outcome!: DecisionOutcome;

  @ApiPropertyOptional({ type: PenaltyDto, description: 'With outcome PENALTY only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PenaltyDto)
  penalty?: PenaltyDto;

  @ApiProperty({ example: '长市监罚〔2026〕12号' })
  @Text(100)
  documentNumber!: string;

  @ApiProperty({ description: 'The decision text (APL 59 contents, remedy rights included)' })
  @Text(50000)
  text!: string;

  @ApiPropertyOptional({ description: 'APL 59 (三): required' })
  @IsOptional()
  @Text(2000)
  legalBasis?: string;

  @ApiPropertyOptional({ description: 'APL 59 (二): the facts found; required' })
  @IsOptional()
  @Text(20000)
  facts?: string;

  @ApiPropertyOptional({ type: [String], description: 'APL 59 (二): ids of the recorded evidence relied on; at least one for a penalty' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Text(100, { each: true })
  evidenceIds?: string[];

  @ApiPropertyOptional({ description: 'APL 59 (四): how to perform (where and how to pay); required for a penalty. The period comes from the policy.' })
  @IsOptional()
  @Text(2000)
  performance?: string;

  @ApiPropertyOptional({ type: DecisionRemedyDto, description: 'APL 59 (五): required for a penalty or a finding of no penalty' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DecisionRemedyDto)
  remedy?: DecisionRemedyDto;

  @ApiPropertyOptional({
    description:
      'APL 29 (一事不二罚): required to fine an act for which another case already fined the same party (same credit code or ID number, same violation code): why this is lawful (e.g. a different act); recorded with the decision',
  })
  @IsOptional()
  @Text(2000)
  sameActOverrideReason?: string;

  @ApiPropertyOptional({
    type: NonDisclosureDto,
    description: '事后公示: a penalty decision is published within the policy period unless the law forbids it; state the ground here (a minor party is never published, without this)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => NonDisclosureDto)
  nonDisclosure?: NonDisclosureDto;
}
