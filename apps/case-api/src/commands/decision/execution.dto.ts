import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsPositive, ValidateIf, ValidateNested } from 'class-validator';
import {
  COLLECTOR_KINDS,
  type CollectorKind,
  CHALLENGE_KINDS,
  CHALLENGE_RESULTS,
  CHALLENGE_STAGES,
  type ChallengeKind,
  type ChallengeResult,
  type ChallengeStage,
} from '@zhifa/domain';
import { IsInstant, Text, Yuan } from '../dto-rules';
import { PenaltyDto } from '../penalty.dto';

/** Who collected the payment (罚缴分离, APL 67): the agency collects only on the spot (APL 68–69). */
export class CollectorDto {
  @ApiProperty({ enum: COLLECTOR_KINDS, description: 'ON_THE_SPOT only for an on-the-spot (simple procedure) decision' })
  @IsIn(COLLECTOR_KINDS)
  kind!: CollectorKind;

  @ApiProperty({ example: '中国工商银行长治分行', description: 'The bank, payment system or (on the spot) officer' })
  @Text(200)
  name!: string;
}

/** A payment of the fine or confiscated gains (履行), or of the late surcharge (加处罚款): the decision's amount is paid first. */
export class PaymentDto {
  @ApiProperty({ example: 200, description: 'Yuan, at most two decimals' })
  @Yuan()
  @IsPositive()
  amount!: number;

  @ApiProperty({ example: '2026-11-23T06:00:00Z' })
  @IsInstant()
  paidAt!: string;

  @ApiProperty({ example: '非税收入缴款书 No. 1404-0001', description: 'Receipt of the collecting bank or unit (罚缴分离)' })
  @Text(200)
  receipt!: string;

  @ApiProperty({ type: CollectorDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CollectorDto)
  collector!: CollectorDto;
}

/** 行政复议 / 行政诉讼: filed, then decided. */
export class ChallengeDto {
  @ApiPropertyOptional({ description: 'Required to decide a challenge; on FILED the server assigns one if absent' })
  @ValidateIf((o: ChallengeDto, v: unknown) => o.stage === 'DECIDED' || v !== undefined)
  @Text(100)
  challengeId?: string;

  @ApiProperty({ enum: CHALLENGE_KINDS })
  @IsIn(CHALLENGE_KINDS)
  kind!: ChallengeKind;

  @ApiProperty({ enum: CHALLENGE_STAGES })
  @IsIn(CHALLENGE_STAGES)
  stage!: ChallengeStage;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T06:00:00Z', description: 'When the challenge was filed, or its outcome decided' })
  @IsInstant()
  at!: string;

  @ApiProperty({ example: '长治市人民政府', description: 'The reconsideration body or court' })
  @Text(300)
  body!: string;

  @ApiPropertyOptional({ enum: CHALLENGE_RESULTS, description: 'Required when stage is DECIDED' })
  @ValidateIf((o: ChallengeDto, v: unknown) => o.stage === 'DECIDED' || v !== undefined)
  @IsIn(CHALLENGE_RESULTS)
  result?: ChallengeResult;

  @ApiPropertyOptional({
    type: PenaltyDto,
    description: 'Result VARIED only, and then required: the penalty as the reconsideration body or court varied it (never heavier, ARL 63, ALL 77); the amount due becomes its fine plus confiscation',
  })
  @ValidateIf((o: ChallengeDto, v: unknown) => o.result === 'VARIED' || v !== undefined)
  @ValidateNested()
  @Type(() => PenaltyDto)
  penalty?: PenaltyDto;
}
