// 执行: payments against the amount due. The party's challenges live in
// challenges.ts.

import { meetDeadline } from '../deadlines';
import { failWith, type RejectionStatus } from '../rejection';
import { rmbUpper, zhYuan } from '../messages';
import { fen, formatYuan, Validator } from '../rules/validation';
import { all, byRules, inStatus, invalid, stage, type Check } from './kit';
import { completed, outstanding } from './shared';

/** The refusals only this stage gives. */
const CODES = {
  'PAYMENT.NOTHING_DUE': 409,
  'PAYMENT.EXCEEDS_AMOUNT_DUE': 422,
  'PAYMENT.DECISION_REVOKED': 409,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

// A revoked or invalid decision is executed no more (nothing is due under it).
const notRevoked: Check = (s) =>
  s.decision?.revoked
    ? fail('PAYMENT.DECISION_REVOKED', {
        en: 'The decision was revoked or found invalid on a challenge: nothing is collected under it',
        zh: '处罚决定已被撤销或确认无效，不得依该决定收缴罚没款',
      })
    : null;

export type ExecutionCommand = { type: 'RECORD_PAYMENT'; amount: number; paidAt: string; receipt: string };

export type ExecutionEvent =
  | {
      type: 'PAYMENT_RECORDED';
      amount: number;
      paidAt: string;
      receipt: string;
      totalPaid: number;
      amountDue: number;
      paidInFull: boolean;
    };

export const execution = stage<ExecutionCommand, ExecutionEvent>()(
  'execution',
  {
    RECORD_PAYMENT: {
      action: 'payments',
      roles: ['OFFICER'],
      from: all(
        inStatus(['SERVED']),
        byRules(notRevoked, null, 'challenge-effects'),
        (s) => (outstanding(s) > 0 ? null : fail('PAYMENT.NOTHING_DUE', { en: 'Nothing is outstanding on this decision', zh: '本处罚决定没有未缴款项' })),
      ),
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
  },
  CODES,
);
