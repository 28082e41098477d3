// 复议 and 诉讼: the party's challenges of the decision (APL 59 (五)), as
// filed and decided.

import { failWith, type RejectionStatus } from '../rejection';
import { Validator } from '../rules/validation';
import { CHALLENGE_KINDS, CHALLENGE_RESULTS, CHALLENGE_STAGES, type ChallengeKind, type ChallengeResult, type ChallengeStage } from '../vocabulary';
import { inStatus, invalid, stage } from './kit';

/** The refusals only this stage gives. */
const CODES = {
  'CHALLENGE.NOT_FOUND': 422,
  'CHALLENGE.DUPLICATE_ID': 422,
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
};

export type ChallengeEvent = {
  type: 'CHALLENGE_RECORDED';
  challengeId: string;
  kind: ChallengeKind;
  stage: ChallengeStage;
  at: string;
  body: string;
  result?: ChallengeResult;
};

export const challenges = stage<ChallengeCommand, ChallengeEvent>()(
  'challenges',
  {
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
        const e: ChallengeEvent = { type: 'CHALLENGE_RECORDED', challengeId: cmd.challengeId, kind: cmd.kind, stage: cmd.stage, at: cmd.at, body: cmd.body };
        if (cmd.result !== undefined) e.result = cmd.result;
        return e;
      },
    },
  },
  {
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
