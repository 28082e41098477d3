// 先行登记保存 (APL 56): where evidence may be lost or later hard to obtain,
// two officers register and preserve it with an inventory, with the head's
// approval — before they act, or, in an emergency, reported and approved
// within 24 hours. Within 7 working days the agency decides what becomes of
// the items (MSA 34): returned, sent for testing, transferred, confiscated
// under a penalty decision, or kept under a seizure (stages/seizure.ts, SEIZE
// with fromPreservationId). Left undecided, the preservation lapses when the
// workflow escalates its deadline; only the return of the items is lawful then.

import type { ActorSnapshot } from '../actor.types';
import type { CaseOfficer, PersonRef } from '../case-records';
import type { CoerciveMeasure, InventoryItem } from '../measure-records';
import { failWith, type RejectionStatus } from '../rejection';
import { ms, Validator } from '../rules/validation';
import { PRESERVATION_DECISIONS, type PreservationDecision } from '../vocabulary';
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

/** The refusals only this stage gives (and the measure codes it registers for both measure stages). */
const CODES = {
  'PRESERVATION.ALREADY_APPROVED': 422,
  'PRESERVATION.LAPSED': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith({ ...MEASURE_CODES, ...CODES });

/** The head's approval of an emergency preservation is due within 24 hours of it (APL 56). */
const EMERGENCY_REPORT_MS = 24 * 3600 * 1000;

export type PreservationCommand =
  | {
      type: 'PRESERVE_EVIDENCE';
      measureId: string;
      grounds: string;
      officers: ActorSnapshot[];
      items: InventoryItem[];
      /** The officers act first and report to the head within 24 hours. */
      emergency: boolean;
      /** Emergency: when the officers preserved the items. */
      preservedAt?: string;
    }
  | { type: 'APPROVE_PRESERVATION'; measureId: string; approve: boolean; reason: string }
  | { type: 'DECIDE_PRESERVATION'; measureId: string; decision: PreservationDecision; basis: string; reason: string; transferredTo?: string };

export type PreservationEvent =
  | {
      type: 'EVIDENCE_PRESERVED';
      measureId: string;
      grounds: string;
      officers: CaseOfficer[];
      items: InventoryItem[];
      emergency: boolean;
      preservedAt?: string;
      requestedBy: PersonRef;
    }
  | { type: 'PRESERVATION_APPROVED'; measureId: string; approve: boolean; reason: string; by: PersonRef }
  | { type: 'PRESERVATION_DECIDED'; measureId: string; decision: PreservationDecision; basis: string; reason: string; transferredTo?: string; by: PersonRef };

export const preservation = stage<PreservationCommand, PreservationEvent>()(
  'preservation',
  {
    PRESERVE_EVIDENCE: {
      action: 'preservations',
      roles: ['OFFICER'],
      // Evidence is collected, and preserved, while the case is being investigated.
      from: inStatus(['FILED'], { en: 'evidence is preserved while it is being collected, after filing', zh: '证据先行登记保存在立案后调查取证时进行' }, 'ORDINARY'),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('measureId', cmd.measureId, { max: 100 }).text('grounds', cmd.grounds).bool('emergency', cmd.emergency);
        v.instant('preservedAt', cmd.preservedAt, { optional: cmd.emergency !== true, notFuture: true });
        if (v.array('officers', cmd.officers, { min: 1 })) cmd.officers.forEach((o, i) => v.actor(`officers[${i}]`, o));
        validateItems(v, cmd.items);
        if (!v.ok) return invalid(v);
        const dup = refuseDuplicate(s, cmd.measureId);
        if (dup) return dup;
        const officers = measureOfficers(s, cmd.officers, ctx.date);
        if (!Array.isArray(officers)) return officers;
        const e: PreservationEvent = {
          type: 'EVIDENCE_PRESERVED',
          measureId: cmd.measureId,
          grounds: cmd.grounds,
          officers,
          items: copyItems(cmd.items),
          emergency: cmd.emergency,
          requestedBy: ctx.person,
        };
        if (cmd.emergency) e.preservedAt = cmd.preservedAt!;
        return e;
      },
    },
    APPROVE_PRESERVATION: {
      action: 'preservations/approval',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: someMeasure(
        'PRESERVATION',
        ['REQUESTED', 'OPEN', 'LAPSED'],
        { en: 'no preservation waits for the head’s approval', zh: '没有待负责人批准的先行登记保存' },
        (m) => m.approval === undefined,
      ),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('measureId', cmd.measureId).bool('approve', cmd.approve).text('reason', cmd.reason);
        if (!v.ok) return invalid(v);
        const m = namedMeasure(s, 'PRESERVATION', cmd.measureId);
        if (!isMeasure(m)) return m;
        if (m.approval || m.status === 'ENDED' || m.status === 'REFUSED') {
          return fail('PRESERVATION.ALREADY_APPROVED', {
            en: `Preservation ${m.measureId} was already ${m.approval ? (m.approval.approved ? 'approved' : 'refused') : 'ended'}`,
            zh: `先行登记保存${m.measureId}已经${m.approval ? (m.approval.approved ? '批准' : '不予批准') : '结束'}`,
          });
        }
        return { type: 'PRESERVATION_APPROVED', measureId: m.measureId, approve: cmd.approve, reason: cmd.reason, by: ctx.person };
      },
    },
    DECIDE_PRESERVATION: {
      action: 'preservations/decision',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: someMeasure('PRESERVATION', ['OPEN', 'LAPSED'], { en: 'no preservation is in force', zh: '没有正在实施的先行登记保存' }),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('measureId', cmd.measureId).oneOf('decision', cmd.decision, PRESERVATION_DECISIONS);
        v.text('basis', cmd.basis, { max: 500 }).text('reason', cmd.reason);
        v.text('transferredTo', cmd.transferredTo, { optional: cmd.decision !== 'HAND_OVER', max: 300 });
        if (!v.ok) return invalid(v);
        const m = namedMeasure(s, 'PRESERVATION', cmd.measureId);
        if (!isMeasure(m)) return m;
        const held = inForceOrLapsed(m);
        if (held) return held;
        // Lapsed (or past its 7 WD, the timer not yet run): the items go back; nothing else rests on it now.
        if (cmd.decision !== 'RELEASE' && (m.status === 'LAPSED' || ms(ctx.now) > ms(m.dueAt!))) {
          return fail('PRESERVATION.LAPSED', {
            en: `Preservation ${m.measureId} lapsed at ${m.dueAt} undecided (APL 56: 7 working days); its items can only be returned`,
            zh: `先行登记保存${m.measureId}已于期限届满时未作处理而失效（《行政处罚法》第56条：七个工作日），只能解除并退还物品`,
          });
        }
        if (cmd.decision === 'CONFISCATE') {
          const f = confiscationDecided(s);
          if (f) return f;
        }
        const e: PreservationEvent = { type: 'PRESERVATION_DECIDED', measureId: m.measureId, decision: cmd.decision, basis: cmd.basis, reason: cmd.reason, by: ctx.person };
        if (cmd.transferredTo !== undefined) e.transferredTo = cmd.transferredTo;
        return e;
      },
    },
  },
  {
    EVIDENCE_PRESERVED: (s, e, meta) => {
      s.coerciveMeasures ??= [];
      const m: CoerciveMeasure = {
        measureId: e.measureId,
        kind: 'PRESERVATION',
        status: e.emergency ? 'OPEN' : 'REQUESTED',
        grounds: e.grounds,
        officers: e.officers.map((o) => ({ ...o })),
        items: copyItems(e.items),
        requestedAt: meta.at,
        requestedBy: { ...e.requestedBy },
        emergency: e.emergency,
        testing: [],
        ...(e.emergency ? { startAt: e.preservedAt! } : {}),
      };
      measurePeriod(m, meta.policy);
      s.coerciveMeasures.push(m);
      syncMeasureDeadline(s, 'PRESERVATION', meta);
    },
    PRESERVATION_APPROVED: (s, e, meta) => {
      const m = findMeasure(s, 'PRESERVATION', e.measureId);
      if (!m) return;
      const late = m.emergency && m.startAt !== undefined && Date.parse(meta.at) - Date.parse(m.startAt) > EMERGENCY_REPORT_MS;
      m.approval = { approved: e.approve, reason: e.reason, at: meta.at, by: { ...e.by }, ...(late ? { late: true } : {}) };
      if (m.status === 'REQUESTED') {
        if (e.approve) {
          m.status = 'OPEN';
          m.startAt = meta.at;
          measurePeriod(m, meta.policy);
        } else m.status = 'REFUSED';
      } else if (!e.approve) {
        // An emergency preservation the head does not approve is released at once.
        endMeasure(m, { outcome: 'RELEASE', basis: 'APL 56 (not approved by the head)', reason: e.reason, at: meta.at, by: { ...e.by } });
      }
      syncMeasureDeadline(s, 'PRESERVATION', meta);
    },
    PRESERVATION_DECIDED: (s, e, meta) => {
      const m = findMeasure(s, 'PRESERVATION', e.measureId);
      if (!m) return;
      endMeasure(m, {
        outcome: e.decision,
        basis: e.basis,
        reason: e.reason,
        at: meta.at,
        by: { ...e.by },
        ...(e.transferredTo !== undefined ? { transferredTo: e.transferredTo } : {}),
      });
      syncMeasureDeadline(s, 'PRESERVATION', meta);
    },
  },
  { ...MEASURE_CODES, ...CODES },
);
