import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DISCRETION_BASES, type DiscretionBase } from '@zhifa/domain';

// The policy's prosecution thresholds (立案追诉标准) as GET /policies shows them.

export class ThresholdTermView {
  @ApiProperty({ enum: DISCRETION_BASES })
  kind!: DiscretionBase;

  @ApiProperty({ type: Number, example: 3 })
  weight!: number;
}

export class ThresholdBoundView {
  @ApiProperty({ enum: DISCRETION_BASES })
  kind!: DiscretionBase;

  @ApiProperty({ type: Number, example: 50000 })
  amount!: number;
}

/**
 * A prosecution threshold (立案追诉标准) of a violation code: one figure
 * (`kind`), a weighted sum of figures (`rule` WEIGHTED_SUM, `terms`), or a
 * count of earlier penalties (`rule` REPEAT, `withinMonths`).
 */
export class CriminalThresholdView {
  @ApiProperty({ type: String, example: 'PRODUCT-FAKE' })
  violationCode!: string;

  @ApiPropertyOptional({ enum: ['FIGURE', 'WEIGHTED_SUM', 'REPEAT'], description: 'Absent: one figure' })
  rule?: 'FIGURE' | 'WEIGHTED_SUM' | 'REPEAT';

  @ApiPropertyOptional({ enum: DISCRETION_BASES, description: 'The figure compared (one-figure thresholds)' })
  kind?: DiscretionBase;

  @ApiPropertyOptional({ enum: ['MU'], description: 'The amount is in mu (亩) while the figure is in m² (1 mu = 10,000/15 m²)' })
  unit?: 'MU';

  @ApiPropertyOptional({ type: [ThresholdTermView], description: 'A weighted sum: its figures and weights' })
  terms?: ThresholdTermView[];

  @ApiPropertyOptional({ type: ThresholdBoundView, description: 'A weighted sum applies only while this figure is below this amount' })
  whileBelow?: ThresholdBoundView;

  @ApiPropertyOptional({ type: Number, description: 'A repeat offence: the window, in months before the act, of the earlier penalties counted' })
  withinMonths?: number;

  @ApiPropertyOptional({ type: String, description: 'A repeat offence: what makes an earlier act the same kind' })
  sameKind?: string;

  @ApiProperty({ type: Number, example: 50000, description: 'Yuan, m², mu (unit MU) or a count of earlier penalties (REPEAT)' })
  amount!: number;

  @ApiProperty({ type: Boolean, description: 'true: the amount itself counts (以上)' })
  inclusive!: boolean;

  @ApiProperty({ type: String })
  offence!: string;

  @ApiProperty({ type: String })
  source!: string;
}
