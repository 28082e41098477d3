// 查封扣押 (ACL 22–28): the head decides (ACL 18 (1), 24), two or more
// officers carry it out with an inventory; it lasts 30 days, once extended by
// at most 30 with the head's approval and reasons (ACL 25); testing or
// appraisal time is not counted (ACL 25 ¶3). It ends by 解除 and the items'
// return (ACL 28), by confiscation under the penalty decision, or by transfer
// with the case (ACL 21). A seizure whose period ends with the items still
// held lapses when the workflow escalates its deadline: only their return is
// lawful then.

import type { ActorSnapshot } from '../actor.types';
import type { CaseOfficer, PersonRef } from '../case-records';
import type { CoerciveMeasure, InventoryItem } from '../measure-records';
import { failWith, type RejectionStatus } from '../rejection';
import { zhDate } from '../messages';
import { ms, Validator } from '../rules/validation';
import { INVESTIGATING, SEIZURE_ENDINGS, SEIZURE_MODES, type SeizureEnding, type SeizureMode } from '../vocabulary';
import { inStatus, invalid, stage } from './kit';
import {
  confiscationDecided,
  copyItems,
  endMeasure,
  findMeasure,
  inForceOrLapsed,
  isMeasure,
  MEASURE_CODES,
  measureOfficers,
  measurePeriod,
  namedMeasure,
  refuseDuplicate,
  someMeasure,
  syncMeasureDeadline,
  validateItems,
} from './coercive-measures';

/** The refusals only this stage gives (it also returns the measure codes the preservation stage registers). */
const CODES = {
  'SEIZURE.ALREADY_EXTENDED': 422,
  'SEIZURE.EXTENSION_TOO_LONG': 422,
  'SEIZURE.EXPIRED': 422,
  'SEIZURE.TESTING_OUTSIDE_PERIOD': 422,
  'SEIZURE.TESTING_OVERLAP': 422,
  'SEIZURE.PRESERVATION_NOT_IN_FORCE': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith({ ...MEASURE_CODES, ...CODES });

/** ACL 25: an extension adds at most 30 days. */
export const SEIZURE_MAX_EXTENSION_DAYS = 30;

export type SeizureCommand =
  | {
      type: 'SEIZE';
      measureId: string;
      mode: SeizureMode;
      decisionNumber: string;
      grounds: string;
      legalBasis: string;
      seizedAt: string;
      officers: ActorSnapshot[];
      items: InventoryItem[];
      /** The preservation this seizure continues (APL 56; MSA 34 (3)). */
      fromPreservationId?: string;
    }
  | { type: 'EXTEND_SEIZURE'; measureId: string; days: number; reason: string }
  | { type: 'RECORD_SEIZURE_TESTING'; measureId: string; startedAt: string; endedAt: string; purpose: string }
  | { type: 'END_SEIZURE'; measureId: string; ending: SeizureEnding; basis: string; reason: string; transferredTo?: string };

export type SeizureEvent =
  | {
      type: 'SEIZED';
      measureId: string;
      mode: SeizureMode;
      decisionNumber: string;
      grounds: string;
      legalBasis: string;
      seizedAt: string;
      officers: CaseOfficer[];
      items: InventoryItem[];
      fromPreservationId?: string;
      decidedBy: PersonRef;
    }
  | { type: 'SEIZURE_EXTENDED'; measureId: string; days: number; reason: string; by: PersonRef }
  | { type: 'SEIZURE_TESTING_RECORDED'; measureId: string; startedAt: string; endedAt: string; purpose: string }
  | { type: 'SEIZURE_ENDED'; measureId: string; ending: SeizureEnding; basis: string; reason: string; transferredTo?: string; by: PersonRef };

function expired(m: CoerciveMeasure, now: string): boolean {
  return m.status === 'LAPSED' || (m.dueAt !== undefined && ms(now) > ms(m.dueAt));
}

export const seizure = stage<SeizureCommand, SeizureEvent>()(
  'seizure',
  {
    SEIZE: {
      action: 'seizures',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: inStatus(INVESTIGATING, { en: 'seizure serves the investigation, before the decision', zh: '查封扣押在立案后、作出处罚决定前实施' }, 'ORDINARY'),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('measureId', cmd.measureId, { max: 100 }).oneOf('mode', cmd.mode, SEIZURE_MODES).text('decisionNumber', cmd.decisionNumber, { max: 100 });
        v.text('grounds', cmd.grounds).text('legalBasis', cmd.legalBasis, { max: 500 }).instant('seizedAt', cmd.seizedAt, { notFuture: true });
        v.text('fromPreservationId', cmd.fromPreservationId, { optional: true });
        if (v.array('officers', cmd.officers, { min: 1 })) cmd.officers.forEach((o, i) => v.actor(`officers[${i}]`, o));
        validateItems(v, cmd.items);
        if (!v.ok) return invalid(v);
        const dup = refuseDuplicate(s, cmd.measureId);
        if (dup) return dup;
        if (cmd.fromPreservationId !== undefined) {
          const p = namedMeasure(s, 'PRESERVATION', cmd.fromPreservationId);
          if (!isMeasure(p)) return p;
          if (p.status !== 'OPEN' || ms(ctx.now) > ms(p.dueAt!)) {
            return fail('SEIZURE.PRESERVATION_NOT_IN_FORCE', {
              en: `Preservation ${p.measureId} is ${p.status === 'OPEN' ? 'past its 7 working days' : p.status}: a seizure continues only a preservation in force`,
              zh: `先行登记保存${p.measureId}已不在保存期内，查封扣押只能承接正在实施的先行登记保存`,
            });
          }
        }
        const officers = measureOfficers(s, cmd.officers, ctx.date);
        if (!Array.isArray(officers)) return officers;
        const e: SeizureEvent = {
          type: 'SEIZED',
          measureId: cmd.measureId,
          mode: cmd.mode,
          decisionNumber: cmd.decisionNumber,
          grounds: cmd.grounds,
          legalBasis: cmd.legalBasis,
          seizedAt: cmd.seizedAt,
          officers,
          items: copyItems(cmd.items),
          decidedBy: ctx.person,
        };
        if (cmd.fromPreservationId !== undefined) e.fromPreservationId = cmd.fromPreservationId;
        return e;
      },
    },
    EXTEND_SEIZURE: {
      action: 'seizures/extension',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: someMeasure('SEIZURE', ['OPEN'], { en: 'no seizure is in force', zh: '没有正在实施的查封扣押' }),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('measureId', cmd.measureId).integer('days', cmd.days, { min: 1 }).text('reason', cmd.reason);
        if (!v.ok) return invalid(v);
        const m = namedMeasure(s, 'SEIZURE', cmd.measureId);
        if (!isMeasure(m)) return m;
        const held = inForceOrLapsed(m);
        if (held) return held;
        if (m.extension) {
          return fail('SEIZURE.ALREADY_EXTENDED', {
            en: `Seizure ${m.measureId} was already extended by ${m.extension.days} days; ACL 25 allows one extension`,
            zh: `查封扣押${m.measureId}已延长${m.extension.days}日；《行政强制法》第25条只允许延长一次`,
          });
        }
        if (cmd.days > SEIZURE_MAX_EXTENSION_DAYS) {
          return fail('SEIZURE.EXTENSION_TOO_LONG', {
            en: `An extension adds at most ${SEIZURE_MAX_EXTENSION_DAYS} days (ACL 25); asked ${cmd.days}`,
            zh: `延长期限不得超过${SEIZURE_MAX_EXTENSION_DAYS}日（《行政强制法》第25条），申请延长${cmd.days}日`,
          });
        }
        if (expired(m, ctx.now)) {
          return fail('SEIZURE.EXPIRED', {
            en: `Seizure ${m.measureId} ended at ${m.dueAt}; an extension is approved before the period ends`,
            zh: `查封扣押${m.measureId}已于${zhDate(m.dueAt!, ctx.policy.timeZone)}期满，延长须在期限届满前批准`,
          });
        }
        return { type: 'SEIZURE_EXTENDED', measureId: m.measureId, days: cmd.days, reason: cmd.reason, by: ctx.person };
      },
    },
    RECORD_SEIZURE_TESTING: {
      action: 'seizures/testing',
      roles: ['OFFICER'],
      from: someMeasure('SEIZURE', ['OPEN'], { en: 'no seizure is in force', zh: '没有正在实施的查封扣押' }),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('measureId', cmd.measureId).text('purpose', cmd.purpose).instant('startedAt', cmd.startedAt, { notFuture: true });
        v.instant('endedAt', cmd.endedAt, { notFuture: true, ...(typeof cmd.startedAt === 'string' ? { after: cmd.startedAt } : {}) });
        if (!v.ok) return invalid(v);
        const m = namedMeasure(s, 'SEIZURE', cmd.measureId);
        if (!isMeasure(m)) return m;
        const held = inForceOrLapsed(m);
        if (held) return held;
        // Testing inside the running period; it moves the end, it cannot revive an ended one.
        if (ms(cmd.startedAt) < ms(m.startAt!) || ms(cmd.startedAt) > ms(m.dueAt!)) {
          return fail('SEIZURE.TESTING_OUTSIDE_PERIOD', {
            en: `Testing excluded from seizure ${m.measureId} must start within its period (${m.startAt} – ${m.dueAt})`,
            zh: `不计入查封扣押${m.measureId}期限的检测期间须在查封扣押期限内开始`,
          });
        }
        if (m.testing.some((t) => ms(cmd.startedAt) < ms(t.to) && ms(t.from) < ms(cmd.endedAt))) {
          return fail('SEIZURE.TESTING_OVERLAP', { en: `The interval overlaps testing already recorded on seizure ${m.measureId}`, zh: `该期间与查封扣押${m.measureId}已登记的检测期间重叠` });
        }
        return { type: 'SEIZURE_TESTING_RECORDED', measureId: m.measureId, startedAt: cmd.startedAt, endedAt: cmd.endedAt, purpose: cmd.purpose };
      },
    },
    END_SEIZURE: {
      action: 'seizures/end',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: someMeasure('SEIZURE', ['OPEN', 'LAPSED'], { en: 'no seizure holds items', zh: '没有正在实施的查封扣押' }),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('measureId', cmd.measureId).oneOf('ending', cmd.ending, SEIZURE_ENDINGS);
        v.text('basis', cmd.basis, { max: 500 }).text('reason', cmd.reason);
        v.text('transferredTo', cmd.transferredTo, { optional: cmd.ending !== 'HAND_OVER', max: 300 });
        if (!v.ok) return invalid(v);
        const m = namedMeasure(s, 'SEIZURE', cmd.measureId);
        if (!isMeasure(m)) return m;
        const held = inForceOrLapsed(m);
        if (held) return held;
        // ACL 28 (4): at the end of the period the seizure is lifted and the items returned.
        if (cmd.ending !== 'RELEASE' && expired(m, ctx.now)) {
          return fail('SEIZURE.EXPIRED', {
            en: `Seizure ${m.measureId} ended at ${m.dueAt}: the items are returned (ACL 28 (4))`,
            zh: `查封扣押${m.measureId}已于${zhDate(m.dueAt!, ctx.policy.timeZone)}期满，应当解除并退还财物（《行政强制法》第28条第一款第四项）`,
          });
        }
        if (cmd.ending === 'CONFISCATE') {
          const f = confiscationDecided(s);
          if (f) return f;
        }
        const e: SeizureEvent = { type: 'SEIZURE_ENDED', measureId: m.measureId, ending: cmd.ending, basis: cmd.basis, reason: cmd.reason, by: ctx.person };
        if (cmd.transferredTo !== undefined) e.transferredTo = cmd.transferredTo;
        return e;
      },
    },
  },
  {
    SEIZED: (s, e, meta) => {
      s.coerciveMeasures ??= [];
      const m: CoerciveMeasure = {
        measureId: e.measureId,
        kind: 'SEIZURE',
        mode: e.mode,
        status: 'OPEN',
        grounds: e.grounds,
        legalBasis: e.legalBasis,
        decisionNumber: e.decisionNumber,
        officers: e.officers.map((o) => ({ ...o })),
        items: copyItems(e.items),
        requestedAt: meta.at,
        requestedBy: { ...e.decidedBy },
        emergency: false,
        approval: { approved: true, reason: e.grounds, at: meta.at, by: { ...e.decidedBy } },
        startAt: e.seizedAt,
        testing: [],
        ...(e.fromPreservationId !== undefined ? { fromPreservationId: e.fromPreservationId } : {}),
      };
      measurePeriod(m, meta.policy);
      s.coerciveMeasures.push(m);
      const p = e.fromPreservationId !== undefined ? findMeasure(s, 'PRESERVATION', e.fromPreservationId) : undefined;
      if (p) {
        endMeasure(p, { outcome: 'SEIZE', basis: e.legalBasis, reason: e.grounds, at: meta.at, by: { ...e.decidedBy }, seizureId: e.measureId });
        syncMeasureDeadline(s, 'PRESERVATION', meta);
      }
      syncMeasureDeadline(s, 'SEIZURE', meta);
    },
    SEIZURE_EXTENDED: (s, e, meta) => {
      const m = findMeasure(s, 'SEIZURE', e.measureId);
      if (!m) return;
      m.extension = { days: e.days, reason: e.reason, at: meta.at, by: { ...e.by } };
      measurePeriod(m, meta.policy);
      syncMeasureDeadline(s, 'SEIZURE', meta);
    },
    SEIZURE_TESTING_RECORDED: (s, e, meta) => {
      const m = findMeasure(s, 'SEIZURE', e.measureId);
      if (!m) return;
      m.testing.push({ from: e.startedAt, to: e.endedAt, reason: `TESTING: ${e.purpose}` });
      m.testing.sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
      measurePeriod(m, meta.policy);
      syncMeasureDeadline(s, 'SEIZURE', meta);
    },
    SEIZURE_ENDED: (s, e, meta) => {
      const m = findMeasure(s, 'SEIZURE', e.measureId);
      if (!m) return;
      endMeasure(m, {
        outcome: e.ending,
        basis: e.basis,
        reason: e.reason,
        at: meta.at,
        by: { ...e.by },
        ...(e.transferredTo !== undefined ? { transferredTo: e.transferredTo } : {}),
      });
      syncMeasureDeadline(s, 'SEIZURE', meta);
    },
  },
  CODES,
);
