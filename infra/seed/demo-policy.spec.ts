import { BENCHMARK_LEVELS, policyProblems, type DiscretionBand } from '@zhifa/domain';
import { testPolicy } from '@zhifa/domain/testing/test-policy';
import { DEMO_POLICY } from './demo-policy';

// The demo's discretion benchmarks: every code in the catalogue, and every band
// split by the one stated rule — the lower 30 %, the middle 40 % and the upper
// 30 % of the statutory range, boundaries inclusive.

const round = (n: number) => Math.round(n * 1e6) / 1e6;

function expectSplit(band: DiscretionBand): void {
  const { min, max } = band.statutory;
  const width = max - min;
  expect(band.levels).toEqual({
    LIGHTER: { min, max: round(min + 0.3 * width) },
    GENERAL: { min: round(min + 0.3 * width), max: round(max - 0.3 * width) },
    HEAVIER: { min: round(max - 0.3 * width), max },
  });
}

describe.each([
  ['demo policy', DEMO_POLICY],
  ['test policy', testPolicy()],
])('the %s benchmarks', (_name, policy) => {
  const benchmarks = policy.discretion ?? [];

  it('belong to codes in the catalogue, once each, and say the split is a policy choice', () => {
    const codes = benchmarks.map((b) => b.violationCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const b of benchmarks) {
      expect(policy.violations.map((v) => v.code)).toContain(b.violationCode);
      expect(b.source).toMatch(/choice/);
      expect(b.mitigation.source).toBe('APL 32');
      expect(b.exemption.source).toBe('APL 33');
    }
  });

  it.each(benchmarks.flatMap((b) => b.bands.map((band) => [b.violationCode, band.label, band] as const)))('%s, %s: 30 / 40 / 30 % of the statutory range', (_code, _label, band) => {
    expectSplit(band);
    for (const level of BENCHMARK_LEVELS) expect(band.levels[level].min).toBeLessThanOrEqual(band.levels[level].max);
  });

  it('bands of one benchmark meet without gap or overlap, and name the base that picks them', () => {
    for (const b of benchmarks) {
      if (b.bands.length < 2) continue;
      expect(b.bandBase).toBeDefined();
      for (let i = 1; i < b.bands.length; i++) expect(b.bands[i].from).toBe(b.bands[i - 1].below);
    }
  });
});

it('the demo policy has benchmarks for the food, product, air and traffic codes (the others are silent, see lifecycle.md)', () => {
  expect(DEMO_POLICY.discretion?.map((b) => b.violationCode)).toEqual(['FOOD-UNLICENSED', 'FOOD-ADDITIVE', 'PRODUCT-FAKE', 'AIR-EXCESS', 'TRAFFIC-RULE']);
  const food = DEMO_POLICY.discretion?.[0];
  expect(food?.bands.map((b) => [b.from, b.below, b.multipleOf, b.statutory])).toEqual([
    [undefined, 10000, undefined, { min: 50000, max: 100000 }],
    [10000, undefined, 'GOODS_VALUE', { min: 10, max: 20 }],
  ]);
});

it('the demo prosecution thresholds belong to codes in the catalogue and name their offence and the item of their source', () => {
  const thresholds = DEMO_POLICY.criminalThresholds ?? [];
  expect(thresholds.map((t) => [t.violationCode, t.rule ?? 'FIGURE'])).toEqual([
    ['PRODUCT-FAKE', 'FIGURE'],
    ['PRODUCT-FAKE', 'FIGURE'],
    ['PRODUCT-FAKE', 'WEIGHTED_SUM'],
    ['LAND-OCCUPY', 'FIGURE'],
    ['LAND-OCCUPY', 'FIGURE'],
    ['AIR-EXCESS', 'REPEAT'],
  ]);
  for (const t of thresholds) {
    expect(DEMO_POLICY.violations.map((v) => v.code)).toContain(t.violationCode);
    expect(t.offence).toMatch(/^《刑法》第.+条/);
    expect(t.source).toMatch(/第[^条]+条(第.款)?第（.）项/);
  }
  // The demo and test policies judge alike.
  expect(testPolicy().criminalThresholds).toEqual(thresholds);
});

it('the demo policy passes the checks a published version must pass (POST /admin/policies)', () => {
  expect(policyProblems(DEMO_POLICY)).toEqual([]);
});
