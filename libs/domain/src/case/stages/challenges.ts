// 复议 and 诉讼: the party's challenges of the decision (APL 59 (五)), as
// filed and decided. Since the 'challenge-effects' rule change an outcome
// takes effect on the decision (challenge-effects.ts), a challenge filed
// after its window is recorded with a note (the body may accept it for good
// reason, ARL 20 ¶2, ALL 48: not the agency's call), and an archived case
// records challenges as supplements (补充归档, docs/architecture.md).

import type { Penalty } from '../case-state';
import { failWith, type RejectionStatus } from '../rejection';
import { inForce } from '../rule-changes';
import { validatePenalty } from '../rules/penalty';
import { ms, Validator } from '../rules/validation';
import {
  CHALLENGE_KINDS,
  CHALLENGE_RESULTS,
  CHALLENGE_STAGES,
  SEALED_STATUS,
  type ChallengeKind,
  type ChallengeResult,
  type ChallengeStage,
} from '../vocabulary';
import { applyChallengeEffect, challengeEffect, challengeWindow, EFFECT_CODES, VOIDING_RESULTS, type ChallengeEffect } from './challenge-effects';
import { byRules, clone, inStatus, invalid, stage } from './kit';
import { armWithdrawal, withdrawalOwed } from './disclosure';
import type { Message } from '../messages';

/** The refusals only this stage gives. */
const CODES = {
  'CHALLENGE.NOT_FOUND': 422,
  'CHALLENGE.DUPLICATE_ID': 422,
  ...EFFECT_CODES,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type ChallengeCommand = {
  type: 'RECORD_CHALLENGE';
  challengeId: string;
  kind: ChallengeKind;
  stage: ChallengeStage;
  at: string;
  body: string;
  result?: ChallengeResult;
  /** VARIED: the penalty as the body varied it. */
  penalty?: Penalty;
};

export type ChallengeEvent = {
  type: 'CHALLENGE_RECORDED';
  challengeId: string;
  kind: ChallengeKind;
  stage: ChallengeStage;
  at: string;
  body: string;
  result?: ChallengeResult;
  penalty?: Penalty;
  /** What the outcome does to the decision (absent from events recorded before the rule change, and for outcomes that leave it). */
  effect?: ChallengeEffect;
  /** Filed after its window closed. */
  late?: { windowEnd: string };
  /** Recorded after the case was archived. */
  supplement?: true;
  /** The outcome took down the published decision: its withdrawal is owed (since the 'disclosure' rule change, APL 48). */
  disclosureWithdrawal?: { reason: Message };
};

const CHALLENGEABLE = ['SERVED', 'EXECUTED', 'CLOSED'] as const;

export const challenges = stage<ChallengeCommand, ChallengeEvent>()(
  'challenges',
  {
    RECORD_CHALLENGE: {
      action: 'challenges',
      roles: ['OFFICER'],
      from: byRules(inStatus([...CHALLENGEABLE, SEALED_STATUS]), inStatus(CHALLENGEABLE), 'challenge-effects'),
      handle: (s, cmd, ctx) => {
        const effects = inForce(ctx, 'challenge-effects');
        const v = new Validator(ctx.now);
        v.text('challengeId', cmd.challengeId).oneOf('kind', cmd.kind, CHALLENGE_KINDS);
        v.oneOf('stage', cmd.stage, CHALLENGE_STAGES).instant('at', cmd.at, { notFuture: true }).text('body', cmd.body);
        v.oneOf('result', cmd.result, CHALLENGE_RESULTS, { optional: cmd.stage !== 'DECIDED' });
        const varied = effects && cmd.stage === 'DECIDED' && cmd.result === 'VARIED';
        if (varied) validatePenalty(v, 'penalty', cmd.penalty, { termsRequired: true });
        else if (effects && cmd.penalty !== undefined) v.add('penalty', { en: 'is given only when the result is VARIED', zh: '仅在结果为变更（VARIED）时填写' });
        if (!v.ok) return invalid(v);
        const existing = s.challenges.find((c) => c.challengeId === cmd.challengeId);
        if (cmd.stage === 'FILED' && existing) {
          return fail('CHALLENGE.DUPLICATE_ID', { en: `Challenge ${cmd.challengeId} is already recorded`, zh: `复议或诉讼${cmd.challengeId}已经记录` });
        }
        if (cmd.stage === 'DECIDED' && (!existing || existing.result !== undefined)) {
          return fail('CHALLENGE.NOT_FOUND', { en: `No pending challenge ${cmd.challengeId} to decide`, zh: `没有待决的复议或诉讼${cmd.challengeId}` });
        }
        const e: ChallengeEvent = { type: 'CHALLENGE_RECORDED', challengeId: cmd.challengeId, kind: cmd.kind, stage: cmd.stage, at: cmd.at, body: cmd.body };
        if (cmd.result !== undefined) e.result = cmd.result;
        if (!effects) return e;
        if (varied) e.penalty = clone(cmd.penalty!);
        if (cmd.stage === 'DECIDED') {
          const effect = challengeEffect(s, cmd.result, cmd.penalty);
          if (effect && 'code' in effect) return effect;
          if (effect) e.effect = effect;
        } else {
          const windowEnd = challengeWindow(s, cmd.kind);
          if (windowEnd && ms(cmd.at) > ms(windowEnd)) e.late = { windowEnd };
        }
        if (s.status === SEALED_STATUS) e.supplement = true;
        const withdrawal = cmd.stage === 'DECIDED' && inForce(ctx, 'disclosure') ? withdrawalOwed(s, cmd, ctx.policy.timeZone) : undefined;
        if (withdrawal) e.disclosureWithdrawal = withdrawal;
        return e;
      },
    },
  },
  {
    CHALLENGE_RECORDED: (s, e, meta) => {
      const existing = s.challenges.find((c) => c.challengeId === e.challengeId);
      if (e.stage === 'FILED' || !existing) {
        s.challenges.push({
          challengeId: e.challengeId,
          kind: e.kind,
          filedAt: e.at,
          body: e.body,
          ...(e.late ? { late: clone(e.late) } : {}),
          ...(e.supplement ? { supplement: true as const } : {}),
        });
      } else {
        existing.decidedAt = e.at;
        if (e.result !== undefined) existing.result = e.result;
        if (e.penalty) existing.penalty = clone(e.penalty);
        if (e.supplement) existing.supplement = true;
      }
      if (e.result !== undefined && VOIDING_RESULTS.includes(e.result) && s.decision) s.decision.revoked = true;
      if (e.effect) applyChallengeEffect(s, { challengeId: e.challengeId, at: e.at, effect: e.effect, ...(e.penalty ? { penalty: e.penalty } : {}) }, meta);
      armWithdrawal(s, e.disclosureWithdrawal, meta);
    },
  },
  CODES,
);
