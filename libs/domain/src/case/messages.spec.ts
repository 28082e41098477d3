// Every rejection is written for a Chinese reader too: the types demand a
// Message at each fail() (checked by tsc below), and a sweep of every command
// in every state, by every kind of actor, with its payload spoiled field by
// field, finds no rejection without its Chinese or with an ISO date in it.

import { commands as C, DAY, people, plus, scenario, SCENARIO_NAMES, SYSTEM } from '../testing/case-fixtures';
import { testPolicy } from '../testing/test-policy';
import { withLapsedPreservation, withMeasures } from '../testing/measure-fixtures';
import { executionRunners, fixtureCommands, spoiled } from '../testing/command-probes';
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

  function judge(state: CaseState | null, cmd: CaseCommand, actor: ActorSnapshot | SystemActor, now: string): boolean {
    const d = decide(state, cmd, { actor, policy: testPolicy(), now });
    if (!d.ok) rejections.push(d.rejection);
    return d.ok || (d.rejection.status !== 403 && d.rejection.status !== 409);
  }

  beforeAll(() => {
    // Every scenario, a case holding a preservation and a seizure (the scenarios hold none), and served cases in execution.
    const runners = [...SCENARIO_NAMES.map((name) => scenario(name)), withMeasures(), withLapsedPreservation(), ...executionRunners()];
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
