import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
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
