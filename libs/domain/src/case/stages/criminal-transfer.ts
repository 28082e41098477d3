// 两法衔接 (Regulation 310): a suspected crime is proposed for transfer by two
// officers, approved by the head, dispatched to the police (copied to the
// procuratorate), and followed through the police's answer, reconsideration
// and the procuratorate's supervision. No penalty while it is pending (以罚代刑
// is barred); after a final refusal the administrative case resumes.

import type { ActorSnapshot } from '../actor.types';
import type { CaseOfficer } from '../case-records';
import type { CaseState } from '../case-state';
import { armDeadline, cancelDeadline, meetDeadline } from '../deadlines';
import { failWith, type RejectionStatus } from '../rejection';
import { checkNamedOfficers } from '../rules/people';
import { ms, Validator } from '../rules/validation';
import { inForce } from '../rule-changes';
import { zhDate } from '../messages';
import { INVESTIGATING, POLICE_DECISIONS, type PoliceDecision, SUPERVISION_OUTCOMES, type SupervisionOutcome } from '../vocabulary';
import { all, byRules, clone, inStatus, invalid, stage, type EvolveMeta, type Handler, type HandlerContext } from './kit';
import { closePause, completed, openPause, PAUSE } from './shared';
import { endTransferLimits, limitsApply, TRANSFER_LIMIT_CODES, windowClosed } from './transfer-limits';
import { actingBody } from './liaison-body';
import { armHandover, handoverApplies, imposedBeforeTransfer, transferOrigin } from './transfer-points';
import { armExplanationRequest, armIntakeReview, endSupervisionSteps, explanationLimitApplies, intakeApplies, resolutionReady } from './transfer-body-steps';

/** The refusals only this stage gives. */
const CODES = {
  'TRANSFER.RECONSIDERATION_USED': 409,
  'TRANSFER.SUPERVISION_USED': 409,
  'TRANSFER.ALREADY_RECEIVED': 409,
  'TRANSFER.RECEIPT_BEFORE_DISPATCH': 422,
  ...TRANSFER_LIMIT_CODES,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type CriminalTransferCommand =
  | { type: 'PROPOSE_TRANSFER'; grounds: string; officers: ActorSnapshot[]; thresholdFacts?: string }
  | { type: 'DECIDE_TRANSFER'; approve: boolean; reason: string }
  | { type: 'DISPATCH_TRANSFER'; sentAt: string; policeAgency: string; procuratorate: string; documents: string[] }
  | { type: 'RECORD_POLICE_DECISION'; decision: PoliceDecision; at: string; reason?: string }
  | { type: 'REQUEST_TRANSFER_RECONSIDERATION'; reason: string }
  | { type: 'ANSWER_TRANSFER_RECONSIDERATION'; accept: boolean; reason: string }
  | { type: 'REQUEST_TRANSFER_SUPERVISION'; reason: string }
  | { type: 'RESOLVE_TRANSFER_SUPERVISION'; outcome: SupervisionOutcome; reason: string }
  | { type: 'RESUME_ADMINISTRATIVE_CASE'; reason: string };

export type CriminalTransferEvent =
  | {
      type: 'TRANSFER_PROPOSED';
      grounds: string;
      thresholdFacts?: string;
      officers: CaseOfficer[];
      /** Set on proposals under 'transfer-pause-at-approval': the clock runs until the head approves. */
      clockStopsAtApproval?: true;
      /** Set under 'r310-limits': R310's time limits are armed as deadlines. */
      limits?: true;
      /** Set under 'transfer-from-any-point': the transfer records where it started and what a decision had imposed. */
      anyPoint?: true;
    }
  | { type: 'TRANSFER_APPROVED'; reason: string; limits?: true }
  | { type: 'TRANSFER_REFUSED'; reason: string }
  | { type: 'TRANSFER_DISPATCHED'; sentAt: string; policeAgency: string; procuratorate: string; documents: string[]; limits?: true }
  | {
      type: 'POLICE_DECISION_RECORDED';
      decision: PoliceDecision;
      at: string;
      reason?: string;
      limits?: true;
      body?: string;
      handover?: true;
      /** Set on a receipt under 'transfer-body-limits': R310 7's 24 hours run from it. */
      intake?: true;
    }
  | { type: 'TRANSFER_RECONSIDERATION_REQUESTED'; reason: string; limits?: true }
  | { type: 'TRANSFER_RECONSIDERATION_ANSWERED'; accept: boolean; reason: string; body?: string; handover?: true }
  /** bodyLimits: set under 'transfer-body-limits', the procuratorate's 7 days to ask for the police's explanation run. */
  | { type: 'TRANSFER_SUPERVISION_REQUESTED'; reason: string; bodyLimits?: true }
  | { type: 'TRANSFER_SUPERVISION_RESOLVED'; outcome: SupervisionOutcome; reason: string; body?: string; handover?: true }
  | { type: 'ADMINISTRATIVE_CASE_RESUMED'; reason: string };

/** Commands whose payload is a reason (plus a few checked fields). */
type TransferCommandOf<T extends CriminalTransferCommand['type']> = Extract<CriminalTransferCommand, { type: T }>;

function withReason<T extends CriminalTransferCommand['type']>(
  build: (cmd: TransferCommandOf<T>, ctx: HandlerContext) => CriminalTransferEvent,
  extra?: (v: Validator, cmd: TransferCommandOf<T>) => void,
): Handler<TransferCommandOf<T>, CriminalTransferEvent> {
  return (_s, cmd, ctx) => {
    const v = new Validator(ctx.now);
    v.text('reason', (cmd as { reason?: unknown }).reason);
    extra?.(v, cmd);
    if (!v.ok) return invalid(v);
    return build(cmd, ctx);
  };
}

/** What the police record, as the refusal names it. */
const ZH_POLICE_ACT: Readonly<Record<PoliceDecision, string>> = { RECEIPT: '签收', ACCEPT: '立案决定', DECLINE: '不予立案决定' };

function transferAccepted(s: CaseState, meta: EvolveMeta): void {
  s.status = 'TRANSFER_ACCEPTED';
  if (s.transfer) s.transfer.outcome = 'ACCEPTED';
  closePause(s, PAUSE.TRANSFER, meta.at, meta.policy);
  endTransferLimits(s, meta.at);
  // The administrative decision is no longer due; the case is closed as transferred.
  cancelDeadline(s, 'decision', meta.at);
  completed(s, meta.at, meta);
}

/** Accepted with R310 12's hand-over limit when the event carries it. */
function acceptedWithHandover(s: CaseState, e: { handover?: true }, meta: EvolveMeta, noticeAt: string): void {
  transferAccepted(s, meta);
  if (e.handover) {
    armHandover(s, noticeAt, meta);
    // From a lead: the filing limit ends with the police's filing (it comes back fresh on a return, APL 27).
    cancelDeadline(s, 'filingDecision', meta.at);
  }
}

function returnFromTransfer(s: CaseState, meta: EvolveMeta): void {
  s.status = s.statusBeforeTransfer ?? 'FILED';
  delete s.statusBeforeTransfer;
  closePause(s, PAUSE.TRANSFER, meta.at, meta.policy);
  endTransferLimits(s, meta.at);
}

export const criminalTransfer = stage<CriminalTransferCommand, CriminalTransferEvent>()(
  'criminal-transfer',
  {
    PROPOSE_TRANSFER: {
      action: 'criminal-transfer',
      roles: ['OFFICER'],
      from: byRules(transferOrigin, inStatus(INVESTIGATING), 'transfer-from-any-point'),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('grounds', cmd.grounds).text('thresholdFacts', cmd.thresholdFacts, { optional: true });
        if (v.array('officers', cmd.officers, { min: 1 })) cmd.officers.forEach((o, i) => v.actor(`officers[${i}]`, o));
        if (!v.ok) return invalid(v);
        // R310 5: at least two officers prepare the transfer report.
        // R310 5, APL 43: and none of them recused from the case (under 'transfer-team-recusal').
        const recused = inForce(ctx, 'transfer-team-recusal') ? { recused: s.recusals.map((r) => r.userId) } : {};
        const named = checkNamedOfficers(cmd.officers, { min: 2, date: ctx.date, agencyId: s.agencyId, field: 'officers', ...recused });
        if ('fail' in named) return named.fail;
        const e: CriminalTransferEvent = { type: 'TRANSFER_PROPOSED', grounds: cmd.grounds, officers: named.officers, ...limitsApply(ctx) };
        if (cmd.thresholdFacts !== undefined) e.thresholdFacts = cmd.thresholdFacts;
        // A proposal is the officers' view, not the agency's act: the 90 days run on until the head approves.
        if (inForce(ctx, 'transfer-pause-at-approval')) e.clockStopsAtApproval = true;
        if (inForce(ctx, 'transfer-from-any-point')) e.anyPoint = true;
        return e;
      },
    },
    DECIDE_TRANSFER: {
      action: 'criminal-transfer/approval',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: inStatus(['TRANSFER_PROPOSED']),
      handle: (_s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.bool('approve', cmd.approve).text('reason', cmd.reason);
        if (!v.ok) return invalid(v);
        return cmd.approve ? { type: 'TRANSFER_APPROVED', reason: cmd.reason, ...limitsApply(ctx) } : { type: 'TRANSFER_REFUSED', reason: cmd.reason };
      },
    },
    DISPATCH_TRANSFER: {
      action: 'criminal-transfer/dispatch',
      roles: ['OFFICER'],
      from: inStatus(['TRANSFER_APPROVED']),
      handle: (_s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.instant('sentAt', cmd.sentAt, { notFuture: true }).text('policeAgency', cmd.policeAgency).text('procuratorate', cmd.procuratorate);
        if (v.array('documents', cmd.documents, { min: 1 })) cmd.documents.forEach((d, i) => v.text(`documents[${i}]`, d));
        if (!v.ok) return invalid(v);
        return { type: 'TRANSFER_DISPATCHED', sentAt: cmd.sentAt, policeAgency: cmd.policeAgency, procuratorate: cmd.procuratorate, documents: [...cmd.documents], ...limitsApply(ctx) };
      },
    },
    RECORD_POLICE_DECISION: {
      action: 'criminal-transfer/police-decision',
      roles: ['POLICE_LIAISON'],
      from: all(inStatus(['TRANSFERRED', 'TRANSFER_RECEIVED']), (s, cmd) =>
        s.status === 'TRANSFER_RECEIVED' && (cmd as { decision?: PoliceDecision }).decision === 'RECEIPT'
          ? fail('TRANSFER.ALREADY_RECEIVED', {
              en: `The police signed the receipt on ${s.transfer?.receivedAt}; record their filing decision (R310 8)`,
              zh: `公安机关已于${zhDate(s.transfer?.receivedAt ?? '')}签收移送回执，请记录其立案决定（《行政执法机关移送涉嫌犯罪案件的规定》第8条）`,
            })
          : null,
      ),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.oneOf('decision', cmd.decision, POLICE_DECISIONS).instant('at', cmd.at, { notFuture: true });
        v.text('reason', cmd.reason, { optional: cmd.decision !== 'DECLINE' });
        if (!v.ok) return invalid(v);
        const limits = limitsApply(ctx);
        const sentAt = s.transfer?.dispatch?.sentAt;
        if (limits.limits && sentAt !== undefined && ms(cmd.at) < ms(sentAt)) {
          return fail('TRANSFER.RECEIPT_BEFORE_DISPATCH', {
            en: `The police's ${cmd.decision.toLowerCase()} at ${cmd.at} precedes the dispatch at ${sentAt}`,
            zh: `公安机关的${ZH_POLICE_ACT[cmd.decision]}时间（${zhDate(cmd.at)}）早于移送时间（${zhDate(sentAt)}）`,
          });
        }
        const e: CriminalTransferEvent = {
          type: 'POLICE_DECISION_RECORDED',
          decision: cmd.decision,
          at: cmd.at,
          ...limits,
          ...actingBody(ctx),
          ...handoverApplies(ctx, cmd.decision === 'ACCEPT'),
          ...intakeApplies(ctx, cmd.decision === 'RECEIPT', limits),
        };
        if (cmd.reason !== undefined) e.reason = cmd.reason;
        return e;
      },
    },
    REQUEST_TRANSFER_RECONSIDERATION: {
      action: 'criminal-transfer/reconsideration',
      roles: ['OFFICER'],
      from: all(
        inStatus(['TRANSFER_DECLINED']),
        (s) =>
          s.transfer?.reconsideration || s.transfer?.supervision
            ? fail('TRANSFER.RECONSIDERATION_USED', {
                en: 'Reconsideration may be requested once, before supervision (R310 9)',
                zh: '复议只能在提请检察监督之前提请一次（《行政执法机关移送涉嫌犯罪案件的规定》第9条）',
              })
            : null,
        windowClosed('transferReconsiderationRequest', { en: 'A request to reconsider the refusal', zh: '提请公安机关复议' }),
      ),
      handle: (s, cmd, ctx) => withReason<'REQUEST_TRANSFER_RECONSIDERATION'>((c) => ({ type: 'TRANSFER_RECONSIDERATION_REQUESTED', reason: c.reason, ...limitsApply(ctx) }))(s, cmd, ctx),
    },
    ANSWER_TRANSFER_RECONSIDERATION: {
      action: 'criminal-transfer/reconsideration',
      roles: ['POLICE_LIAISON'],
      from: inStatus(['TRANSFER_RECONSIDERATION_REQUESTED']),
      handle: withReason<'ANSWER_TRANSFER_RECONSIDERATION'>(
        (c, ctx) => ({ type: 'TRANSFER_RECONSIDERATION_ANSWERED', accept: c.accept, reason: c.reason, ...actingBody(ctx), ...handoverApplies(ctx, c.accept) }),
        (v, c) => v.bool('accept', c.accept),
      ),
    },
    REQUEST_TRANSFER_SUPERVISION: {
      action: 'criminal-transfer/supervision',
      roles: ['OFFICER'],
      from: all(
        inStatus(['TRANSFER_DECLINED']),
        (s) => (s.transfer?.supervision ? fail('TRANSFER.SUPERVISION_USED', { en: 'Filing supervision was already requested', zh: '已经提请过立案监督' }) : null),
        windowClosed('transferSupervisionRequest', { en: 'A request for filing supervision', zh: '提请人民检察院立案监督' }),
      ),
      handle: withReason<'REQUEST_TRANSFER_SUPERVISION'>((c, ctx) => ({ type: 'TRANSFER_SUPERVISION_REQUESTED', reason: c.reason, ...explanationLimitApplies(ctx) })),
    },
    RESOLVE_TRANSFER_SUPERVISION: {
      action: 'criminal-transfer/supervision',
      roles: ['PROCURATORATE'],
      from: all(inStatus(['TRANSFER_SUPERVISION_REQUESTED']), resolutionReady),
      handle: withReason<'RESOLVE_TRANSFER_SUPERVISION'>(
        (c, ctx) => ({ type: 'TRANSFER_SUPERVISION_RESOLVED', outcome: c.outcome, reason: c.reason, ...actingBody(ctx), ...handoverApplies(ctx, c.outcome === 'POLICE_TO_FILE') }),
        (v, c) => v.oneOf('outcome', c.outcome, SUPERVISION_OUTCOMES),
      ),
    },
    RESUME_ADMINISTRATIVE_CASE: {
      action: 'criminal-transfer/return',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: inStatus(['TRANSFER_DECLINED']),
      handle: withReason<'RESUME_ADMINISTRATIVE_CASE'>((c) => ({ type: 'ADMINISTRATIVE_CASE_RESUMED', reason: c.reason })),
    },
  },
  {
    TRANSFER_PROPOSED: (s, e, { at, policy }) => {
      s.transfer = {
        proposedAt: at,
        grounds: e.grounds,
        officers: clone(e.officers),
        ...(e.thresholdFacts !== undefined ? { thresholdFacts: e.thresholdFacts } : {}),
        ...(e.clockStopsAtApproval ? { clockStopsAtApproval: true } : {}),
        ...(e.anyPoint ? imposedBeforeTransfer(s) : {}),
      };
      s.statusBeforeTransfer = s.status;
      s.status = 'TRANSFER_PROPOSED';
      s.suspectedCrime = true;
      // A proposal recorded before 'transfer-pause-at-approval' stopped the clock at once; it replays so.
      if (!e.clockStopsAtApproval) openPause(s, at, PAUSE.TRANSFER, policy);
      if (e.anyPoint && s.transfer) s.transfer.from = s.statusBeforeTransfer;
      if (e.limits) armDeadline(s, 'transferApproval', at, at, policy);
    },
    TRANSFER_APPROVED: (s, e, { at, policy }) => {
      if (s.transfer) s.transfer.approval = { approved: true, reason: e.reason, at };
      s.status = 'TRANSFER_APPROVED';
      meetDeadline(s, 'transferApproval', at);
      if (e.limits) armDeadline(s, 'transferDispatch', at, at, policy);
      // While an approved transfer is pending no decision may be made (R310 11), so the decision limit stops.
      if (s.transfer?.clockStopsAtApproval) openPause(s, at, PAUSE.TRANSFER, policy);
    },
    TRANSFER_REFUSED: (s, e, meta) => {
      meetDeadline(s, 'transferApproval', meta.at);
      if (s.transfer) {
        s.transfer.approval = { approved: false, reason: e.reason, at: meta.at };
        s.transfer.outcome = 'REFUSED_BY_HEAD';
      }
      // A reasoned refusal clears the suspicion flag.
      s.suspectedCrime = false;
      returnFromTransfer(s, meta);
    },
    TRANSFER_DISPATCHED: (s, e, { at, policy }) => {
      if (s.transfer) s.transfer.dispatch = { sentAt: e.sentAt, policeAgency: e.policeAgency, procuratorate: e.procuratorate, documents: [...e.documents] };
      s.status = 'TRANSFERRED';
      s.suspectedCrime = false; // the transfer is made
      meetDeadline(s, 'transferDispatch', e.sentAt);
      // R310 8 counts from receipt; until the police sign it, the clock runs from dispatch, so an unacknowledged transfer escalates.
      if (e.limits) armDeadline(s, 'policeFilingDecision', e.sentAt, at, policy);
    },
    POLICE_DECISION_RECORDED: (s, e, meta) => {
      if (e.decision === 'RECEIPT') {
        if (s.transfer) s.transfer.receivedAt = e.at;
        if (e.limits) {
          s.status = 'TRANSFER_RECEIVED';
          armDeadline(s, 'policeFilingDecision', e.at, meta.at, meta.policy);
        }
        if (e.intake) armIntakeReview(s, e.at, meta);
        return;
      }
      // Deciding within the 24 hours is the intake review too (R310 7).
      meetDeadline(s, 'policeIntakeReview', e.at);
      if (s.transfer) s.transfer.policeDecision = { accepted: e.decision === 'ACCEPT', at: e.at, ...(e.reason !== undefined ? { reason: e.reason } : {}) };
      meetDeadline(s, 'policeFilingDecision', e.at);
      if (e.decision === 'ACCEPT') acceptedWithHandover(s, e, meta, e.at);
      else {
        s.status = 'TRANSFER_DECLINED';
        if (e.limits) {
          armDeadline(s, 'transferReconsiderationRequest', e.at, meta.at, meta.policy);
          armDeadline(s, 'transferSupervisionRequest', e.at, meta.at, meta.policy);
        }
      }
    },
    TRANSFER_RECONSIDERATION_REQUESTED: (s, e, { at, policy }) => {
      if (s.transfer) s.transfer.reconsideration = { requestedAt: at, reason: e.reason };
      s.status = 'TRANSFER_RECONSIDERATION_REQUESTED';
      meetDeadline(s, 'transferReconsiderationRequest', at);
      // Supervision is asked after the police's answer, within 3 days of it.
      cancelDeadline(s, 'transferSupervisionRequest', at);
      if (e.limits) armDeadline(s, 'transferReconsiderationAnswer', at, at, policy);
    },
    TRANSFER_RECONSIDERATION_ANSWERED: (s, e, meta) => {
      if (s.transfer?.reconsideration) s.transfer.reconsideration.answer = { accepted: e.accept, reason: e.reason, at: meta.at };
      const limited = s.deadlines.transferReconsiderationAnswer !== undefined;
      meetDeadline(s, 'transferReconsiderationAnswer', meta.at);
      if (e.accept) acceptedWithHandover(s, e, meta, meta.at);
      else {
        s.status = 'TRANSFER_DECLINED';
        if (limited) armDeadline(s, 'transferSupervisionRequest', meta.at, meta.at, meta.policy);
      }
    },
    TRANSFER_SUPERVISION_REQUESTED: (s, e, meta) => {
      const { at } = meta;
      if (s.transfer) s.transfer.supervision = { requestedAt: at, reason: e.reason };
      s.status = 'TRANSFER_SUPERVISION_REQUESTED';
      meetDeadline(s, 'transferSupervisionRequest', at);
      cancelDeadline(s, 'transferReconsiderationRequest', at);
      if (e.bodyLimits) armExplanationRequest(s, meta);
    },
    TRANSFER_SUPERVISION_RESOLVED: (s, e, meta) => {
      if (s.transfer?.supervision) s.transfer.supervision.resolution = { outcome: e.outcome, reason: e.reason, at: meta.at };
      endSupervisionSteps(s, meta.at);
      if (e.outcome === 'POLICE_TO_FILE') acceptedWithHandover(s, e, meta, meta.at);
      else s.status = 'TRANSFER_DECLINED';
    },
    ADMINISTRATIVE_CASE_RESUMED: (s, _e, meta) => {
      // R310 10: after a final refusal the agency completes the case where it left it.
      if (s.transfer) s.transfer.outcome = 'RETURNED';
      returnFromTransfer(s, meta);
    },
  },
  CODES,
);
