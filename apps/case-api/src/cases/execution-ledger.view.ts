import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { executionLedger, type CaseState, type ExecutionLedger } from '@zhifa/domain';
import type { CaseClock } from './deadline-clock.service';

// The execution ledger (履行台账) of a served decision with money due, as of
// the caller's clock: what was due, the late surcharge accrued (APL 72), what
// was paid on each (the decision's amount first) and what is outstanding.

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
}

/** The ledger now, for a decision that was served with money due; absent otherwise. */
export function executionLedgerView(s: CaseState | null, clock: CaseClock): ExecutionLedgerView | undefined {
  if (!s?.service || !((s.decision?.amountDue ?? 0) > 0)) return undefined;
  return executionLedger(s, clock.now, clock.timeZone);
}
