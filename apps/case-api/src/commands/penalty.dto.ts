import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsPositive } from 'class-validator';
import { PENALTY_KINDS, type Penalty, type PenaltyKind } from '@zhifa/domain';
import { Text } from './dto-rules';

/** A penalty (APL 9); amounts in yuan to the fen. Cross-field rules (FINE needs fineAmount) are the domain's. */
export class PenaltyDto {
  @ApiProperty({ enum: PENALTY_KINDS, isArray: true, example: ['FINE'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PENALTY_KINDS.length)
  @IsIn(PENALTY_KINDS, { each: true })
  kinds!: PenaltyKind[];

  @ApiPropertyOptional({ example: 5000, description: 'Yuan; required with FINE' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @IsPositive()
  fineAmount?: number;

  @ApiPropertyOptional({ description: 'Yuan of illegal gains confiscated; with CONFISCATION' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @IsPositive()
  confiscationAmount?: number;

  @ApiPropertyOptional({ example: 30, description: 'Days of a term penalty (licence suspension, activity restriction, business suspension, employment ban, detention); required with one' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  termDays?: number;

  @ApiPropertyOptional({ description: 'What the kinds do not say (goods confiscated, suspension period...)' })
  @IsOptional()
  @Text(2000)
  terms?: string;
}

export function penalty(dto: PenaltyDto): Penalty {
  return {
    kinds: [...dto.kinds],
    ...(dto.fineAmount !== undefined ? { fineAmount: dto.fineAmount } : {}),
    ...(dto.confiscationAmount !== undefined ? { confiscationAmount: dto.confiscationAmount } : {}),
    ...(dto.termDays !== undefined ? { termDays: dto.termDays } : {}),
    ...(dto.terms !== undefined ? { terms: dto.terms } : {}),
  };
}
