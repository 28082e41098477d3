import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional } from 'class-validator';
import { CASE_STATUSES, EVALUATION_CHECKS } from '@zhifa/domain';

const CHECK_IDS = EVALUATION_CHECKS.map((c) => c.id);
const GRADES = ['EXCELLENT', 'PASS', 'FAIL'];

export class BilingualTextView {
  @ApiProperty({ type: String, example: '陈述、申辩期限届满或当事人陈述申辩后方作出决定' }) zh!: string;
  @ApiProperty({ type: String }) en!: string;
}

/** One check of the evaluation, with the event it rests on. */
export class EvaluationCheckView {
  @ApiProperty({ enum: CHECK_IDS }) id!: string;
  @ApiProperty({ type: BilingualTextView }) title!: BilingualTextView;
  @ApiProperty({ type: String, example: 'APL 44–45, 62', description: 'The legal source of the requirement' }) source!: string;
  @ApiProperty({ enum: ['PASS', 'FAIL', 'NOT_APPLICABLE'] }) result!: string;
  @ApiProperty({ type: BilingualTextView, description: 'What the check found' }) detail!: BilingualTextView;
  @ApiPropertyOptional({ type: Number, description: 'Sequence number of the event the finding rests on' }) seq?: number;
}

/** 案卷评查 of one case: the checklist, a score and a grade. */
export class CaseEvaluationView {
  @ApiProperty({ type: String, format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: String, example: 'LZSJ-2026-00001' }) caseNumber!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiProperty({ type: [EvaluationCheckView] }) checks!: EvaluationCheckView[];
  @ApiProperty({ type: Number }) passed!: number;
  @ApiProperty({ type: Number }) failed!: number;
  @ApiProperty({ type: Number, description: 'Checks that concern the case (passed + failed)' }) applicable!: number;
  @ApiProperty({ type: Number, description: 'Passed applicable checks in percent, rounded down; 100 when none applies' }) score!: number;
  @ApiProperty({ enum: GRADES, description: 'EXCELLENT (优秀): score ≥ 90 and no failed check; PASS (合格): ≥ 60; FAIL (不合格)' }) grade!: string;
  @ApiProperty({ type: String, format: 'date-time' }) evaluatedAt!: string;
}

export class EvaluationBatchQuery {
  @ApiProperty({ type: String, format: 'date', example: '2026-01-01', description: 'Cases registered on or after this local date' })
  @IsDateString({ strict: true })
  from!: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-12-31', description: 'Cases registered on or before this local date' })
  @IsDateString({ strict: true })
  to!: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv: one row per case for the annual report' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format: 'json' | 'csv' = 'json';
}

/** One case of a batch: its score, grade and the checks it failed. */
export class EvaluationRowView {
  @ApiProperty({ type: String, format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: String }) caseNumber!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiProperty({ type: Number }) score!: number;
  @ApiProperty({ enum: GRADES }) grade!: string;
  @ApiProperty({ enum: CHECK_IDS, isArray: true }) failedChecks!: string[];
}

/** One check of the documented checklist (docs/supervision.md). */
export class EvaluationChecklistItemView {
  @ApiProperty({ enum: CHECK_IDS }) id!: string;
  @ApiProperty({ type: BilingualTextView }) title!: BilingualTextView;
  @ApiProperty({ type: String }) source!: string;
}

export class EvaluationBatchView {
  @ApiProperty({ type: [EvaluationChecklistItemView], description: 'The checklist the cases were evaluated against, in order' }) checklist!: EvaluationChecklistItemView[];
  @ApiProperty({ type: String, format: 'date' }) from!: string;
  @ApiProperty({ type: String, format: 'date' }) to!: string;
  @ApiProperty({ type: [EvaluationRowView] }) items!: EvaluationRowView[];
  @ApiProperty({ type: Number }) cases!: number;
  @ApiProperty({ type: Number, description: 'Mean score of the cases, rounded down (0 when none)' }) averageScore!: number;
  @ApiProperty({ type: Object, description: 'Cases per grade', example: { EXCELLENT: 3, PASS: 1, FAIL: 0 } }) grades!: Record<string, number>;
  @ApiProperty({ type: Object, description: 'Failures per check id', example: { 'rights-told': 1 } }) failuresByCheck!: Record<string, number>;
}
