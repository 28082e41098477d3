import { ApiProperty } from '@nestjs/swagger';
import { IsInstant, Text } from '../dto-rules';

/** R310 7: within 24 hours of receipt the police find themselves competent and the material complete. */
export class TransferIntakeReviewDto {
  @ApiProperty({ example: '2026-11-23T06:00:00Z', description: 'When the review was done (within 24 hours of the receipt)' })
  @IsInstant()
  at!: string;
}

/** 立案监督: the procuratorate asks the police to explain in writing why they did not file (要求说明不立案理由通知书). */
export class NonFilingExplanationRequestDto {
  @ApiProperty({ example: '2026-11-23T06:00:00Z', description: 'When the notice went to the police; their 7 days run from it' })
  @IsInstant()
  at!: string;

  @ApiProperty({ description: 'Why the procuratorate needs the explanation' })
  @Text(4000)
  reason!: string;
}

/** The police's written explanation of their refusal to file, within 7 days of the notice. */
export class NonFilingExplanationDto {
  @ApiProperty({ example: '2026-11-23T06:00:00Z' })
  @IsInstant()
  at!: string;

  @ApiProperty({ description: 'The facts, basis and reasons of the refusal (不立案的情况、依据和理由)' })
  @Text(20000)
  explanation!: string;
}
