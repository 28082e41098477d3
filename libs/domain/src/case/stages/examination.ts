// 检测、检验、检疫、鉴定: a specialised question of the case entrusted to an
// institution. Its time, from entrusting to the institution's report, is not
// counted in the 90-day decision limit (APL 60, MSA 63): the case officers
// record when it starts and when it ends, and the limit pauses in between.

import { localDate } from '../../calendar';
import type { CaseState } from '../case-state';
import { zhDate } from '../messages';
import { failWith, type RejectionStatus } from '../rejection';
import { ms, Validator } from '../rules/validation';
import { EXAMINATION_KINDS, type ExaminationKind, INVESTIGATING } from '../vocabulary';
import { ZH_EXAMINATION } from '../zh-vocabulary';
import { all, inStatus, invalid, stage, type Check } from './kit';
import { closePause, openPause, PAUSE } from './shared';

/** The refusals only this stage gives. */
const CODES = {
  'EXAMINATION.NONE_OPEN': 409,
  'EXAMINATION.NOT_OPEN': 422,
  'EXAMINATION.BEFORE_FILING': 422,
  'EXAMINATION.ENDS_BEFORE_START': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type ExaminationCommand =
  | { type: 'START_EXAMINATION'; kind: ExaminationKind; subject: string; institution: string; startedAt: string }
  | { type: 'END_EXAMINATION'; examinationNo: number; endedAt: string; result: string; reportNumber?: string };

export type ExaminationEvent =
  | { type: 'EXAMINATION_STARTED'; no: number; kind: ExaminationKind; subject: string; institution: string; startedAt: string }
  | { type: 'EXAMINATION_ENDED'; no: number; endedAt: string; result: string; reportNumber?: string };

/** The pause reason of examination `no`: closed by its own end, not by another's. */
export function examinationPause(no: number): string {
  return `${PAUSE.EXAMINATION}:${no}`;
}

function examinations(s: CaseState) {
  return s.examinations ?? [];
}

// A result is recorded for an examination under way: none under way, nothing to end (see allowedActions).
const someOpen: Check = (s) =>
  examinations(s).some((e) => e.endedAt === undefined)
    ? null
    : fail('EXAMINATION.NONE_OPEN', { en: 'No testing or appraisal is under way: start one first', zh: '没有正在进行的检测、鉴定：请先登记委托' });

export const examination = stage<ExaminationCommand, ExaminationEvent>()(
  'examination',
  {
    START_EXAMINATION: {
      action: 'examination',
      roles: ['OFFICER'],
      from: inStatus(INVESTIGATING),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.oneOf('kind', cmd.kind, EXAMINATION_KINDS).text('subject', cmd.subject).text('institution', cmd.institution);
        v.instant('startedAt', cmd.startedAt, { notFuture: true });
        if (!v.ok) return invalid(v);
        // The limit runs from the day of filing: days before it were never counted, so they cannot be paused.
        if (s.filedAt && localDate(cmd.startedAt, ctx.policy.timeZone) < localDate(s.filedAt, ctx.policy.timeZone)) {
          return fail(
            'EXAMINATION.BEFORE_FILING',
            {
              en: `The examination cannot start before the day the case was filed (${s.filedAt}): the decision limit runs from filing (APL 60)`,
              zh: `检测、鉴定的开始时间不得早于立案时间（${zhDate(s.filedAt, ctx.policy.timeZone)}）：作出决定的期限自立案之日起计算（《行政处罚法》第60条）`,
            },
            [{ field: 'startedAt', message: { en: `must not be before the day of filing, ${localDate(s.filedAt, ctx.policy.timeZone)}`, zh: `不得早于立案之日（${zhDate(s.filedAt, ctx.policy.timeZone)}）` } }],
          );
        }
        return {
          type: 'EXAMINATION_STARTED',
          no: examinations(s).length + 1,
          kind: cmd.kind,
          subject: cmd.subject,
          institution: cmd.institution,
          startedAt: cmd.startedAt,
        };
      },
    },
    END_EXAMINATION: {
      action: 'examination/result',
      roles: ['OFFICER'],
      from: all(inStatus(INVESTIGATING), someOpen),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.integer('examinationNo', cmd.examinationNo, { min: 1 }).text('result', cmd.result).text('reportNumber', cmd.reportNumber, { optional: true });
        v.instant('endedAt', cmd.endedAt, { notFuture: true });
        if (!v.ok) return invalid(v);
        const x = examinations(s).find((e) => e.no === cmd.examinationNo);
        if (!x || x.endedAt !== undefined) {
          const open = examinations(s).filter((e) => e.endedAt === undefined).map((e) => e.no);
          return fail(
            'EXAMINATION.NOT_OPEN',
            {
              en: `Examination ${cmd.examinationNo} is ${x ? 'already ended' : 'not recorded'}; open: ${open.length ? open.join(', ') : 'none'}`,
              zh: `第${cmd.examinationNo}项检测鉴定${x ? '已经结束' : '没有记录'}；尚未结束的：${open.length ? open.map((n) => `第${n}项`).join('、') : '无'}`,
            },
            [{ field: 'examinationNo', message: { en: 'is not an open examination', zh: '不是尚未结束的检测鉴定' } }],
          );
        }
        if (ms(cmd.endedAt) < ms(x.startedAt)) {
          return fail(
            'EXAMINATION.ENDS_BEFORE_START',
            {
              en: `The ${x.kind.toLowerCase()} ends before it started (${x.startedAt})`,
              zh: `${ZH_EXAMINATION[x.kind]}的结束时间早于开始时间（${zhDate(x.startedAt, ctx.policy.timeZone)}）`,
            },
            [{ field: 'endedAt', message: { en: `must not be before ${x.startedAt}`, zh: `不得早于${zhDate(x.startedAt, ctx.policy.timeZone)}` } }],
          );
        }
        return {
          type: 'EXAMINATION_ENDED',
          no: x.no,
          endedAt: cmd.endedAt,
          result: cmd.result,
          ...(cmd.reportNumber !== undefined ? { reportNumber: cmd.reportNumber } : {}),
        };
      },
    },
  },
  {
    EXAMINATION_STARTED: (s, e, { policy }) => {
      s.examinations = [
        ...examinations(s),
        { no: e.no, kind: e.kind, subject: e.subject, institution: e.institution, startedAt: e.startedAt },
      ];
      openPause(s, e.startedAt, examinationPause(e.no), policy);
    },
    EXAMINATION_ENDED: (s, e, { policy }) => {
      const x = examinations(s).find((r) => r.no === e.no);
      if (x) {
        x.endedAt = e.endedAt;
        x.result = e.result;
        if (e.reportNumber !== undefined) x.reportNumber = e.reportNumber;
      }
      closePause(s, examinationPause(e.no), e.endedAt, policy);
    },
  },
  CODES,
);
