// 执行 and challenges: payments against the amount due, and the party's
// reconsideration (复议) or litigation (诉讼) as filed and decided.

import { meetDeadline } from '../deadlines';
import { failWith, type RejectionStatus } from '../rejection';
import { rmbUpper, zhYuan } from '../messages';
import { fen, formatYuan, Validator } from '../rules/validation';
import { CHALLENGE_KINDS, CHALLENGE_RESULTS, CHALLENGE_STAGES, type ChallengeKind, type ChallengeResult, type ChallengeStage } from '../vocabulary';
import { all, inStatus, invalid, stage } from './kit';
import { completed, outstanding } from './shared';

/** The refusals only this stage gives. */
const CODES = {
  'PAYMENT.NOTHING_DUE': 409,
  'PAYMENT.EXCEEDS_AMOUNT_DUE': 422,
  'CHALLENGE.NOT_FOUND': 422,
  'CHALLENGE.DUPLICATE_ID': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type ExecutionCommand =
  | { type: 'RECORD_PAYMENT'; amount: number; paidAt: string; receipt: string }
  | {
      type: 'RECORD_CHALLENGE';
      challengeId: string;
      kind: ChallengeKind;
      stage: ChallengeStage;
      at: string;
      body: string;
      result?: ChallengeResult;
    };

export type ExecutionEvent =
  | {
      type: 'PAYMENT_RECORDED';
      amount: number;
      paidAt: string;
      receipt: string;
      totalPaid: number;
      amountDue: number;
      paidInFull: boolean;
    }
  | {
      type: 'CHALLENGE_RECORDED';
      challengeId: string;
      kind: ChallengeKind;
      stage: ChallengeStage;
      at: string;
      body: string;
      result?: ChallengeResult;
    };

export const execution = stage<ExecutionCommand, ExecutionEvent>()(
  'execution',
  {
    RECORD_PAYMENT: {
      action: 'payments',
      roles: ['OFFICER'],
      from: all(inStatus(['SERVED']), (s) => (outstanding(s) > 0 ? null : fail('PAYMENT.NOTHING_DUE', { en: 'Nothing is outstanding on this decision', zh: '本处罚决定没有未缴款项' }))),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.amount('amount', cmd.amount, { positive: true }).instant('paidAt', cmd.paidAt, { notFuture: true }).text('receipt', cmd.receipt);
        if (!v.ok) return invalid(v);
        const due = s.decision?.amountDue ?? 0;
        const total = (fen(s.amountPaid) + fen(cmd.amount)) / 100;
        if (fen(total) > fen(due)) {
          return fail('PAYMENT.EXCEEDS_AMOUNT_DUE', {
            en: `Payment of ${formatYuan(cmd.amount)} brings the total to ${formatYuan(total)}, above the ${formatYuan(due)} due`,
            zh: `本次缴款${zhYuan(cmd.amount)}后累计缴款${zhYuan(total)}，超过应缴金额${zhYuan(due)}（${rmbUpper(due)}）`,
          });
        }
        return {
          type: 'PAYMENT_RECORDED',
          amount: cmd.amount,
          paidAt: cmd.paidAt,
          receipt: cmd.receipt,
          totalPaid: total,
          amountDue: due,
          paidInFull: fen(total) === fen(due),
        };
      },
    },
    RECORD_CHALLENGE: {
      action: 'challenges',
      roles: ['OFFICER'],
      from: inStatus(['SERVED', 'EXECUTED', 'CLOSED']),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('challengeId', cmd.challengeId).oneOf('kind', cmd.kind, CHALLENGE_KINDS);
        v.oneOf('stage', cmd.stage, CHALLENGE_STAGES).instant('at', cmd.at, { notFuture: true }).text('body', cmd.body);
        v.oneOf('result', cmd.result, CHALLENGE_RESULTS, { optional: cmd.stage !== 'DECIDED' });
        if (!v.ok) return invalid(v);
        const existing = s.challenges.find((c) => c.challengeId === cmd.challengeId);
        if (cmd.stage === 'FILED' && existing) {
          return fail('CHALLENGE.DUPLICATE_ID', { en: `Challenge ${cmd.challengeId} is already recorded`, zh: `复议或诉讼${cmd.challengeId}已经记录` });
        }
        if (cmd.stage === 'DECIDED' && (!existing || existing.result !== undefined)) {
          return fail('CHALLENGE.NOT_FOUND', { en: `No pending challenge ${cmd.challengeId} to decide`, zh: `没有待决的复议或诉讼${cmd.challengeId}` });
        }
        const e: ExecutionEvent = { type: 'CHALLENGE_RECORDED', challengeId: cmd.challengeId, kind: cmd.kind, stage: cmd.stage, at: cmd.at, body: cmd.body };
        if (cmd.result !== undefined) e.result = cmd.result;
        return e;
      },
    },
  },
  {
    PAYMENT_RECORDED: (s, e, meta) => {
      s.payments.push({ amount: e.amount, paidAt: e.paidAt, receipt: e.receipt, recordedAt: meta.at });
      s.amountPaid = e.totalPaid;
      if (e.paidInFull) {
        s.status = 'EXECUTED';
        s.executedAt = e.paidAt;
        meetDeadline(s, 'payment', e.paidAt);
        completed(s, e.paidAt, meta);
      }
    },
    CHALLENGE_RECORDED: (s, e) => {
      const existing = s.challenges.find((c) => c.challengeId === e.challengeId);
      if (e.stage === 'FILED' || !existing) {
        s.challenges.push({ challengeId: e.challengeId, kind: e.kind, filedAt: e.at, body: e.body });
      } else {
        existing.decidedAt = e.at;
        if (e.result !== undefined) existing.result = e.result;
      }
      if ((e.result === 'REVOKED' || e.result === 'CONFIRMED_INVALID') && s.decision) s.decision.revoked = true;
    },
  },
  CODES,
);
