// What the state keeps of execution (履行 and 强制执行): the approved payment
// plan, the demand notice, the court application and its rulings, and the end
// of execution. Plain JSON, as the rest of the state.

import type { PersonRef } from './case-records';
import type { CollectorKind, CourtRuling, ExecutionEndReason, PaymentPlanKind } from './vocabulary';

/** One date of an approved plan: by the end of `dueDate` (local), `amount` yuan more is paid. */
export interface PlanInstalment {
  dueDate: string;
  amount: number;
  /** The day it is due by: `dueDate`, or the next working day when that is a day off (MSA 80); set when the plan is approved. */
  payBy?: string;
}

/** 暂缓或者分期缴纳 (APL 66), approved by a head on the party's application. */
export interface PaymentPlanRecord {
  kind: PaymentPlanKind;
  instalments: PlanInstalment[];
  reason: string;
  approvedBy: PersonRef;
  approvedAt: string;
  /** Paid on the decision when the plan was approved: the instalments cover what remained. */
  paidBefore: number;
  /** The local last day of the payment period the plan replaced (surcharge before the plan counts from it). */
  replacedDueDate: string;
}

/** 罚缴分离 (APL 67): the bank, payment system or (APL 68–69) officers that collected a payment. */
export interface PaymentCollector {
  kind: CollectorKind;
  name: string;
}

/** 催告书 (ACL 35, 54), served when the payment period passed unpaid. */
export interface DemandRecord {
  documentNumber: string;
  servedAt: string;
  /** End of the 10 working days after service (ACL 54, 69): the court may be applied to after it. */
  waitEndsAt: string;
}

export interface CourtRulingRecord {
  ruling: CourtRuling;
  at: string;
  note?: string;
}

/** 申请人民法院强制执行 (ACL 53–57) and what the court answered. */
export interface CourtApplicationRecord {
  court: string;
  documentNumber: string;
  appliedAt: string;
  approvedBy: PersonRef;
  rulings: CourtRulingRecord[];
}

/** 终结执行 (ACL 40), approved by a head. */
export interface ExecutionEndRecord {
  reason: ExecutionEndReason;
  facts: string;
  at: string;
  approvedBy: PersonRef;
  /** Yuan left unpaid on the decision and of the surcharge when execution ended. */
  unpaid: number;
}

/** Everything execution adds to a case; absent until the first of these acts. */
export interface ExecutionRecord {
  plan?: PaymentPlanRecord;
  /** Surcharge paid (加处罚款), yuan; payments go to the decision's amount first. */
  surchargePaid: number;
  /** Surcharge accrued as of the last payment; fixed once the decision's amount is paid (accrual stops). */
  surchargeAccrued: number;
  demand?: DemandRecord;
  court?: CourtApplicationRecord;
  ended?: ExecutionEndRecord;
}
