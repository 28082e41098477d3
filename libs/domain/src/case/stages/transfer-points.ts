// Where a criminal transfer may start (rule change 'transfer-from-any-point')
// and what a decided case carries into it. R310 3 binds the agency whenever it
// finds a suspected crime "in the course of enforcement": while a lead is
// verified (核查), while the case is investigated or suspended, and after a
// decision. A penalty already imposed is not undone by the transfer: a
// warning, a suspension or a licence action keeps running (R310 11), and a
// fine already paid is offset against a criminal fine by the court (折抵,
// APL 35). So the decision and its execution ledger stand as they are; the
// transfer lists what was imposed and paid for the police and the court.

import type { CaseState } from '../case-state';
import { armDeadline } from '../deadlines';
import { inForce, type RuleOptions } from '../rule-changes';
import { INVESTIGATING, TRANSFER_STATUSES, type CaseStatus, type PenaltyKind } from '../vocabulary';
import { inStatus, notAllowed, type Check, type EvolveMeta } from './kit';

/** The statuses a transfer may be proposed from. A lead under verification: ordinary procedure only (a simple case is decided on the spot). */
export const TRANSFER_ORIGINS: readonly CaseStatus[] = ['LEAD_REGISTERED', ...INVESTIGATING, 'SUSPENDED', 'DECIDED', 'SERVED', 'EXECUTED'];

/** The status is an origin; a lead only in the ordinary procedure. */
export const transferOrigin: Check = (s, cmd) =>
  TRANSFER_ORIGINS.includes(s.status) && !(s.status === 'LEAD_REGISTERED' && s.procedure === 'SIMPLE')
    ? null
    : notAllowed(s, cmd, { en: 'a transfer is proposed from a lead, an open, suspended or decided case', zh: '涉嫌犯罪移送须在核查、调查、中止或者作出决定后提出' });

/** After a decision: what the transfer carries of it. */
export const DECIDED_ORIGINS: readonly CaseStatus[] = ['DECIDED', 'SERVED', 'EXECUTED'];

/** What a decided case had imposed and collected when the transfer was proposed (R310 11, APL 35). */
export interface ImposedBeforeTransfer {
  /** The penalty kinds the decision imposed (as varied on challenge); they keep running. */
  penaltiesRunning: PenaltyKind[];
  /** Yuan of the decision's amount paid by the proposal: recorded for offsetting (折抵, APL 35). */
  paidForOffset: number;
}

/** The record of what was imposed, for a decision not revoked; nothing before a decision. */
export function imposedBeforeTransfer(s: CaseState): { imposed?: ImposedBeforeTransfer } {
  const d = s.decision;
  if (!d || d.revoked || !DECIDED_ORIGINS.includes(s.status)) return {};
  const penalty = d.varied?.penalty ?? d.penalty;
  return { imposed: { penaltiesRunning: [...(penalty?.kinds ?? [])], paidForOffset: s.amountPaid } };
}

/** R310 12's hand-over limit judges this filing notice (history recorded before the change replays without). */
export function handoverApplies(ctx: RuleOptions, filed: boolean): { handover?: true } {
  return filed && inForce(ctx, 'transfer-from-any-point') ? { handover: true } : {};
}

/** The police filed the case: items and files are handed over within 3 days of their notice (R310 12). */
export function armHandover(s: CaseState, noticeAt: string, meta: EvolveMeta): void {
  armDeadline(s, 'transferHandover', noticeAt, meta.at, meta.policy);
}

/** A transfer proposed after service is running: the decision and its payment period stand (R310 11). */
export function inTransferAfterService(s: CaseState): boolean {
  return TRANSFER_STATUSES.includes(s.status) && s.statusBeforeTransfer === 'SERVED';
}

/**
 * Served, or served before a transfer that is still running: the party may pay
 * while the police examine the case, and the payment is recorded for
 * offsetting (APL 35). No history holds a payment in a transfer status: the
 * command was refused there before transfers after a decision existed.
 */
export const servedEvenInTransfer: Check = (s, cmd) => (inTransferAfterService(s) ? null : inStatus(['SERVED'])(s, cmd));

/** A transfer proposed after the decision and before its service is running: service is still owed (APL 61). */
export function inTransferBeforeService(s: CaseState): boolean {
  return TRANSFER_STATUSES.includes(s.status) && s.statusBeforeTransfer === 'DECIDED';
}

/** Decided, or decided before a transfer that is still running: the decision is served all the same (R310 11). */
export const decidedEvenInTransfer: Check = (s, cmd) => (inTransferBeforeService(s) ? null : inStatus(['DECIDED'])(s, cmd));
