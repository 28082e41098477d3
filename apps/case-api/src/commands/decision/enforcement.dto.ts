import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsPositive, Matches, ValidateNested } from 'class-validator';
import {
  COURT_RULINGS,
  DATE_PATTERN,
  EXECUTION_END_REASONS,
  PAYMENT_PLAN_KINDS,
  type CourtRuling,
  type ExecutionEndReason,
  type PaymentPlanKind,
} from '@zhifa/domain';
import { IsInstant, Text, Yuan } from '../dto-rules';

/** One date of a plan: by the end of that day, this much more is paid. */
export class PlanInstalmentDto {
  @ApiProperty({ example: '2026-12-31', description: 'Local date (YYYY-MM-DD), after today and after the date before it' })
  @Matches(DATE_PATTERN, { message: '$property must be a date YYYY-MM-DD' })
  dueDate!: string;

  @ApiProperty({ example: 26000, description: 'Yuan, at most two decimals' })
  @Yuan()
  @IsPositive()
  amount!: number;
}

/** 暂缓或者分期缴纳 (APL 66): approved by a head on the party's application; the amounts add up to what is outstanding. */
export class PaymentPlanDto {
  @ApiProperty({ enum: PAYMENT_PLAN_KINDS, description: 'DEFERRAL: one date; INSTALMENTS: two or more' })
  @IsIn(PAYMENT_PLAN_KINDS)
  kind!: PaymentPlanKind;

  @ApiProperty({ type: [PlanInstalmentDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(36)
  @ValidateNested({ each: true })
  @Type(() => PlanInstalmentDto)
  instalments!: PlanInstalmentDto[];

  @ApiProperty({ example: '当事人确有经济困难，书面申请分期缴纳', description: "The party's application and the financial hardship shown" })
  @Text(2000)
  reason!: string;
}

/** 催告书 (ACL 35, 54), served after the payment period passed unpaid. */
export class DemandDto {
  @ApiProperty({ example: '长市监催〔2026〕1号' })
  @Text(100)
  documentNumber!: string;

  @ApiProperty({ example: '2026-12-01T02:00:00Z' })
  @IsInstant()
  servedAt!: string;
}

/** 申请人民法院强制执行 (ACL 53–55), signed by a head. */
export class CourtApplicationDto {
  @ApiProperty({ example: '长治市潞州区人民法院' })
  @Text(200)
  court!: string;

  @ApiProperty({ example: '长市监强执申〔2026〕1号' })
  @Text(100)
  documentNumber!: string;

  @ApiProperty({ example: '2026-12-20T02:00:00Z' })
  @IsInstant()
  appliedAt!: string;
}

/** The court's ruling on the application (ACL 56–58). */
export class CourtRulingDto {
  @ApiProperty({ enum: COURT_RULINGS, description: 'ACCEPTED (受理), ENFORCED (执行完毕), NOT_ENFORCED (不予受理或者不予执行)' })
  @IsIn(COURT_RULINGS)
  ruling!: CourtRuling;

  @ApiProperty({ example: '2026-12-27T02:00:00Z' })
  @IsInstant()
  at!: string;

  @ApiPropertyOptional({ example: '（2026）晋0403执123号' })
  @IsOptional()
  @Text(2000)
  note?: string;
}

/** 终结执行 (ACL 40), approved by a head: nothing can be collected. */
export class ExecutionEndDto {
  @ApiProperty({ enum: EXECUTION_END_REASONS })
  @IsIn(EXECUTION_END_REASONS)
  reason!: ExecutionEndReason;

  @ApiProperty({ example: '当事人已注销，无财产可供执行，又无义务承受人', description: 'The facts of the ground' })
  @Text(2000)
  facts!: string;

  @ApiProperty({ example: '2026-12-01T02:00:00Z' })
  @IsInstant()
  at!: string;
}
