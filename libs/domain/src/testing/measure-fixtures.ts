// Commands for 先行登记保存 and 查封扣押 in case tests, beside case-fixtures:
// each passes decide() on a FILED fixture case (scenario('FILED')) once the
// measure it names exists (withMeasures() records one of each).

import type { CommandOf } from '../case/case-commands';
import type { InventoryItem } from '../case/measure-records';
import { DAY, people, plus, scenario, SYSTEM, type CaseRunner } from './case-fixtures';

export const ITEMS: InventoryItem[] = [
  { description: '无标签预包装食品', quantity: 120, unit: '袋', location: '长治市某区某路1号仓库', custodian: '蒋某' },
  { description: '销售台账', quantity: 1, unit: '本', location: '长治市市场监督管理局物证室', custodian: '张伟' },
];

export const measureCommands = {
  preserve: (at: string, over: Partial<CommandOf<'PRESERVE_EVIDENCE'>> = {}): CommandOf<'PRESERVE_EVIDENCE'> => ({
    type: 'PRESERVE_EVIDENCE',
    measureId: 'P-1',
    grounds: '货物可能被转移，证据可能灭失',
    officers: [people.officerA, people.officerB],
    items: ITEMS,
    emergency: true,
    preservedAt: at,
    ...over,
  }),
  approvePreservation: (over: Partial<CommandOf<'APPROVE_PRESERVATION'>> = {}): CommandOf<'APPROVE_PRESERVATION'> => ({
    type: 'APPROVE_PRESERVATION',
    measureId: 'P-1',
    approve: true,
    reason: '证据可能灭失，同意先行登记保存',
    ...over,
  }),
  decidePreservation: (over: Partial<CommandOf<'DECIDE_PRESERVATION'>> = {}): CommandOf<'DECIDE_PRESERVATION'> => ({
    type: 'DECIDE_PRESERVATION',
    measureId: 'P-1',
    decision: 'RELEASE',
    basis: 'MSA 34 (5)',
    reason: '已拍照取证，不再需要保存',
    ...over,
  }),
  seize: (at: string, over: Partial<CommandOf<'SEIZE'>> = {}): CommandOf<'SEIZE'> => ({
    type: 'SEIZE',
    measureId: 'S-1',
    mode: 'SEIZE',
    decisionNumber: '长市监强〔2026〕1号',
    grounds: '涉嫌无证经营的食品',
    legalBasis: '《行政强制法》第二十二条；《食品安全法》第一百一十条',
    seizedAt: at,
    officers: [people.officerA, people.officerB],
    items: ITEMS.slice(0, 1),
    ...over,
  }),
  extendSeizure: (over: Partial<CommandOf<'EXTEND_SEIZURE'>> = {}): CommandOf<'EXTEND_SEIZURE'> => ({
    type: 'EXTEND_SEIZURE',
    measureId: 'S-1',
    days: 30,
    reason: '案情复杂，检验尚未完成',
    ...over,
  }),
  seizureTesting: (startedAt: string, endedAt: string, over: Partial<CommandOf<'RECORD_SEIZURE_TESTING'>> = {}): CommandOf<'RECORD_SEIZURE_TESTING'> => ({
    type: 'RECORD_SEIZURE_TESTING',
    measureId: 'S-1',
    startedAt,
    endedAt,
    purpose: '送食品检验机构检验',
    ...over,
  }),
  endSeizure: (over: Partial<CommandOf<'END_SEIZURE'>> = {}): CommandOf<'END_SEIZURE'> => ({
    type: 'END_SEIZURE',
    measureId: 'S-1',
    ending: 'RELEASE',
    basis: 'ACL 28 (3)',
    reason: '已作出处理决定，不再需要查封扣押',
    ...over,
  }),
};

/** A FILED case with an emergency preservation P-1 (not yet approved) and a seizure S-1 in force. */
export function withMeasures(): CaseRunner {
  const r = scenario('FILED');
  r.exec(measureCommands.preserve(r.now), people.officerA);
  r.exec(measureCommands.seize(r.now), people.head);
  return r;
}

/** withMeasures(), the seizure extended and, 20 days on, the preservation lapsed undecided (its deadline escalated). */
export function withLapsedPreservation(): CaseRunner {
  const r = withMeasures();
  r.exec(measureCommands.extendSeizure(), people.head);
  r.at(plus(r.now, 20 * DAY));
  r.exec({ type: 'DEADLINE_ESCALATION', deadline: 'evidencePreservation' }, SYSTEM);
  return r;
}
