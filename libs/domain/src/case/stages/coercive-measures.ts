// What 先行登记保存 (stages/preservation.ts) and 查封扣押 (stages/seizure.ts)
// share: the inventory check, finding a measure by id, each measure's own
// period, and the one case deadline per kind that follows the earliest
// measure still running (the workflow's timers read s.deadlines, one entry a
// kind). A measure whose period ends undecided lapses when its deadline is
// escalated, and the case is OVERDUE until its items are returned.

import { computeDeadline } from '../../calendar';
import type { JurisdictionPolicy } from '../../policy/policy.types';
import type { CaseDeadline, CaseState } from '../case-state';
import type { CoerciveMeasure, InventoryItem, MeasureEnding } from '../measure-records';
import { DEADLINE_OWNER, meetDeadline, periodOf } from '../deadlines';
import type { ActorSnapshot } from '../actor.types';
import type { CaseOfficer } from '../case-records';
import { failWith, type Fail, type RejectionStatus } from '../rejection';
import { zhList, type Message } from '../messages';
import { checkNamedOfficers } from '../rules/people';
import { Validator } from '../rules/validation';
import type { DeadlineKind, MeasureKind, MeasureStatus } from '../vocabulary';
import { notAllowed, type Check, type EvolveMeta } from './kit';

/**
 * The refusals both measure stages give. The preservation stage registers
 * them in the command table (a code belongs to one stage); the seizure stage
 * returns them too.
 */
export const MEASURE_CODES = {
  'MEASURE.DUPLICATE_ID': 422,
  'MEASURE.NOT_FOUND': 422,
  'MEASURE.NOT_IN_FORCE': 422,
  'MEASURE.OFFICER_NOT_ASSIGNED': 422,
  'MEASURE.NO_CONFISCATION_DECISION': 422,
} as const satisfies Record<string, RejectionStatus>;

/** 409 unless some measure of `kind` is in one of `statuses` (so the action shows only when it can apply). */
export function someMeasure(kind: MeasureKind, statuses: readonly MeasureStatus[], hint: Message, extra?: (m: CoerciveMeasure) => boolean): Check {
  return (s, cmd) => (measuresOf(s, kind).some((m) => statuses.includes(m.status) && (!extra || extra(m))) ? null : notAllowed(s, cmd, hint));
}

/** The case deadline each kind of measure answers to. */
export const MEASURE_DEADLINE: Record<MeasureKind, DeadlineKind> = {
  PRESERVATION: 'evidencePreservation',
  SEIZURE: 'seizure',
};

/** A measure that still holds (or is about to hold) the party's items. */
export function isOpenMeasure(m: CoerciveMeasure): boolean {
  return m.status === 'REQUESTED' || m.status === 'OPEN' || m.status === 'LAPSED';
}

export function measuresOf(s: CaseState, kind?: MeasureKind): CoerciveMeasure[] {
  return (s.coerciveMeasures ?? []).filter((m) => kind === undefined || m.kind === kind);
}

export function findMeasure(s: CaseState, kind: MeasureKind, measureId: string): CoerciveMeasure | undefined {
  return measuresOf(s, kind).find((m) => m.measureId === measureId);
}

/** The inventory (清单): at least one line, each fully described. */
export function validateItems(v: Validator, items: unknown): void {
  if (!v.array('items', items, { min: 1 })) return;
  items.forEach((raw, i) => {
    const f = `items[${i}]`;
    if (!v.object(f, raw)) return;
    v.text(`${f}.description`, raw.description, { max: 500 }).text(`${f}.unit`, raw.unit, { max: 20 });
    v.text(`${f}.location`, raw.location, { max: 300 }).text(`${f}.custodian`, raw.custodian, { max: 200 });
    v.amount(`${f}.quantity`, raw.quantity, { positive: true });
  });
}

export function copyItems(items: InventoryItem[]): InventoryItem[] {
  return items.map((i) => ({ description: i.description, quantity: i.quantity, unit: i.unit, location: i.location, custodian: i.custodian }));
}

/** The period of one measure from its start: the policy's, plus its extension, less its testing time (ACL 25 ¶3). */
export function measurePeriod(m: CoerciveMeasure, policy: JurisdictionPolicy): void {
  if (m.startAt === undefined) return;
  const dk = MEASURE_DEADLINE[m.kind];
  const base = periodOf(dk, policy);
  const period = m.extension
    ? {
        ...base,
        days: base.days + m.extension.days,
        ...(base.seconds !== undefined ? { seconds: base.seconds + m.extension.days * (base.seconds / base.days) } : {}),
        source: `${base.source}; extended by ${m.extension.days} days with the head's approval (ACL 25)`,
      }
    : base;
  const c = computeDeadline({ rule: dk, period, start: m.startAt, calendars: policy.calendars, timeZone: policy.timeZone, pauses: m.testing });
  m.dueAt = c.dueAt;
  if (c.remindAt !== undefined) m.remindAt = c.remindAt;
  else delete m.remindAt;
  m.basis = c.basis;
}

/** The case deadline of one measure's period. */
function deadlineOf(m: CoerciveMeasure, previous: CaseDeadline | undefined, meta: EvolveMeta): CaseDeadline {
  const dk = MEASURE_DEADLINE[m.kind];
  const same = previous !== undefined && previous.startAt === m.startAt && previous.dueAt === m.dueAt;
  const d: CaseDeadline = {
    kind: dk,
    owner: DEADLINE_OWNER[dk],
    startAt: m.startAt!,
    dueAt: m.dueAt!,
    state: 'OPEN',
    reminded: same ? previous.reminded : false,
    basis: m.basis!,
    extensions: m.extension ? 1 : 0,
    armedAt: meta.at,
  };
  if (m.remindAt !== undefined) d.remindAt = m.remindAt;
  return d;
}

/**
 * Point the kind's case deadline at the earliest running measure. When none
 * runs, it shows the earliest lapsed measure still holding items (MISSED), or
 * else is met (late, if it was escalated).
 */
export function syncMeasureDeadline(s: CaseState, kind: MeasureKind, meta: EvolveMeta): void {
  const dk = MEASURE_DEADLINE[kind];
  const byDue = (a: CoerciveMeasure, b: CoerciveMeasure) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!);
  const running = measuresOf(s, kind).filter((m) => m.status === 'OPEN' && m.dueAt !== undefined).sort(byDue);
  const lapsed = measuresOf(s, kind).filter((m) => m.status === 'LAPSED' && m.dueAt !== undefined).sort(byDue);
  const d = s.deadlines[dk];
  const next = running[0];
  if (next) {
    if (d && d.state === 'OPEN' && d.startAt === next.startAt && d.dueAt === next.dueAt) return;
    s.deadlines[dk] = deadlineOf(next, d, meta);
    return;
  }
  if (lapsed.length > 0) {
    if (d && d.state === 'MISSED') return;
    const m = lapsed[0];
    s.deadlines[dk] = { ...deadlineOf(m, d, meta), state: 'MISSED', missedAt: m.lapsedAt ?? meta.at };
    return;
  }
  if (d && (d.state === 'OPEN' || d.state === 'MISSED')) meetDeadline(s, dk, meta.at);
}

/** The workflow escalated a measure deadline: every running measure of that kind due by then lapses. */
export function lapseMeasures(s: CaseState, deadline: DeadlineKind, dueAt: string, meta: EvolveMeta): void {
  const kind = (Object.keys(MEASURE_DEADLINE) as MeasureKind[]).find((k) => MEASURE_DEADLINE[k] === deadline);
  if (!kind) return;
  for (const m of measuresOf(s, kind)) {
    if (m.status === 'OPEN' && m.dueAt !== undefined && Date.parse(m.dueAt) <= Date.parse(dueAt)) {
      m.status = 'LAPSED';
      m.lapsedAt = meta.at;
    }
  }
  syncMeasureDeadline(s, kind, meta);
}

/** Open measures, for closing (结案): it waits until none holds the party's items. */
export function openMeasureIds(s: CaseState): string[] {
  return measuresOf(s).filter(isOpenMeasure).map((m) => m.measureId);
}

/** The measure a command names, or its stage's NOT_FOUND refusal (judged on the payload: 422). */
export function measureOrFail(s: CaseState, kind: MeasureKind, measureId: string, notFound: (m: Message) => Fail): CoerciveMeasure | Fail {
  const m = findMeasure(s, kind, measureId);
  if (m) return m;
  const what = kind === 'PRESERVATION' ? { en: 'preservation', zh: '先行登记保存' } : { en: 'seizure', zh: '查封扣押' };
  return notFound({ en: `No ${what.en} ${measureId} on this case`, zh: `本案没有编号为${measureId}的${what.zh}措施` });
}

/** Same measureId twice on one case is refused: measures are never overwritten. */
export function duplicateMeasure(s: CaseState, measureId: string): boolean {
  return measuresOf(s).some((m) => m.measureId === measureId);
}

export function isMeasure(r: CoerciveMeasure | Fail): r is CoerciveMeasure {
  return (r as CoerciveMeasure).measureId !== undefined;
}

const failMeasure = failWith(MEASURE_CODES);

/** ≥2 certified officers of the case carry out a measure (APL 56 by way of APL 42; ACL 18 (2)). */
export function measureOfficers(s: CaseState, list: ActorSnapshot[], date: string): CaseOfficer[] | Fail {
  const named = checkNamedOfficers(list, { min: 2, date, agencyId: s.agencyId, field: 'officers', recused: s.recusals.map((r) => r.userId) });
  if ('fail' in named) return named.fail;
  const outsiders = named.officers.filter((o) => !s.officers.some((a) => a.userId === o.userId));
  if (outsiders.length > 0) {
    return failMeasure('MEASURE.OFFICER_NOT_ASSIGNED', {
      en: `The measure is carried out by officers assigned to the case: ${outsiders.map((o) => o.name).join(', ')} is not`,
      zh: `实施措施的须为本案承办人员：${zhList(outsiders.map((o) => o.name))}不是`,
    });
  }
  return named.officers;
}

/** The measure a command names, or MEASURE.NOT_FOUND. */
export function namedMeasure(s: CaseState, kind: MeasureKind, measureId: string): CoerciveMeasure | Fail {
  return measureOrFail(s, kind, measureId, (m) => failMeasure('MEASURE.NOT_FOUND', m));
}

export function refuseDuplicate(s: CaseState, measureId: string): Fail | null {
  return duplicateMeasure(s, measureId)
    ? failMeasure('MEASURE.DUPLICATE_ID', { en: `Measure ${measureId} is already recorded on this case`, zh: `本案已登记编号为${measureId}的措施` })
    : null;
}

/** The measure holds items now (in force, or lapsed and still holding them). */
export function inForceOrLapsed(m: CoerciveMeasure): Fail | null {
  if (m.status === 'OPEN' || m.status === 'LAPSED') return null;
  const zh = { REQUESTED: '尚待负责人批准', ENDED: '已经结束', REFUSED: '未获批准', OPEN: '', LAPSED: '' }[m.status];
  return failMeasure('MEASURE.NOT_IN_FORCE', { en: `Measure ${m.measureId} is ${m.status}: it holds nothing to decide on`, zh: `措施${m.measureId}${zh}，没有可处理的物品` });
}

/** Confiscation (没收) disposes of the items under a penalty decision that confiscates (APL 9 (3); MSA 34 (4); ACL 28). */
export function confiscationDecided(s: CaseState): Fail | null {
  const d = s.decision;
  if (d && !d.revoked && d.penalty?.kinds.includes('CONFISCATION')) return null;
  return failMeasure('MEASURE.NO_CONFISCATION_DECISION', {
    en: 'Items are confiscated only under a penalty decision that confiscates them; none is recorded on this case',
    zh: '没收须依据作出没收处罚的行政处罚决定；本案尚无此类决定',
  });
}

/** The ending a command records, as the state keeps it. */
export function endMeasure(m: CoerciveMeasure, ending: Omit<MeasureEnding, 'late'>): void {
  const late = m.status === 'LAPSED' || (m.dueAt !== undefined && Date.parse(ending.at) > Date.parse(m.dueAt));
  m.ending = { ...ending, ...(late ? { late: true } : {}) };
  m.status = 'ENDED';
}
