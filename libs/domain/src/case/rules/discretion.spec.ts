import { CaseRunner, commands as C, people, scenario, T0 } from '../../testing/case-fixtures';
import { testPolicy } from '../../testing/test-policy';
import type { DiscretionBenchmark, JurisdictionPolicy } from '../../policy/policy.types';
import type { CaseCommand } from '../case-commands';
import { decide, type DecideResult } from '../decide';
import type { CircumstanceLevel, DiscretionBase } from '../vocabulary';
import { discretionScale, finePlacement, judgeDecision } from './discretion';

// 裁量基准 (domain spec §3) at its edges. The test policy's benchmark for
// FOOD-UNLICENSED (《食品安全法》art 122): goods value < ¥10,000 → ¥50,000–100,000
// (LIGHTER 50,000–65,000, GENERAL 65,000–85,000, HEAVIER 85,000–100,000);
// ≥ ¥10,000 → 10–20× goods value (LIGHTER 10–13×, GENERAL 13–17×, HEAVIER 17–20×).

const { officerA: A, head: H, deputyHead: D, reviewer: R } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error('expected a rejection');
  return d.rejection;
}

function report(fineAmount: number | undefined, level: CircumstanceLevel, goods?: number, over: Partial<Parameters<typeof C.report>[0]> = {}) {
  return C.report({
    proposedPenalty: fineAmount === undefined ? { kinds: ['WARNING'] } : { kinds: ['FINE'], fineAmount },
    circumstanceLevel: level,
    discretionReasons: level === 'GENERAL' ? undefined : 'first violation, harm removed at once (APL 32)',
    discretionBases: goods === undefined ? undefined : [{ kind: 'GOODS_VALUE', value: goods }],
    ...over,
  });
}

/** A filed case of `violationCode` with evidence, under `policy`. */
function filed(policy: JurisdictionPolicy = testPolicy(), violationCode = 'FOOD-UNLICENSED'): CaseRunner {
  const r = new CaseRunner(policy, T0);
  r.exec(C.registerOrdinary({ violationCode }), A);
  r.exec(C.approveFiling(), H);
  r.exec(C.evidence(1, r.now), A);
  return r;
}

function tryReport(command: CaseCommand, policy?: JurisdictionPolicy, violationCode?: string): DecideResult {
  return filed(policy, violationCode).try(command, A);
}

function accepted(command: CaseCommand, policy?: JurisdictionPolicy, violationCode?: string): boolean {
  return tryReport(command, policy, violationCode).ok;
}

function code(command: CaseCommand, policy?: JurisdictionPolicy, violationCode?: string): string {
  return rejected(tryReport(command, policy, violationCode)).code;
}

function legacy(r: CaseRunner, command: CaseCommand, actor = A): DecideResult {
  return decide(r.state, command, { ...r.ctx(actor), rulesBefore: 'discretion-benchmarks' });
}

function withBenchmarks(...benchmarks: DiscretionBenchmark[]): JurisdictionPolicy {
  const p = testPolicy();
  return { ...p, discretion: [...(p.discretion ?? []), ...benchmarks] };
}

function single(violationCode: string, fields: Partial<DiscretionBenchmark> & { multipleOf?: DiscretionBase }): DiscretionBenchmark {
  const { multipleOf, ...rest } = fields;
  return {
    violationCode,
    legalBasis: 'test provision',
    fineRequired: true,
    bands: [
      {
        label: 'any',
        ...(multipleOf ? { multipleOf } : {}),
        statutory: { min: 0.5, max: 3 },
        levels: { LIGHTER: { min: 0.5, max: 1.25 }, GENERAL: { min: 1.25, max: 2.25 }, HEAVIER: { min: 2.25, max: 3 } },
      },
    ],
    mitigation: { conditions: 'APL 32', source: 'APL 32' },
    exemption: { conditions: 'APL 33', source: 'APL 33' },
    source: 'test split',
    ...rest,
  };
}

describe('the report: a fixed range per level (goods value < ¥10,000)', () => {
  it.each([
    ['LIGHTER', 50000, 65000],
    ['GENERAL', 65000, 85000],
    ['HEAVIER', 85000, 100000],
  ] as const)('%s: accepted exactly at ¥%d and ¥%d, refused one fen outside', (level, min, max) => {
    expect(accepted(report(min, level, 3000))).toBe(true);
    expect(accepted(report(max, level, 3000))).toBe(true);
    expect(code(report(min - 0.01, level, 3000))).toBe('DISCRETION.OUT_OF_RANGE');
    expect(code(report(max + 0.01, level, 3000))).toBe('DISCRETION.OUT_OF_RANGE');
  });

  it('the refusal names the range, the level, the band and the legal source, and the field', () => {
    const refused = rejected(tryReport(report(64999.99, 'GENERAL', 3000)));
    expect(refused).toMatchObject({ status: 422, code: 'DISCRETION.OUT_OF_RANGE' });
    expect(refused.reason).toContain('¥64,999.99 is outside the GENERAL range ¥65,000–¥85,000');
    expect(refused.reason).toContain('band goods value < ¥10,000, statutory ¥50,000–¥100,000');
    expect(refused.reason).toContain('《食品安全法》art 122');
    expect(refused.reason).toContain("the test policy's choice");
    expect(refused.errors).toEqual([
      { field: 'proposedPenalty.fineAmount', message: 'must be within ¥65,000–¥85,000 for GENERAL', messageZh: '“一般”的罚款须在¥65,000.00至¥85,000.00之间' },
    ]);
    expect(rejected(tryReport(report(49999.99, 'LIGHTER', 3000))).reason).toContain('below the statutory minimum only MITIGATED');
  });

  it('records the bases and what it was judged in on the report', () => {
    const r = scenario('FILED');
    r.exec(report(70000, 'GENERAL', 3000), A);
    expect(r.s.report?.discretionBases).toEqual([{ kind: 'GOODS_VALUE', value: 3000 }]);
    expect(r.s.report?.discretion).toEqual({
      violationCode: 'FOOD-UNLICENSED',
      band: 'goods value < ¥10,000',
      level: 'GENERAL',
      statutory: { min: 50000, max: 100000 },
      range: { min: 65000, max: 85000 },
      fineRequired: true,
      source: expect.stringContaining('《食品安全法》art 122'),
    });
  });
});

describe('the report: bands by goods value and multiples of it (≥ ¥10,000)', () => {
  it('¥9,999.99 is in the fixed band; exactly ¥10,000 is in the 10–20× band', () => {
    expect(accepted(report(65000, 'LIGHTER', 9999.99))).toBe(true);
    expect(code(report(65000, 'LIGHTER', 10000))).toBe('DISCRETION.OUT_OF_RANGE'); // 10–13× = ¥100,000–130,000
    expect(accepted(report(100000, 'LIGHTER', 10000))).toBe(true);
    expect(accepted(report(130000, 'LIGHTER', 10000))).toBe(true);
    expect(code(report(99999.99, 'LIGHTER', 10000))).toBe('DISCRETION.OUT_OF_RANGE');
  });

  it.each([
    ['LIGHTER', 120000, 156000],
    ['GENERAL', 156000, 204000],
    ['HEAVIER', 204000, 240000],
  ] as const)('goods ¥12,000, %s: ¥%d–%d inclusive, one fen outside refused', (level, min, max) => {
    expect(accepted(report(min, level, 12000))).toBe(true);
    expect(accepted(report(max, level, 12000))).toBe(true);
    const low = rejected(tryReport(report(min - 0.01, level, 12000)));
    expect(low.code).toBe('DISCRETION.OUT_OF_RANGE');
    expect(low.reason).toContain('× goods value (货值金额)');
    expect(code(report(max + 0.01, level, 12000))).toBe('DISCRETION.OUT_OF_RANGE');
  });

  it('a multiple is resolved to whole fen, never wider than the law: 0.5× ¥3,333.33 = ¥1,666.665 → at least ¥1,666.67', () => {
    const policy = withBenchmarks(single('PRODUCT-FAKE', { multipleOf: 'GOODS_VALUE' }));
    const fake = (fine: number) => report(fine, 'LIGHTER', 3333.33);
    expect(code(fake(1666.66), policy, 'PRODUCT-FAKE')).toBe('DISCRETION.OUT_OF_RANGE');
    expect(accepted(fake(1666.67), policy, 'PRODUCT-FAKE')).toBe(true);
    // 1.25× = ¥4,166.6625 → at most ¥4,166.66.
    expect(accepted(fake(4166.66), policy, 'PRODUCT-FAKE')).toBe(true);
    expect(code(fake(4166.67), policy, 'PRODUCT-FAKE')).toBe('DISCRETION.OUT_OF_RANGE');
  });
});

describe('the report: the bases the benchmark needs', () => {
  it('no goods value to choose the band: 422 naming the field', () => {
    const refused = rejected(tryReport(report(70000, 'GENERAL')));
    expect(refused).toMatchObject({ status: 422, code: 'DISCRETION.BASE_MISSING', errors: [{ field: 'discretionBases', message: 'needs GOODS_VALUE' }] });
    expect(refused.reason).toContain('to choose the band');
    // Another base does not stand in for it.
    expect(code(report(70000, 'GENERAL', undefined, { discretionBases: [{ kind: 'ILLEGAL_GAINS', value: 3000 }] }))).toBe('DISCRETION.BASE_MISSING');
  });

  it('no base for a multiple: 422', () => {
    const policy = withBenchmarks(single('PRODUCT-FAKE', { multipleOf: 'SALES' }));
    const refused = rejected(tryReport(report(5000, 'GENERAL', 3000), policy, 'PRODUCT-FAKE'));
    expect(refused.code).toBe('DISCRETION.BASE_MISSING');
    expect(refused.reason).toContain('sales (销售金额)');
    expect(accepted(report(5000, 'GENERAL', undefined, { discretionBases: [{ kind: 'SALES', value: 3000 }] }), policy, 'PRODUCT-FAKE')).toBe(true);
  });

  it('malformed bases are 400 with their fields', () => {
    const bad = rejected(
      tryReport(
        report(70000, 'GENERAL', undefined, {
          discretionBases: [
            { kind: 'GOODS_VALUE', value: 3000 },
            { kind: 'GOODS_VALUE', value: 1 },
            { kind: 'WEIGHT' as DiscretionBase, value: -1 },
          ],
        }),
      ),
    );
    expect(bad.code).toBe('VALIDATION.FAILED');
    expect(bad.errors?.map((e) => e.field)).toEqual(['discretionBases[1].kind', 'discretionBases[2].kind', 'discretionBases[2].value']);
  });
});

describe('the report: 减轻 (MITIGATED, APL 32) and 不予处罚 (EXEMPT, APL 33)', () => {
  it('a fine below the statutory minimum needs MITIGATED with reasons', () => {
    expect(code(report(49999.99, 'GENERAL', 3000))).toBe('DISCRETION.OUT_OF_RANGE');
    expect(code(report(49999.99, 'MITIGATED', 3000, { discretionReasons: undefined }))).toBe('REPORT.DISCRETION_REASONS_REQUIRED');
    expect(accepted(report(49999.99, 'MITIGATED', 3000))).toBe(true);
    // A warning instead of the fine the law imposes is 减轻 too.
    expect(accepted(report(undefined, 'MITIGATED', 3000))).toBe(true);
    expect(code(report(undefined, 'LIGHTER', 3000))).toBe('DISCRETION.OUT_OF_RANGE');
  });

  it('a MITIGATED fine at or above the statutory minimum is not mitigation: refused, naming the levels to state', () => {
    const refused = rejected(tryReport(report(50000, 'MITIGATED', 3000)));
    expect(refused).toMatchObject({ status: 422, code: 'DISCRETION.NOT_MITIGATION', errors: [{ field: 'circumstanceLevel', message: expect.any(String) }] });
    expect(refused.reason).toContain('LIGHTER, GENERAL or HEAVIER');
    expect(code(report(119999.99 + 0.01, 'MITIGATED', 12000))).toBe('DISCRETION.NOT_MITIGATION');
    expect(accepted(report(119999.99, 'MITIGATED', 12000))).toBe(true);
  });

  it('MITIGATED below the minimum requires legal review (the policy lists it) and collective discussion, with a reason line', () => {
    const r = scenario('FILED');
    r.exec(report(30000, 'MITIGATED', 3000), A);
    expect(r.s.report?.discretion).toMatchObject({ level: 'MITIGATED', mitigatedBelowMinimum: true, statutory: { min: 50000, max: 100000 } });
    expect(r.s.report?.discretion?.range).toBeUndefined();
    expect(r.s.report?.assessment).toMatchObject({ legalReviewRequired: true, collectiveDiscussionRequired: true, hearingOffered: true });
    expect(r.s.report?.assessment.reasons).toContain(
      `collective discussion: 减轻 below the statutory minimum ¥50,000 of the discretion benchmark (APL 32, 57; ${r.s.report?.discretion?.source})`,
    );
    expect(r.s.flags).toEqual(expect.arrayContaining(['MAJOR_DECISION', 'COLLECTIVE_DISCUSSION_REQUIRED']));
  });

  it('collective discussion even where the policy does not list MITIGATED for legal review', () => {
    const base = testPolicy();
    const policy = { ...base, legalReview: { ...base.legalReview, alwaysFor: ['LICENCE_REVOCATION'] } };
    const r = scenario('FILED', policy);
    r.exec(report(5000, 'MITIGATED', 3000), A);
    expect(r.s.report?.assessment).toMatchObject({ legalReviewRequired: false, collectiveDiscussionRequired: true });
  });

  it('EXEMPT proposes no penalty and has no range to be judged in', () => {
    const r = scenario('FILED');
    r.exec(report(undefined, 'EXEMPT', undefined, { proposedOutcome: 'NO_PENALTY', proposedPenalty: undefined }), A);
    expect(r.s.report?.discretion).toBeUndefined();
  });
});

describe('the report: where the policy is silent', () => {
  it('a violation code without a benchmark: any fine, no bases, nothing recorded', () => {
    const r = filed(testPolicy(), 'PRODUCT-FAKE');
    r.exec(report(1, 'GENERAL'), A);
    expect(r.s.report?.discretion).toBeUndefined();
  });

  it('an older policy version with no benchmarks at all', () => {
    const policy: JurisdictionPolicy = { ...testPolicy() };
    delete policy.discretion;
    expect(accepted(report(1, 'GENERAL'), policy)).toBe(true);
  });

  it('a benchmark whose law allows a warning alone (fineRequired false) does not judge a penalty without a fine', () => {
    const policy = withBenchmarks(single('PRODUCT-FAKE', { fineRequired: false }));
    const r = filed(policy, 'PRODUCT-FAKE');
    expect(r.try(report(undefined, 'GENERAL'), A).ok).toBe(true);
    expect(rejected(r.try(report(0.49, 'LIGHTER'), A)).code).toBe('DISCRETION.OUT_OF_RANGE');
  });
});

describe('history recorded before the rule (rulesBefore: discretion-benchmarks) replays as it ran', () => {
  it('accepts a fine outside the range, without bases, and records no finding', () => {
    const r = scenario('FILED');
    expect(code(report(5000, 'GENERAL'))).toBe('DISCRETION.BASE_MISSING');
    expect(code(report(5000, 'GENERAL', 3000))).toBe('DISCRETION.OUT_OF_RANGE');
    expect(code(report(60000, 'MITIGATED', 3000))).toBe('DISCRETION.NOT_MITIGATION');
    const old = legacy(r, report(5000, 'GENERAL'));
    expect(old.ok).toBe(true);
    if (old.ok) expect(old.events[0]).not.toHaveProperty('discretion');
    expect(legacy(r, report(60000, 'MITIGATED', 3000)).ok).toBe(true);
  });

  it('a decision now on a report recorded before the rule is not range-checked: the report has no finding to bind it', () => {
    const before = new CaseRunner(testPolicy(), T0, 'discretion-benchmarks');
    before.exec(C.registerOrdinary(), A);
    before.exec(C.approveFiling(), H);
    before.exec(C.evidence(1, before.now), A);
    before.exec(report(5000, 'GENERAL', undefined), A);
    const r = new CaseRunner(testPolicy(), before.now);
    r.state = before.state;
    r.exec(C.review(), R);
    r.exec(C.approveNotice(), H);
    r.exec(C.notice(r.now, { hearingRightsNotified: false }), A);
    r.exec(C.defence({ hearingWaived: true }), A);
    expect(r.s.report?.discretion).toBeUndefined();
    expect(r.try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 5000 } }), H).ok).toBe(true);
    expect(judgeDecision(undefined, { kinds: ['FINE'], fineAmount: 1 })).toBeNull();
  });
});

describe('the decision: within the statutory range and at most the level', () => {
  /** Reported, reviewed, notified, defence and hearing waived: the decision is next. */
  function readyToDecide(command: CaseCommand): CaseRunner {
    const r = scenario('FILED');
    r.exec(command, A);
    r.exec(C.review(), R);
    r.exec(C.approveNotice(), H);
    r.exec(C.notice(r.now), A);
    r.exec(C.defence({ hearingWaived: true }), A);
    return r;
  }

  it('may be lighter than the level, down to the statutory minimum exactly; one fen below is refused', () => {
    const r = readyToDecide(report(70000, 'GENERAL', 3000));
    expect(r.try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 50000 } }), H).ok).toBe(true);
    const below = rejected(r.try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 49999.99 } }), H));
    expect(below).toMatchObject({ status: 422, code: 'DISCRETION.OUT_OF_RANGE', errors: [{ field: 'penalty.fineAmount', message: 'must be at least ¥50,000' }] });
    expect(below.reason).toContain("the report's GENERAL finding for FOOD-UNLICENSED, band goods value < ¥10,000");
    expect(below.reason).toContain('《食品安全法》art 122');
    // A warning instead of the fine the law imposes is 减轻 as well.
    expect(rejected(r.try(C.decide({ penalty: { kinds: ['WARNING'] } }), H)).code).toBe('DISCRETION.OUT_OF_RANGE');
    expect(decide(r.state, C.decide({ penalty: { kinds: ['FINE'], fineAmount: 49999.99 } }), { ...r.ctx(H), rulesBefore: 'discretion-benchmarks' }).ok).toBe(true);
  });

  it('a NO_PENALTY decision is not a fine to judge', () => {
    const r = readyToDecide(report(70000, 'GENERAL', 3000));
    expect(r.try(C.decide({ outcome: 'NO_PENALTY', penalty: undefined }), H).ok).toBe(true);
  });

  it('never above the level maximum (the notice carries the report\'s fine, so heavier is refused as heavier than the notice first)', () => {
    const finding = { violationCode: 'X', band: 'b', level: 'GENERAL' as const, statutory: { min: 10, max: 100 }, range: { min: 30, max: 70 }, fineRequired: true, source: 's' };
    expect(judgeDecision(finding, { kinds: ['FINE'], fineAmount: 70 })).toBeNull();
    expect(judgeDecision(finding, { kinds: ['FINE'], fineAmount: 70.01 })).toMatchObject({ code: 'DISCRETION.OUT_OF_RANGE', reason: expect.stringContaining('exceeds ¥70') });
    expect(judgeDecision(finding, { kinds: ['FINE'], fineAmount: 10 })).toBeNull();
    expect(judgeDecision({ ...finding, fineRequired: false }, { kinds: ['WARNING'] })).toBeNull();
  });

  it('below the minimum after a MITIGATED report, which carried legal review and collective discussion', () => {
    const r = readyToDecide(report(30000, 'MITIGATED', 3000));
    const missing = rejected(r.try(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 20000 } }), H));
    expect(missing.errors?.map((e) => e.field)).toEqual(['legal-review', 'collective-discussion']);
    r.exec(C.requestLegalReview(), A);
    r.exec(C.legalReview('APPROVE'), R);
    r.exec({ ...C.collective(r.now), attendees: [H, D] }, H);
    r.exec(C.decide({ penalty: { kinds: ['FINE'], fineAmount: 20000 } }), H);
    expect(r.s.decision?.assessment).toMatchObject({ collectiveDiscussionRequired: true, legalReviewRequired: true });
  });
});

describe('the scale of a benchmark band, and where a fine lies on it', () => {
  const policy = testPolicy();

  it('resolves the band the figures pick, in yuan, the way the report is judged', () => {
    expect(discretionScale(policy, 'FOOD-UNLICENSED', [{ kind: 'GOODS_VALUE', value: 3000 }])).toMatchObject({
      statutory: { min: 50000, max: 100000 },
      levels: { LIGHTER: { min: 50000, max: 65000 }, GENERAL: { min: 65000, max: 85000 }, HEAVIER: { min: 85000, max: 100000 } },
    });
    const multiple = discretionScale(policy, 'FOOD-UNLICENSED', [{ kind: 'GOODS_VALUE', value: 12000 }]);
    expect(multiple).toMatchObject({
      statutory: { min: 120000, max: 240000 },
      levels: { LIGHTER: { min: 120000, max: 156000 }, GENERAL: { min: 156000, max: 204000 }, HEAVIER: { min: 204000, max: 240000 } },
      multipleOf: { kind: 'GOODS_VALUE', value: 12000, statutory: { min: 10, max: 20 } },
    });
    // The finding recorded on an accepted report names the same band and ranges.
    const r = filed();
    r.exec(report(130000, 'LIGHTER', 12000), A);
    expect(r.s.report?.discretion).toMatchObject({ band: multiple?.band, statutory: multiple?.statutory, range: multiple?.levels.LIGHTER, source: multiple?.source });
  });

  it('is silent when the policy is, or the figure the band needs is missing', () => {
    expect(discretionScale(policy, 'NO-SUCH-CODE', [])).toBeUndefined();
    expect(discretionScale(policy, 'FOOD-UNLICENSED', undefined)).toBeUndefined();
  });

  it('places a fine within its level, below the statutory minimum (减轻), or outside', () => {
    const finding = { violationCode: 'X', band: 'b', level: 'LIGHTER' as const, statutory: { min: 100, max: 300 }, range: { min: 100, max: 160 }, fineRequired: true, source: 's' };
    expect(finePlacement(finding, 100)).toBe('WITHIN_LEVEL');
    expect(finePlacement(finding, 160)).toBe('WITHIN_LEVEL');
    expect(finePlacement(finding, 160.01)).toBe('OUTSIDE');
    expect(finePlacement(finding, undefined)).toBe('NO_FINE');
    expect(finePlacement({ ...finding, level: 'MITIGATED', range: undefined, mitigatedBelowMinimum: true }, 80)).toBe('BELOW_STATUTORY_MINIMUM');
    expect(finePlacement({ ...finding, range: undefined }, 80)).toBe('OUTSIDE');
    expect(finePlacement({ ...finding, range: undefined }, 250)).toBe('WITHIN_STATUTORY');
  });
});
