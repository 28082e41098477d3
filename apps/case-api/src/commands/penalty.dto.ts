import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsPositive, ValidateNested } from 'class-validator';
import { PENALTY_KINDS, type Penalty, type PenaltyKind } from '@zhifa/domain';
import { Text, Yuan } from './dto-rules';

/** One item of illegal property confiscated (没收非法财物): what, how many, in what unit. */
export class ConfiscatedItemDto {
  @ApiProperty({ example: '无证销售的预包装食品' })
  @Text(300)
  description!: string;

  @ApiProperty({ example: 120 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @IsPositive()
  quantity!: number;

  @ApiProperty({ example: '箱' })
  @Text(20)
  unit!: string;
}

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
  @Yuan()
  @IsPositive()
  fineAmount?: number;

  @ApiPropertyOptional({ description: 'Yuan of illegal gains confiscated (没收违法所得), paid like a fine; with CONFISCATION. Never the value of goods: those are confiscatedItems' })
  @IsOptional()
  @Yuan()
  @IsPositive()
  confiscationAmount?: number;

  @ApiPropertyOptional({ type: [ConfiscatedItemDto], description: 'Illegal property confiscated (没收非法财物), item by item; with CONFISCATION; never money due' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ConfiscatedItemDto)
  confiscatedItems?: ConfiscatedItemDto[];

  @ApiPropertyOptional({ example: 30, description: 'Days of a term penalty (licence suspension, activity restriction, business suspension, employment ban, detention); required with one' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  termDays?: number;

  @ApiPropertyOptional({ description: 'What the kinds do not say' })
  @IsOptional()
  @Text(2000)
  terms?: string;
}

export function penalty(dto: PenaltyDto): Penalty {
  return {
    kinds: [...dto.kinds],
    ...(dto.fineAmount !== undefined ? { fineAmount: dto.fineAmount } : {}),
    ...(dto.confiscationAmount !== undefined ? { confiscationAmount: dto.confiscationAmount } : {}),
    ...(dto.confiscatedItems !== undefined ? { confiscatedItems: dto.confiscatedItems.map((i) => ({ description: i.description, quantity: i.quantity, unit: i.unit })) } : {}),
    ...(dto.termDays !== undefined ? { termDays: dto.termDays } : {}),
    ...(dto.terms !== undefined ? { terms: dto.terms } : {}),
  };
}
