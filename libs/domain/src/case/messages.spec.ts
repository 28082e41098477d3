// Every rejection is written for a Chinese reader too: the types demand a
// Message at each fail() (checked by tsc below), and a sweep of every command
// in every state, by every kind of actor, with its payload spoiled field by
// field, finds no rejection without its Chinese or with an ISO date in it.

import { commands as C, DAY, people, plus, scenario, SCENARIO_NAMES, SYSTEM } from '../testing/case-fixtures';
import { testPolicy } from '../testing/test-policy';
import { measureCommands as M, withLapsedPreservation, withMeasures } from '../testing/measure-fixtures';
import { chineseFaults } from '../testing/written-in-chinese';
import type { ActorSnapshot } from './actor.types';
import type { CaseCommand, SystemActor } from './case-commands';
import type { CaseState } from './case-state';
import { COMMAND_TYPES, REJECTION_CODES } from './command-table';
import { decide } from './decide';
import { fail, failWith, type Rejection } from './rejection';
import { rmbUpper, zhDate, zhDue, zhList, zhOr, zhYuan, ZH_COMMAND } from './messages';

describe('the local forms a Chinese reason is written in', () => {
  it('dates are the agency’s calendar day: an instant late in the UTC day is the next day in Shanghai', () => {
    expect(zhDate('2026-11-20')).toBe('2026年11月20日');
    expect(zhDate('2026-03-02')).toBe('2026年3月2日');
    expect(zhDate('2026-11-19T20:00:00Z')).toBe('2026年11月20日');
    expect(zhDate('2026-11-19T20:00:00Z', 'UTC')).toBe('2026年11月19日');
    expect(zhDue({ dueAt: '2026-11-20T15:59:59.999Z', basis: { dueDate: '2026-11-20' } })).toBe('2026年11月20日');
  });

  it('amounts are yuan to the fen, and in capitals as a decision writes them', () => {
    expect(zhYuan(52000)).toBe('¥52,000.00');
    expect(zhYuan(3749.99)).toBe('¥3,749.99');
    expect(rmbUpper(52000)).toBe('人民币伍万贰仟元整');
    expect(rmbUpper(150000)).toBe('人民币壹拾伍万元整');
    expect(rmbUpper(1010)).toBe('人民币壹仟零壹拾元整');
    expect(rmbUpper(100500.05)).toBe('人民币壹拾万零伍佰元零伍分');
    expect(rmbUpper(10000)).toBe('人民币壹万元整');
    expect(rmbUpper(100000000)).toBe('人民币壹亿元整');
    expect(rmbUpper(3750.5)).toBe('人民币叁仟柒佰伍拾元伍角');
    expect(rmbUpper(0.3)).toBe('人民币叁角');
    expect(rmbUpper(0)).toBe('人民币零元整');
  });

  it('names every command in Chinese, and nothing that is not a command', () => {
    expect(COMMAND_TYPES.filter((t) => !/[\u4e00-\u9fff]/.test(ZH_COMMAND[t] ?? ''))).toEqual([]);
    expect(Object.keys(ZH_COMMAND).filter((t) => !(COMMAND_TYPES as readonly string[]).includes(t))).toEqual([]);
  });

  it('lists and alternatives', () => {
    expect(zhList(['张伟', '李娜'])).toBe('张伟、李娜');
    expect(zhOr(['执法人员', '辅助人员', '机关负责人'])).toBe('执法人员、辅助人员或机关负责人');
    expect(zhOr(['执法人员'])).toBe('执法人员');
  });

  it('writes amounts in capitals as a penalty document does (the console shows the API\'s)', () => {
    expect(rmbUpper(52000)).toBe('人民币伍万贰仟元整');
    expect(rmbUpper(150000)).toBe('人民币壹拾伍万元整');
    expect(rmbUpper(4000)).toBe('人民币肆仟元整');
    expect(rmbUpper(10)).toBe('人民币壹拾元整');
    expect(rmbUpper(1005)).toBe('人民币壹仟零伍元整');
    expect(rmbUpper(100500)).toBe('人民币壹拾万零伍佰元整');
    expect(rmbUpper(1000000)).toBe('人民币壹佰万元整');
    expect(rmbUpper(100010000)).toBe('人民币壹亿零壹万元整');
    expect(rmbUpper(120_000_000)).toBe('人民币壹亿贰仟万元整');
    expect(rmbUpper(0)).toBe('人民币零元整');
  });

  it('writes 角 and 分 from the fen, without float drift', () => {
    expect(rmbUpper(1680.32)).toBe('人民币壹仟陆佰捌拾元叁角贰分');
    expect(rmbUpper(12.5)).toBe('人民币壹拾贰元伍角');
    expect(rmbUpper(1.05)).toBe('人民币壹元零伍分');
    expect(rmbUpper(0.5)).toBe('人民币伍角');
    expect(rmbUpper(0.05)).toBe('人民币伍分');
    expect(rmbUpper(0.1 + 0.2)).toBe('人民币叁角');
    expect(rmbUpper(19.99)).toBe('人民币壹拾玖元玖角玖分');
  });
});

describe('fail() takes both languages', () => {
  it('keeps the English as the reason and carries the Chinese beside it, field by field', () => {
    expect(fail('CASE.EVIDENCE_REQUIRED', { en: 'A penalty needs recorded evidence (APL 40)', zh: '给予行政处罚须有已登记的证据' }, [
      { field: 'evidenceIds', message: { en: 'is required', zh: '为必填项' } },
    ])).toEqual({
      code: 'CASE.EVIDENCE_REQUIRED',
      status: 422,
      reason: 'A penalty needs recorded evidence (APL 40)',
      reasonZh: '给予行政处罚须有已登记的证据',
      errors: [{ field: 'evidenceIds', message: 'is required', messageZh: '为必填项' }],
    });
  });

  it('refuses, at compile time, a rejection written in one language', () => {
    const stageFail = failWith({ 'X.ONLY_HERE': 422 });
    // @ts-expect-error a bare English reason is not a Message
    expect(fail('CASE.ARCHIVED', 'archived').reasonZh).toBeUndefined();
    // @ts-expect-error a Message needs its Chinese
    expect(stageFail('X.ONLY_HERE', { en: 'no Chinese' }).reasonZh).toBeUndefined();
    // @ts-expect-error a field error needs its Chinese too
    expect(fail('VALIDATION.FAILED', { en: 'x', zh: '某' }, [{ field: 'f', message: 'is required' }]).errors).toHaveLength(1);
  });

  it('the check finds a reason left in English, an ISO date, or a field without Chinese', () => {
    const base = { code: 'CASE.DEFENCE_PERIOD_RUNNING', reason: 'runs until 2026-11-20T15:59:59Z' };
    expect(chineseFaults({ ...base, reasonZh: 'runs until 2026-11-20T15:59:59Z' })).toEqual([expect.stringContaining('no Chinese reason')]);
    expect(chineseFaults({ ...base, reason: '期限', reasonZh: '期限' })).toEqual([expect.stringContaining('is the English one')]);
    expect(chineseFaults({ ...base, reasonZh: '期限至2026-11-20届满' })).toEqual([expect.stringContaining('ISO date')]);
    expect(chineseFaults({ ...base, reasonZh: '期限至2026年11月20日届满', errors: [{ field: 'f', message: 'bad', messageZh: 'bad' }] })).toEqual([
      expect.stringContaining('no Chinese message for f'),
    ]);
    expect(chineseFaults({ ...base, reasonZh: '期限至2026年11月20日届满' })).toEqual([]);
  });
});

describe('a sweep: every command, in every state, by every actor, spoiled field by field', () => {
  const actors: (ActorSnapshot | SystemActor)[] = [...Object.values(people), SYSTEM];
  const persons = Object.values(people);
  const rejections: Rejection[] = [];

  /** An instant given to a factory that took it for something else (a user id, a reason): not a command anyone sends. */
  function misplaced(value: unknown, key = ''): boolean {
    if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}T/.test(value) && !/(At|Date|^at)$/.test(key);
    if (Array.isArray(value)) return value.some((v) => misplaced(v, key));
    if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => misplaced(v, k));
    return false;
  }

  /** The fixture commands, each with the arguments it is usually given at `now`. */
  function fixtureCommands(now: string): CaseCommand[] {
    const out: CaseCommand[] = [];
    for (const make of [...Object.values(C), ...Object.values(M)] as ((...args: unknown[]) => CaseCommand)[]) {
      for (const args of [[], [now], [now, plus(now, 20 * DAY)], [1, now]]) {
        try {
          const c = make(...args);
          if (c && typeof c === 'object' && !misplaced(c) && !out.some((o) => JSON.stringify(o) === JSON.stringify(c))) out.push(c);
        } catch {
          // a factory that needs other arguments: another argument list builds it
        }
      }
    }
    return out;
  }

  /** The command with one field at a time missing, emptied, negated, multiplied or moved years away. */
  function spoiled(c: CaseCommand): CaseCommand[] {
    const out: CaseCommand[] = [];
    const record = c as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(record)) {
      if (k === 'type') continue;
      const set = (value: unknown) => out.push({ ...record, [k]: value } as unknown as CaseCommand);
      const rest = { ...record };
      delete rest[k];
      out.push(rest as unknown as CaseCommand);
      if (typeof v === 'string') {
        set('');
        if (/^\d{4}-\d{2}-\d{2}T/.test(v)) {
          set(plus(v, 400 * DAY));
          set(plus(v, -400 * DAY));
          set(plus(v, -4000 * DAY));
          set('2026-13-45T99:00:00');
        }
      }
      if (typeof v === 'boolean') set(!v);
      if (typeof v === 'number') set(-v);
      if (Array.isArray(v)) {
        set([]);
        set([...v, ...v]);
        set(v.slice(0, 1));
        set(v.map((x) => (typeof x === 'object' && x !== null ? { ...x, certificates: [] } : x)));
      }
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        for (const [kk, vv] of Object.entries(v)) {
          if (typeof vv === 'number') {
            set({ ...v, [kk]: vv * 100 });
            set({ ...v, [kk]: vv / 100 });
          }
          if (typeof vv === 'string') set({ ...v, [kk]: '' });
        }
      }
    }
    return out;
  }

  function judge(state: CaseState | null, cmd: CaseCommand, actor: ActorSnapshot | SystemActor, now: string): boolean {
    const d = decide(state, cmd, { actor, policy: testPolicy(), now });
    if (!d.ok) rejections.push(d.rejection);
    return d.ok || (d.rejection.status !== 403 && d.rejection.status !== 409);
  }

  beforeAll(() => {
    // Every scenario, a case holding a preservation and a seizure (the scenarios hold none),
    // and served cases left unpaid past their period and under challenge (execution and enforcement).
    const unpaid = scenario('SERVED');
    unpaid.at(plus(unpaid.s.deadlines.payment!.dueAt, DAY)).exec(C.escalation('payment'), SYSTEM);
    const demanded = scenario('SERVED');
    demanded.at(plus(demanded.s.deadlines.payment!.dueAt, DAY)).exec(C.escalation('payment'), SYSTEM);
    demanded.exec(C.demand(demanded.now), people.officerA);
    const challenged = scenario('SERVED');
    challenged.exec(C.challenge(challenged.now), people.officerA);
    const runners = [...SCENARIO_NAMES.map((name) => scenario(name)), withMeasures(), withLapsedPreservation(), unpaid, demanded, challenged];
    // Before registration: any command, and the lead spoiled.
    const first = runners[0].now;
    for (const type of COMMAND_TYPES) judge(null, { type } as CaseCommand, people.officerA, first);
    for (const cmd of [C.registerOrdinary(), C.registerSimple()]) {
      for (const a of actors) judge(null, cmd, a, first);
      for (const bad of spoiled(cmd)) judge(null, bad, people.officerA, first);
    }
    for (const r of runners) {
      const state = r.s;
      for (const type of COMMAND_TYPES) judge(state, { type } as CaseCommand, people.officerA, r.now);
      for (const cmd of fixtureCommands(r.now)) {
        const through = actors.filter((a) => judge(state, cmd, a, r.now));
        // Past the gate: spoil the payload, now and a long time later.
        for (const a of through.filter((x): x is ActorSnapshot => persons.includes(x as ActorSnapshot)).slice(0, 2)) {
          judge(state, cmd, a, plus(r.now, 400 * DAY));
          for (const bad of spoiled(cmd)) judge(state, bad, a, r.now);
        }
      }
    }
  });

  it('finds no rejection without its Chinese, none left in English, no ISO date in a Chinese reason', () => {
    const faults = [...new Set(rejections.flatMap((r) => chineseFaults(r)))];
    expect(faults).toEqual([]);
  });

  it('is no empty sweep: it meets most of the codes the domain has, with field errors among them', () => {
    const met = new Set(rejections.map((r) => r.code));
    expect(rejections.length).toBeGreaterThan(5000);
    expect(met.size).toBeGreaterThanOrEqual(Math.floor(Object.keys(REJECTION_CODES).length * 0.4));
    expect(rejections.some((r) => (r.errors?.length ?? 0) > 0)).toBe(true);
  });
});
