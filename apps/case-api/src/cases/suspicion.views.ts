import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PersonRefView } from './people.views';

// The suspected-crime flag as the case shows it (and the supervisors' list of
// no-transfer decisions): the thresholds met with the facts that met them and
// their legal source, and the party's earlier penalties recorded on the case.

export class ThresholdMetTermView {
  @ApiProperty({ type: String, example: 'SALES' }) kind!: string;
  @ApiProperty({ type: Number }) weight!: number;
  @ApiProperty({ type: Number, description: 'The figure the case recorded' }) value!: number;
}

/** A threshold the case's facts reached (立案追诉标准), and the facts that reached it. */
export class ThresholdMetView {
  @ApiPropertyOptional({ enum: ['WEIGHTED_SUM', 'REPEAT'], description: 'Absent: one figure' }) rule?: string;
  @ApiPropertyOptional({ type: String, example: 'SALES', description: 'The figure compared (one-figure thresholds)' }) kind?: string;
  @ApiProperty({ type: Number, description: 'The figure the case recorded (yuan or m²), the weighted sum, or the count of earlier penalties' }) value!: number;
  @ApiProperty({ type: Number, description: 'The threshold it met' }) amount!: number;
  @ApiPropertyOptional({ enum: ['MU'], description: 'The threshold is in mu, the figure in m² (1 mu = 10,000/15 m²)' }) unit?: string;
  @ApiProperty({ type: Boolean }) inclusive!: boolean;
  @ApiProperty({ type: String }) offence!: string;
  @ApiProperty({ type: String, description: 'The standard, down to its item' }) source!: string;
  @ApiProperty({ enum: ['REGISTRATION', 'REPORT', 'EVIDENCE'] }) from!: string;
  @ApiPropertyOptional({ type: String }) evidenceId?: string;
  @ApiPropertyOptional({ type: [ThresholdMetTermView], description: 'A weighted sum: each figure with its weight' }) terms?: ThresholdMetTermView[];
  @ApiPropertyOptional({ type: [String], description: 'A repeat offence: the earlier penalties counted (decision numbers)' }) priorPenalties?: string[];
  @ApiPropertyOptional({ type: Number, description: 'A repeat offence: the window in months' }) withinMonths?: number;
}

/** An earlier administrative penalty of the party, as recorded on the case. */
export class PriorPenaltyView {
  @ApiProperty({ type: String, description: '处罚决定书文号' }) decisionNumber!: string;
  @ApiProperty({ type: String }) agency!: string;
  @ApiProperty({ type: String, format: 'date' }) decidedOn!: string;
  @ApiProperty({ type: String }) act!: string;
  @ApiPropertyOptional({ type: String, description: 'REGISTRATION, or the id of the evidence item it was recorded with' }) recordedWith?: string;
}

/** Who raised SUSPECTED_CRIME, when, and on what: an officer's grounds or the thresholds the case's facts reached. */
export class SuspicionView {
  @ApiProperty({ type: String, format: 'date-time' }) raisedAt!: string;
  @ApiProperty({ enum: ['OFFICER', 'THRESHOLD'] }) raisedBy!: string;
  @ApiProperty({ type: String }) grounds!: string;
  @ApiPropertyOptional({ type: String, description: 'The threshold the officer says the facts meet' }) threshold?: string;
  @ApiPropertyOptional({ type: [ThresholdMetView], description: 'The policy thresholds met, with the facts that met them and their legal source' }) thresholdsMet?: ThresholdMetView[];
  @ApiPropertyOptional({ type: PersonRefView, description: 'The officer who flagged it' }) by?: PersonRefView;
}

