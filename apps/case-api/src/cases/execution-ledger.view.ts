import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COURT_RULINGS,
  EXECUTION_END_REASONS,
  PAYMENT_PLAN_KINDS,
  executionLedger,
  type CaseState,
  type CourtRuling,
  type ExecutionEndReason,
  type ExecutionLedger,
  type PaymentPlanKind,
} from '@zhifa/domain';
import type { CaseClock } from './deadline-clock.service';

// The execution ledger (履行台账) of a served decision with money due, as of
// the caller's clock: what was due, the late surcharge accrued (APL 72), what
// was paid on each (the decision's amount first) and what is outstanding.

export class PlanInstalmentView {
  @ApiProperty({ type: String, description: 'The date the head approved (YYYY-MM-DD)' })
  dueDate!: string;

  @ApiProperty({ type: Number })
  amount!: number;

  @ApiPropertyOptional({ type: String, description: 'The day it is due by: the next working day when dueDate is a day off' })
  payBy?: string;
}

/** 暂缓或者分期缴纳 (APL 66) as approved. */
export class PaymentPlanView {
  @ApiProperty({ enum: PAYMENT_PLAN_KINDS })
  kind!: PaymentPlanKind;

  @ApiProperty({ type: [PlanInstalmentView] })
  instalments!: PlanInstalmentView[];

  @ApiProperty({ type: String })
  reason!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  approvedAt!: string;
}

/** 催告书 (ACL 54) and the end of the party's 10 working days. */
export class DemandView {
  @ApiProperty({ type: String })
  documentNumber!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  servedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'The court may be applied to after this instant (ACL 54, 69)' })
  waitEndsAt!: string;
}

export class CourtRulingView {
  @ApiProperty({ enum: COURT_RULINGS })
  ruling!: CourtRuling;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;

  @ApiPropertyOptional({ type: String })
  note?: string;
}

/** 申请人民法院强制执行 (ACL 53–57) and the court's rulings. */
export class CourtApplicationView {
  @ApiProperty({ type: String })
  court!: string;

  @ApiProperty({ type: String })
  documentNumber!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  appliedAt!: string;

  @ApiProperty({ type: [CourtRulingView] })
  rulings!: CourtRulingView[];
}

/** 终结执行 (ACL 40). */
export class ExecutionEndView {
  @ApiProperty({ enum: EXECUTION_END_REASONS })
  reason!: ExecutionEndReason;

  @ApiProperty({ type: String })
  facts!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;

  @ApiProperty({ type: Number, description: 'Yuan left unpaid (decision and surcharge) when execution ended' })
  unpaid!: number;
}

export class ExecutionLedgerView implements ExecutionLedger {
  @ApiProperty({ type: String, format: 'date-time', description: 'The instant the ledger is computed at (now)' })
  asOf!: string;

  @ApiProperty({ type: Number, description: 'The fine, yuan: the base of the surcharge' })
  fine!: number;

  @ApiProperty({ type: Number, description: "The decision's amount due (fine and confiscated gains), yuan" })
  amountDue!: number;

  @ApiPropertyOptional({ type: String, description: 'Local last day of the payment period in force (the next date of an approved plan)' })
  dueDate?: string;

  @ApiProperty({ type: Number, description: 'Days on which the surcharge accrued (calendar days after the period; not during an approved plan kept to or a pending challenge)' })
  surchargeDays!: number;

  @ApiProperty({ type: Number, description: '加处罚款 accrued, yuan: 3 % of the fine a day, at most the fine (APL 72 (1))' })
  surchargeAccrued!: number;

  @ApiProperty({ type: Boolean, description: 'The surcharge reached the fine' })
  capped!: boolean;

  @ApiProperty({ type: Boolean, description: 'The surcharge grows tomorrow if nothing is paid' })
  accruing!: boolean;

  @ApiProperty({ type: Number })
  paidOnDecision!: number;

  @ApiProperty({ type: Number })
  paidOnSurcharge!: number;

  @ApiProperty({ type: Number })
  outstandingOnDecision!: number;

  @ApiProperty({ type: Number })
  outstandingSurcharge!: number;

  @ApiProperty({ type: Number, description: 'Everything still owed, yuan' })
  outstanding!: number;

  @ApiPropertyOptional({ type: PaymentPlanView })
  plan?: PaymentPlanView;

  @ApiPropertyOptional({ type: DemandView })
  demand?: DemandView;

  @ApiPropertyOptional({ type: CourtApplicationView })
  court?: CourtApplicationView;

  @ApiPropertyOptional({ type: ExecutionEndView })
  ended?: ExecutionEndView;
}

/** The ledger now, for a decision that was served with money due; absent otherwise. */
export function executionLedgerView(s: CaseState | null, clock: CaseClock): ExecutionLedgerView | undefined {
  if (!s?.service || !((s.decision?.amountDue ?? 0) > 0)) return undefined;
  const view: ExecutionLedgerView = executionLedger(s, clock.now, clock.timeZone);
  const ex = s.execution;
  if (ex?.plan) {
    const { kind, instalments, reason, approvedAt } = ex.plan;
    view.plan = { kind, instalments: instalments.map((i) => ({ ...i })), reason, approvedAt };
  }
  if (ex?.demand) view.demand = { ...ex.demand };
  if (ex?.court) {
    const { court, documentNumber, appliedAt, rulings } = ex.court;
    view.court = { court, documentNumber, appliedAt, rulings: rulings.map((r) => ({ ...r })) };
  }
  if (ex?.ended) {
    const { reason, facts, at, unpaid } = ex.ended;
    view.ended = { reason, facts, at, unpaid };
  }
  return view;
}
