import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { DATE_PATTERN, type PriorPenalty } from '@zhifa/domain';
import { Text } from '../dto-rules';

/** An officer flags the case as a suspected crime (R310 3): no penalty is decided until it is transferred or a head decides not to. */
export class FlagSuspectedCrimeDto {
  @ApiProperty({ description: 'The facts that make the case a suspected crime' })
  @Text(20000)
  grounds!: string;

  @ApiPropertyOptional({ description: 'The prosecution threshold the facts meet, e.g. sales ≥ ¥50,000 (立案追诉标准)' })
  @IsOptional()
  @Text(4000)
  threshold?: string;
}

/** A head decides, with reasons, not to transfer a flagged case (R310 5, 11); supervisors see the decision. */
export class DecideNotToTransferDto {
  @ApiProperty({ description: 'Why the facts do not call for a transfer' })
  @Text(20000)
  reasons!: string;
}

/** An earlier administrative penalty of the party, with its source: repeat-offence thresholds count them. */
export class PriorPenaltyDto {
  @ApiProperty({ example: '长生环罚〔2025〕12号', description: '处罚决定书文号' })
  @Text(200)
  decisionNumber!: string;

  @ApiProperty({ example: '长治市生态环境局', description: 'The agency that decided it' })
  @Text(200)
  agency!: string;

  @ApiProperty({ example: '2025-06-10', description: 'When it was decided (YYYY-MM-DD)' })
  @Matches(DATE_PATTERN, { message: '$property must be a date YYYY-MM-DD' })
  decidedOn!: string;

  @ApiProperty({ description: 'The act it punished: the officer records it as the same kind of act the threshold counts' })
  @Text(2000)
  act!: string;
}

export function priorPenalties(dtos: PriorPenaltyDto[]): PriorPenalty[] {
  return dtos.map((p) => ({ decisionNumber: p.decisionNumber, agency: p.agency, decidedOn: p.decidedOn, act: p.act }));
}
