// 两法衔接监督: every criminal transfer a supervisor should see — where it
// stands, whether any of R310's limits ran out or was met late, and the
// head's reasoned refusals to transfer. The read model's state is all it
// needs; the caller brings the clock.

import type { CaseDeadline, CaseState, TransferRecord } from '../case/case-state';
import { DEADLINE_OWNER, type DeadlineOwner } from '../case/deadlines';
import { TRANSFER_STATUSES, type DeadlineKind, type DeadlineState } from '../case/vocabulary';
import { deadlineStanding, stillOwed } from '../deadlines/standing';
import { TRANSFER_LIMITS } from '../case/stages/transfer-limits';

/** Where a transfer stands: a transfer status while it runs, else how it ended. */
export const TRANSFER_STAGES = [
  'TRANSFER_PROPOSED',
  'TRANSFER_APPROVED',
  'TRANSFERRED',
  'TRANSFER_RECEIVED',
  'TRANSFER_ACCEPTED',
  'TRANSFER_DECLINED',
  'TRANSFER_RECONSIDERATION_REQUESTED',
  'TRANSFER_SUPERVISION_REQUESTED',
  /** The head refused to transfer, with reasons (R310 5): the case went back to its track. */
  'REFUSED_BY_HEAD',
  /** After the police's final refusal the agency completed the administrative case (R310 10). */
  'RETURNED',
] as const;
export type TransferStage = (typeof TRANSFER_STAGES)[number];

/** The R310 limits in the order a transfer meets them. */
export const TRANSFER_LIMIT_KINDS = TRANSFER_LIMITS;

export interface TransferLimit {
  kind: DeadlineKind;
  owner: DeadlineOwner;
  state: DeadlineState;
  dueAt: string;
  /** The legal source of the period. */
  source: string;
  metAt?: string;
  /** Met after its due instant, or escalated before it was met. */
  late: boolean;
  /** While still owed: local days to the due day, and whether it has passed. */
  daysLeft?: number;
  overdue?: boolean;
}

export interface TransferWatch {
  stage: TransferStage;
  transfer: TransferRecord;
  limits: TransferLimit[];
  /** Any limit ran out, was met late, or is past due now. */
  late: boolean;
  /** Someone must still act under a running limit (the agency or the police). */
  waitingFor?: DeadlineOwner;
}

function stageOf(state: CaseState, t: TransferRecord): TransferStage {
  if ((TRANSFER_STATUSES as readonly string[]).includes(state.status)) return state.status as TransferStage;
  if (t.outcome === 'ACCEPTED') return 'TRANSFER_ACCEPTED';
  if (t.outcome === 'REFUSED_BY_HEAD') return 'REFUSED_BY_HEAD';
  return 'RETURNED';
}

function limitOf(d: CaseDeadline, clock: { now: string; timeZone: string }): TransferLimit {
  const owed = stillOwed(d);
  const standing = owed ? deadlineStanding(d.dueAt, clock.now, clock.timeZone) : undefined;
  const l: TransferLimit = {
    kind: d.kind,
    owner: DEADLINE_OWNER[d.kind],
    state: d.state,
    dueAt: d.dueAt,
    source: d.basis.source,
    late: d.state === 'MISSED' || d.late === true || standing?.overdue === true,
  };
  if (d.metAt !== undefined) l.metAt = d.metAt;
  if (standing) Object.assign(l, standing);
  return l;
}

/** The transfer of a case as a supervisor sees it; null when the case was never proposed for transfer. */
export function transferWatch(state: CaseState, clock: { now: string; timeZone: string }): TransferWatch | null {
  const t = state.transfer;
  if (!t) return null;
  const limits = TRANSFER_LIMIT_KINDS.map((k) => state.deadlines[k]).filter((d): d is CaseDeadline => d !== undefined).map((d) => limitOf(d, clock));
  // The agency's own request windows are rights, not duties: a lapsed one is nobody's lateness.
  const duties = limits.filter((l) => l.kind !== 'transferReconsiderationRequest' && l.kind !== 'transferSupervisionRequest');
  const running = duties.find((l) => l.state === 'OPEN' || l.state === 'MISSED');
  const w: TransferWatch = { stage: stageOf(state, t), transfer: t, limits, late: duties.some((l) => l.late) };
  if (running) w.waitingFor = running.owner;
  return w;
}
