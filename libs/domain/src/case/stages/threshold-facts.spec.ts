import { CaseRunner, commands as C, people, scenario } from '../../testing/case-fixtures';
import { testPolicy } from '../../testing/test-policy';
import type { CaseCommand } from '../case-commands';
import type { DecideResult } from '../decide';
import { monthsBefore, thresholdsMet } from '../rules/criminal-thresholds';
import type { PriorPenalty } from '../suspicion-records';

// The prosecution thresholds as the standards write them: one figure (sales,
// unsold goods, farmland in mu against m² recorded), a weighted sum (sales × 3
// + unsold goods, while sales stay below ¥50,000), and a repeat offence (two
// earlier penalties within two years); judged at registration, on evidence and
// on the report, under 'threshold-facts'.

const { officerA: A, officerB: B, officerC, head: H } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection;
}

const policy = testPolicy();
const judge = (code: string, bases: { kind: 'SALES' | 'UNSOLD_GOODS_VALUE' | 'GOODS_VALUE' | 'BASIC_FARMLAND_M2' | 'OTHER_FARMLAND_M2'; value: number }[]) =>
  thresholdsMet(policy, code, bases, { from: 'REPORT' });

const prior = (n: number, decidedOn: string): PriorPenalty => ({ decisionNumber: `长生环罚〔2025〕${n}号`, agency: '长治市生态环境局', decidedOn, act: '重污染天气预警期间超标排放氮氧化物' });

describe('fake or substandard products (《立案追诉标准（一）》第十六条)', () => {
  it('sales ≥ ¥50,000 meet item (一); unsold goods ≥ ¥150,000 meet item (二)', () => {
    expect(judge('PRODUCT-FAKE', [{ kind: 'SALES', value: 50000 }])).toEqual([expect.objectContaining({ kind: 'SALES', value: 50000, amount: 50000, source: expect.stringContaining('第十六条第（一）项') })]);
    expect(judge('PRODUCT-FAKE', [{ kind: 'UNSOLD_GOODS_VALUE', value: 150000 }])).toEqual([
      expect.objectContaining({ kind: 'UNSOLD_GOODS_VALUE', value: 150000, source: expect.stringContaining('第十六条第（二）项') }),
    ]);
    expect(judge('PRODUCT-FAKE', [{ kind: 'UNSOLD_GOODS_VALUE', value: 149999.99 }])).toEqual([]);
    // GOODS_VALUE does not say the goods are unsold: it meets nothing.
    expect(judge('PRODUCT-FAKE', [{ kind: 'GOODS_VALUE', value: 900000 }])).toEqual([]);
  });

  it('sales below ¥50,000 times three, plus unsold goods, ≥ ¥150,000 meet item (三), naming the terms', () => {
    const met = judge('PRODUCT-FAKE', [
      { kind: 'SALES', value: 40000 },
      { kind: 'UNSOLD_GOODS_VALUE', value: 30000 },
    ]);
    expect(met).toEqual([
      expect.objectContaining({
        rule: 'WEIGHTED_SUM',
        value: 150000,
        amount: 150000,
        terms: [
          { kind: 'SALES', weight: 3, value: 40000 },
          { kind: 'UNSOLD_GOODS_VALUE', weight: 1, value: 30000 },
        ],
        source: expect.stringContaining('第十六条第（三）项'),
      }),
    ]);
    expect(judge('PRODUCT-FAKE', [{ kind: 'SALES', value: 40000 }, { kind: 'UNSOLD_GOODS_VALUE', value: 29999.99 }])).toEqual([]);
    // Sales alone below ¥50,000 never reach it (× 3 < ¥150,000).
    expect(judge('PRODUCT-FAKE', [{ kind: 'SALES', value: 49999 }])).toEqual([]);
  });

  it('sales of ¥50,000 or more meet item (一) only: the weighted sum is for sales below it', () => {
    const met = judge('PRODUCT-FAKE', [{ kind: 'SALES', value: 60000 }]);
    expect(met.map((m) => m.rule ?? m.kind)).toEqual(['SALES']);
  });
});

describe('a policy stored before the shapes', () => {
  it('loads and judges its one-figure thresholds (no `rule`) as before', () => {
    // changzhi-market-2026.2 as stored: sales ≥ ¥50,000 only, without `rule` or `unit`.
    const stored = JSON.parse(
      JSON.stringify({
        ...testPolicy(),
        criminalThresholds: [{ violationCode: 'PRODUCT-FAKE', kind: 'SALES', amount: 50000, inclusive: true, offence: '《刑法》第一百四十条 生产、销售伪劣产品罪', source: '立案追诉标准' }],
      }),
    ) as typeof policy;
    const r = new CaseRunner(stored);
    r.exec(C.registerOrdinary({ violationCode: 'PRODUCT-FAKE' }), A);
    r.exec(C.approveFiling(), H);
    const [e] = r.exec({ ...C.evidence(1, r.now), amounts: [{ kind: 'SALES', value: 50000 }, { kind: 'UNSOLD_GOODS_VALUE', value: 900000 }] }, A);
    expect(e).toMatchObject({ criminalThresholds: [{ kind: 'SALES', value: 50000, amount: 50000, from: 'EVIDENCE' }] });
    expect((e as { criminalThresholds: unknown[] }).criminalThresholds).toHaveLength(1);
    expect(r.s.suspicion?.grounds).toBe('销售金额¥50,000.00，达到¥50,000.00以上的追诉标准（《刑法》第一百四十条 生产、销售伪劣产品罪；立案追诉标准）');
  });
});

describe('farmland occupied (《立案追诉标准（一）》第六十七条): the law counts mu, the case records m²', () => {
  it('basic farmland of 5 mu (3,333.33… m²) or more, other farmland of 10 mu or more', () => {
    expect(judge('LAND-OCCUPY', [{ kind: 'BASIC_FARMLAND_M2', value: 3333.33 }])).toEqual([]);
    expect(judge('LAND-OCCUPY', [{ kind: 'BASIC_FARMLAND_M2', value: 3333.34 }])).toEqual([
      expect.objectContaining({ kind: 'BASIC_FARMLAND_M2', value: 3333.34, amount: 5, unit: 'MU', source: expect.stringContaining('第六十七条') }),
    ]);
    expect(judge('LAND-OCCUPY', [{ kind: 'OTHER_FARMLAND_M2', value: 6666.66 }])).toEqual([]);
    expect(judge('LAND-OCCUPY', [{ kind: 'OTHER_FARMLAND_M2', value: 6666.67 }])).toEqual([expect.objectContaining({ kind: 'OTHER_FARMLAND_M2', amount: 10, unit: 'MU' })]);
    // 4 mu of basic farmland is not 10 mu of other farmland: the classes are not added.
    expect(judge('LAND-OCCUPY', [{ kind: 'BASIC_FARMLAND_M2', value: 2666.67 }, { kind: 'OTHER_FARMLAND_M2', value: 4000 }])).toEqual([]);
  });

  it('a lead registered with the area flags the case at registration, in mu and m²', () => {
    const r = new CaseRunner(testPolicy());
    const [e] = r.exec(C.registerOrdinary({ violationCode: 'LAND-OCCUPY', amounts: [{ kind: 'BASIC_FARMLAND_M2', value: 4000, note: '国土测绘报告' }] }), A);
    expect(e).toMatchObject({ type: 'LEAD_REGISTERED', amounts: [{ kind: 'BASIC_FARMLAND_M2', value: 4000, note: '国土测绘报告' }], criminalThresholds: [{ from: 'REGISTRATION', unit: 'MU', amount: 5 }] });
    expect(r.s.flags).toContain('SUSPECTED_CRIME');
    expect(r.s.suspicion).toMatchObject({ raisedBy: 'THRESHOLD' });
    expect(r.s.suspicion?.grounds).toContain('基本农田面积（平方米）4000平方米（约6亩），达到5亩以上的追诉标准');
  });

  it('malformed figures at registration are refused with 400; before the rule change they are not judged', () => {
    const r = new CaseRunner(testPolicy());
    expect(rejected(r.try({ ...C.registerOrdinary(), amounts: [{ kind: 'ACRES', value: 1 }] } as unknown as CaseCommand, A))).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    const old = new CaseRunner(testPolicy(), undefined, 'threshold-facts');
    const [e] = old.exec(C.registerOrdinary({ violationCode: 'LAND-OCCUPY', amounts: [{ kind: 'BASIC_FARMLAND_M2', value: 4000 }] }), A);
    expect(e).not.toHaveProperty('criminalThresholds');
    expect(e).not.toHaveProperty('amounts');
    expect(old.s.suspectedCrime).toBe(false);
  });
});

describe('a repeat offence (法释〔2023〕7号 第一条第（六）项): two earlier penalties within two years, and again', () => {
  it('counts back 24 months from the act, to the same day number or the month end', () => {
    expect(monthsBefore('2026-02-20', 24)).toBe('2024-02-20');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15');
  });

  it('two penalties recorded at registration within the window flag the case, naming them', () => {
    const r = new CaseRunner(testPolicy());
    const [e] = r.exec(C.registerOrdinary({ violationCode: 'AIR-EXCESS', priorPenalties: [prior(1, '2024-06-01'), prior(2, '2025-09-10')] }), A);
    expect(e).toMatchObject({
      priorPenalties: [{ decisionNumber: '长生环罚〔2025〕1号', recordedWith: 'REGISTRATION' }, { decisionNumber: '长生环罚〔2025〕2号' }],
      criminalThresholds: [{ rule: 'REPEAT', value: 2, amount: 2, withinMonths: 24, priorPenalties: ['长生环罚〔2025〕1号', '长生环罚〔2025〕2号'], from: 'REGISTRATION' }],
    });
    expect(r.s.flags).toContain('SUSPECTED_CRIME');
    expect(r.s.suspicion?.grounds).toContain('24个月内曾受行政处罚2次');
  });

  it('one outside the window does not count; a second found later, on an evidence item, does', () => {
    const r = new CaseRunner(testPolicy());
    // violationAt 2026-02-20: the window opens 2024-02-20.
    r.exec(C.registerOrdinary({ violationCode: 'AIR-EXCESS', priorPenalties: [prior(1, '2024-02-19'), prior(2, '2025-09-10')] }), A);
    expect(r.s.suspectedCrime).toBe(false);
    r.exec(C.approveFiling(), H);
    r.exec(C.evidence(1, r.now), A);
    // The same decision again counts once.
    r.exec({ ...C.evidence(2, r.now), priorPenalties: [prior(2, '2025-09-10')] }, A);
    expect(r.s.suspectedCrime).toBe(false);
    const [e] = r.exec({ ...C.evidence(3, r.now), priorPenalties: [prior(3, '2024-02-20')] }, A);
    expect(e).toMatchObject({ criminalThresholds: [{ rule: 'REPEAT', value: 2, from: 'EVIDENCE', evidenceId: 'ev-3' }] });
    expect(r.s.priorPenalties?.map((p) => p.decisionNumber)).toEqual(['长生环罚〔2025〕1号', '长生环罚〔2025〕2号', '长生环罚〔2025〕3号']);
    expect(r.s.flags).toContain('SUSPECTED_CRIME');
  });

  it('a head decides not to transfer; the report counts the penalties again and raises the flag anew', () => {
    const r = new CaseRunner(testPolicy());
    r.exec(C.registerOrdinary({ violationCode: 'AIR-EXCESS', priorPenalties: [prior(1, '2025-01-10'), prior(2, '2025-09-10')] }), A);
    r.exec(C.approveFiling(), H);
    r.exec(C.evidence(1, r.now), A);
    r.exec(C.decideNotToTransfer(), H);
    expect(r.s.suspectedCrime).toBe(false);
    const [e] = r.exec(C.report({ legalBasis: '《大气污染防治法》第九十九条' }), A);
    expect(e).toMatchObject({ criminalThresholds: [{ rule: 'REPEAT', from: 'REPORT' }] });
    expect(r.s.suspectedCrime).toBe(true);
  });

  it('malformed or future penalties are refused with 400 and record nothing', () => {
    const r = scenario('FILED');
    const bad = rejected(r.try({ ...C.evidence(2, r.now), priorPenalties: [{ decisionNumber: '', agency: 'x', decidedOn: '2025-13-01', act: 'y' }] } as unknown as CaseCommand, A));
    expect(bad).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    expect(bad.errors?.map((x) => x.field)).toEqual(['priorPenalties[0].decisionNumber', 'priorPenalties[0].decidedOn']);
    const future = rejected(r.try({ ...C.evidence(2, r.now), priorPenalties: [prior(1, '2027-01-01')] }, A));
    expect(future.errors?.map((x) => x.field)).toEqual(['priorPenalties[0].decidedOn']);
  });
});

describe('the transfer team (R310 5, APL 43)', () => {
  it('an officer recused from the case is refused on the team (422 CASE.NOT_AN_OFFICER); so is a team of one', () => {
    const r = scenario('FILED');
    r.exec(C.recuse(B.userId, officerC), H);
    const recused = rejected(r.try({ ...C.proposeTransfer(), officers: [A, B] }, A));
    expect(recused).toMatchObject({ status: 422, code: 'CASE.NOT_AN_OFFICER' });
    expect(recused.errors).toEqual([expect.objectContaining({ field: 'officers[1]' })]);
    expect(rejected(r.try({ ...C.proposeTransfer(), officers: [A] }, A))).toMatchObject({ status: 422, code: 'CASE.TWO_OFFICERS_REQUIRED' });
    expect(r.try({ ...C.proposeTransfer(), officers: [A, officerC] }, A).ok).toBe(true);
  });

  it('a proposal recorded before the rule change replays with the recused officer', () => {
    const r = scenario('FILED', testPolicy(), 'transfer-team-recusal');
    r.exec(C.recuse(B.userId, officerC), H);
    expect(r.try({ ...C.proposeTransfer(), officers: [A, B] }, A).ok).toBe(true);
  });
});
