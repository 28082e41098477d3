// 听证: requested within the defence window when the proposed penalty qualifies,
// hosted by someone who did not investigate, noticed in time (APL 63–65).
// Hearing time is excluded from the decision limit.

import type { ActorSnapshot } from '../actor.types';
import type { PersonRef, ServiceDetails, ServiceRecord } from '../case-records';
import { computeDeadline, localDate } from '../../calendar';
import { meetDeadline } from '../deadlines';
import { failWith, type RejectionStatus } from '../rejection';
import { zhDate, zhDue } from '../messages';
import { hasRole, isInvestigator, personRef } from '../rules/people';
import { ms, Validator } from '../rules/validation';
import { checkService, serviceRecord, validateService } from '../rules/service';
import { HEARING_END_REASONS, isRunning, type HearingEndReason } from '../vocabulary';
import { all, clone, inStatus, invalid, stage } from './kit';
import { closePause, openPause, PAUSE } from './shared';
import { inForce } from '../rule-changes';

/** The refusals only this stage gives. */
const CODES = {
  'HEARING.NO_WINDOW': 409,
  'HEARING.WAIVED': 409,
  'HEARING.NOT_ELIGIBLE': 409,
  'HEARING.REQUEST_LATE': 422,
  'HEARING.NOTICE_TOO_SHORT': 422,
  'HEARING.HOST_CONFLICT': 422,
  'HEARING.NOT_YET_DUE': 422,
  'HEARING.BEFORE_SCHEDULED': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type HearingCommand =
  | { type: 'REQUEST_HEARING'; requestedAt: string; note?: string }
  /** The party waives its hearing right, in writing, while the window runs (APL 64). */
  | { type: 'WAIVE_HEARING'; waivedAt: string; note?: string }
  | {
      type: 'SCHEDULE_HEARING';
      hearingAt: string;
      host: ActorSnapshot;
      location: string;
      isPublic: boolean;
      reasonNotPublic?: string;
      /** How the hearing notice (听证通知书) was served: the notice period counts from it (APL 64). */
      noticeService?: ServiceDetails;
    }
  | { type: 'RECORD_HEARING'; heldAt: string; record: string; report: string }
  /** The hearing ends without being held: withdrawn, or the party absent or gone (APL 64 (8)). */
  | { type: 'END_HEARING'; reason: HearingEndReason; at: string; note: string };

export type HearingEvent =
  | { type: 'HEARING_REQUESTED'; requestedAt: string; note?: string }
  | { type: 'HEARING_WAIVED'; waivedAt: string; note?: string }
  | {
      type: 'HEARING_SCHEDULED';
      hearingAt: string;
      host: PersonRef;
      location: string;
      isPublic: boolean;
      reasonNotPublic?: string;
      noticeService?: ServiceRecord;
      /** Earliest local date allowed by the notice period (APL 64). */
      earliestHearingDate: string;
    }
  | { type: 'HEARING_HELD'; heldAt: string; record: string; report: string }
  | { type: 'HEARING_ENDED'; reason: HearingEndReason; at: string; note: string };

export const hearing = stage<HearingCommand, HearingEvent>()(
  'hearing',
  {
    REQUEST_HEARING: {
      action: 'hearing-request',
      roles: ['OFFICER'],
      from: all(inStatus(['NOTICE_SERVED', 'DEFENCE_RECORDED']), (s) =>
        s.report?.assessment.hearingOffered ? null : fail('HEARING.NOT_ELIGIBLE', {
              en: 'The proposed penalty does not qualify for a hearing (APL 63; policy thresholds)',
              zh: '拟作出的处罚不属于听证范围（《行政处罚法》第63条；执法政策规定的标准）',
            }),
        (s) =>
          s.hearingWaiver
            ? fail('HEARING.WAIVED', {
                en: `The party waived its hearing on ${s.hearingWaiver.at} (APL 64)`,
                zh: `当事人已于${zhDate(s.hearingWaiver.at)}放弃听证（《行政处罚法》第64条）`,
              })
            : null,
      ),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.instant('requestedAt', cmd.requestedAt, { notFuture: true }).text('note', cmd.note, { optional: true });
        if (v.ok && s.notice && ms(cmd.requestedAt) < ms(s.notice.service.servedAt)) v.add('requestedAt', { en: 'must not precede the notice', zh: '不得早于告知书送达时间' });
        if (!v.ok) return invalid(v);
        const d = s.deadlines.hearingRequest ?? s.deadlines.defence;
        if (d && ms(cmd.requestedAt) > ms(d.dueAt)) {
          return fail('HEARING.REQUEST_LATE', {
            en: `A hearing must be requested within 5 days of the notice, which ended ${d.dueAt} (APL 64)`,
            zh: `当事人须在被告知后5日内要求听证，该期限已于${zhDue(d)}届满（《行政处罚法》第64条）`,
          });
        }
        const e: HearingEvent = { type: 'HEARING_REQUESTED', requestedAt: cmd.requestedAt };
        if (cmd.note !== undefined) e.note = cmd.note;
        return e;
      },
    },
    WAIVE_HEARING: {
      action: 'hearing-waiver',
      roles: ['OFFICER'],
      // Only while the window runs: before it, there is no right to waive; after it, nothing left to waive.
      from: all(inStatus(['NOTICE_SERVED', 'DEFENCE_RECORDED']), (s) =>
        isRunning(s.deadlines.hearingRequest) ? null : fail('HEARING.NO_WINDOW', { en: 'No hearing-request window is running on this case (APL 64)', zh: '本案没有正在计算的听证申请期限（《行政处罚法》第64条）' }),
      ),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.instant('waivedAt', cmd.waivedAt, { notFuture: true }).text('note', cmd.note, { optional: true });
        if (v.ok && s.notice && ms(cmd.waivedAt) < ms(s.notice.service.servedAt)) v.add('waivedAt', { en: 'must not precede the notice', zh: '不得早于告知书送达时间' });
        if (!v.ok) return invalid(v);
        const e: HearingEvent = { type: 'HEARING_WAIVED', waivedAt: cmd.waivedAt };
        if (cmd.note !== undefined) e.note = cmd.note;
        return e;
      },
    },
    SCHEDULE_HEARING: {
      action: 'hearing',
      roles: ['OFFICER'],
      from: inStatus(['HEARING_REQUESTED']),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        // The date is bound by the notice period from the hearing notice's service (below); the scheduling may be
        // recorded after the fact. Before that rule the hearing had to lie in the future.
        v.instant('hearingAt', cmd.hearingAt, inForce(ctx, 'notice-approval') ? {} : { after: ctx.now });
        v.actor('host', cmd.host).text('location', cmd.location);
        v.bool('isPublic', cmd.isPublic).text('reasonNotPublic', cmd.reasonNotPublic, { optional: cmd.isPublic !== false });
        // The period runs from the party's receipt of the hearing notice, not from when it was recorded.
        const served = inForce(ctx, 'notice-approval');
        if (served || cmd.noticeService !== undefined) validateService(v, 'noticeService', cmd.noticeService);
        if (v.ok && served && s.hearing && ms(cmd.noticeService!.servedAt) < ms(s.hearing.requestedAt)) {
          v.add('noticeService.servedAt', { en: 'must not precede the hearing request', zh: '不得早于听证申请时间' });
        }
        if (!v.ok) return invalid(v);
        const sf = cmd.noticeService ? checkService(cmd.noticeService) : null;
        if (sf) return sf;
        if (isInvestigator(s, cmd.host.userId)) {
          return fail('HEARING.HOST_CONFLICT', {
            en: `${cmd.host.name} investigated this case and cannot host its hearing (APL 64)`,
            zh: `${cmd.host.name}参与了本案调查，不得主持本案听证（《行政处罚法》第64条）`,
          });
        }
        if (hasRole(cmd.host, 'AUXILIARY')) {
          return fail('HEARING.HOST_CONFLICT', { en: `${cmd.host.name} is auxiliary staff and cannot host a hearing`, zh: `${cmd.host.name}是辅助人员，不得主持听证` });
        }
        if (inForce(ctx, 'lawful-decisions') && s.recusals.some((r) => r.userId === cmd.host.userId)) {
          return fail('HEARING.HOST_CONFLICT', {
            en: `${cmd.host.name} was recused from this case and cannot host its hearing (APL 43)`,
            zh: `${cmd.host.name}已被决定回避本案，不得主持本案听证（《行政处罚法》第43条）`,
          });
        }
        // Notice at least N working days before the hearing (APL 64): the hearing day may be the Nth.
        const period = ctx.policy.deadlines.hearingNotice;
        const noticeService = served ? serviceRecord(cmd.noticeService!, ctx.person) : undefined;
        const start = noticeService?.deemedServedAt ?? ctx.now;
        const min = computeDeadline({
          rule: 'hearingNotice',
          period,
          start,
          calendars: ctx.policy.calendars,
          timeZone: ctx.policy.timeZone,
          fixedDaysOff: !ctx.policy.weekendsOnlyWithoutCalendar,
        });
        if (localDate(cmd.hearingAt, ctx.policy.timeZone) < min.basis.dueDate) {
          const from = noticeService ? `the hearing notice was served (${localDate(start, ctx.policy.timeZone)})` : 'notice';
          const fromZh = noticeService ? `听证通知送达（${zhDate(start, ctx.policy.timeZone)}）` : '通知';
          return fail('HEARING.NOTICE_TOO_SHORT', {
            en: `The hearing must be at least ${period.days} ${period.kind.toLowerCase()} days after ${from}: not before ${min.basis.dueDate} (${period.source})`,
            zh: `听证须在${fromZh}后至少${period.days}个${period.kind === 'WORKING' ? '工作日' : '自然日'}举行：不得早于${zhDate(min.basis.dueDate)}（${period.source}）`,
          });
        }
        const e: HearingEvent = {
          type: 'HEARING_SCHEDULED',
          hearingAt: cmd.hearingAt,
          host: personRef(cmd.host),
          location: cmd.location,
          isPublic: cmd.isPublic,
          earliestHearingDate: min.basis.dueDate,
        };
        if (cmd.reasonNotPublic !== undefined) e.reasonNotPublic = cmd.reasonNotPublic;
        if (noticeService) e.noticeService = noticeService;
        return e;
      },
    },
    RECORD_HEARING: {
      action: 'hearing',
      roles: ['OFFICER'],
      hostMay: true,
      from: inStatus(['HEARING_SCHEDULED']),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.instant('heldAt', cmd.heldAt, { notFuture: true }).text('record', cmd.record).text('report', cmd.report);
        if (v.ok && s.hearing && ms(cmd.heldAt) < ms(s.hearing.requestedAt)) v.add('heldAt', { en: 'must not precede the hearing request', zh: '不得早于听证申请时间' });
        if (!v.ok) return invalid(v);
        const day = s.hearing?.hearingAt ? localDate(s.hearing.hearingAt, ctx.policy.timeZone) : undefined;
        if (inForce(ctx, 'notice-approval') && day && localDate(cmd.heldAt, ctx.policy.timeZone) < day) {
          return fail('HEARING.BEFORE_SCHEDULED', {
            en: `The hearing was noticed for ${day}: it is not held before the day the party was summoned to (APL 64); a new date needs a new hearing notice`,
            zh: `听证通知的日期为${zhDate(day)}：不得早于通知当事人的日期举行听证（《行政处罚法》第64条）；改期须重新发出听证通知`,
          });
        }
        return { type: 'HEARING_HELD', heldAt: cmd.heldAt, record: cmd.record, report: cmd.report };
      },
    },
    END_HEARING: {
      action: 'hearing-end',
      roles: ['OFFICER'],
      hostMay: true,
      from: inStatus(['HEARING_REQUESTED', 'HEARING_SCHEDULED']),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.oneOf('reason', cmd.reason, HEARING_END_REASONS).instant('at', cmd.at, { notFuture: true }).text('note', cmd.note);
        if (v.ok && s.hearing && ms(cmd.at) < ms(s.hearing.requestedAt)) v.add('at', { en: 'must not precede the hearing request', zh: '不得早于听证申请时间' });
        if (!v.ok) return invalid(v);
        // Absent or gone: only on or after the hearing's appointed time; before it the party can only withdraw.
        if (cmd.reason !== 'WITHDRAWN' && !(s.hearing?.hearingAt && ms(cmd.at) >= ms(s.hearing.hearingAt))) {
          const at = s.hearing?.hearingAt;
          return fail('HEARING.NOT_YET_DUE', {
            en: `The party can be absent from or leave a hearing only once it has begun${at ? ` (${at})` : ': none is scheduled'}; before it, only a withdrawal ends it (APL 64)`,
            zh: `听证开始后才能认定当事人缺席或中途退场${at ? `（听证定于${zhDate(at, ctx.policy.timeZone)}）` : '：尚未安排听证'}；听证开始前，只能以撤回申请终止听证（《行政处罚法》第64条）`,
          });
        }
        return { type: 'HEARING_ENDED', reason: cmd.reason, at: cmd.at, note: cmd.note };
      },
    },
  },
  {
    HEARING_REQUESTED: (s, e, { at, policy }) => {
      s.hearing = { requestedAt: e.requestedAt };
      s.status = 'HEARING_REQUESTED';
      meetDeadline(s, 'defence', at);
      meetDeadline(s, 'hearingRequest', at);
      // APL 60 / MSA 63: hearing time is excluded from the decision limit.
      openPause(s, e.requestedAt, PAUSE.HEARING, policy);
    },
    HEARING_WAIVED: (s, e, { at }) => {
      s.hearingWaiver = { at: e.waivedAt };
      meetDeadline(s, 'hearingRequest', at);
    },
    HEARING_SCHEDULED: (s, e, { at }) => {
      s.hearing = {
        ...(s.hearing ?? { requestedAt: at }),
        hearingAt: e.hearingAt,
        host: e.host,
        location: e.location,
        isPublic: e.isPublic,
        ...(e.reasonNotPublic !== undefined ? { reasonNotPublic: e.reasonNotPublic } : {}),
        ...(e.noticeService ? { noticeService: clone(e.noticeService) } : {}),
      };
      s.status = 'HEARING_SCHEDULED';
    },
    HEARING_HELD: (s, e, { at, policy }) => {
      s.hearing = { ...(s.hearing ?? { requestedAt: at }), heldAt: e.heldAt, record: e.record, report: e.report };
      s.status = 'HEARING_HELD';
      closePause(s, PAUSE.HEARING, e.heldAt, policy);
    },
    HEARING_ENDED: (s, e, { at, policy }) => {
      s.hearing = { ...(s.hearing ?? { requestedAt: at }), endedAt: e.at, endReason: e.reason };
      // A waiver of the hearing (APL 64 (8)): no new request, and the case goes on from where the request found it.
      s.hearingWaiver = { at: e.at };
      s.status = s.defence ? 'DEFENCE_RECORDED' : 'NOTICE_SERVED';
      closePause(s, PAUSE.HEARING, e.at, policy);
    },
  },
  CODES,
);
