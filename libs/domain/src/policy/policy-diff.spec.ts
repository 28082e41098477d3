import { testPolicy } from '../testing/test-policy';
import { policyDiff } from './policy-diff';
import type { JurisdictionPolicy } from './policy.types';

const copy = (): JurisdictionPolicy => JSON.parse(JSON.stringify(testPolicy())) as JurisdictionPolicy;

describe('policyDiff', () => {
  it('finds nothing between a version and itself, member order aside (jsonb keeps its own)', () => {
    const a = testPolicy();
    const b = copy();
    b.deadlines = Object.fromEntries(Object.entries(b.deadlines).reverse()) as JurisdictionPolicy['deadlines'];
    expect(policyDiff(a, b)).toEqual([]);
  });

  it('names each changed, added and removed figure by its path, with before and after', () => {
    const a = testPolicy();
    const b = copy();
    b.version = 'test-2026.2';
    b.deadlines.filingDecision = { ...b.deadlines.filingDecision, days: 10 };
    b.deadlines.hearingRequest = { days: 5, kind: 'WORKING', source: 'APL 64' };
    delete (b.deadlines as Partial<JurisdictionPolicy['deadlines']>).closure;
    b.legalReview.alwaysFor = [...b.legalReview.alwaysFor, 'CLOSURE'];
    expect(policyDiff(a, b)).toEqual([
      { path: 'deadlines.closure', kind: 'removed', before: a.deadlines.closure },
      { path: 'deadlines.filingDecision.days', kind: 'changed', before: 15, after: 10 },
      { path: 'deadlines.hearingRequest', kind: 'added', after: { days: 5, kind: 'WORKING', source: 'APL 64' } },
      // A list of plain values is one value.
      { path: 'legalReview.alwaysFor', kind: 'changed', before: a.legalReview.alwaysFor, after: b.legalReview.alwaysFor },
      { path: 'version', kind: 'changed', before: 'test-2026.1', after: 'test-2026.2' },
    ]);
  });

  it('matches catalogue entries, benchmarks and calendars by their identity, not their place', () => {
    const a = testPolicy();
    const b = copy();
    const added = { code: 'NEW-CODE', title: 't', legalBasis: 'l', penaltyRange: 'r' };
    b.violations.unshift(added);
    b.violations.find((v) => v.code === 'FOOD-UNLICENSED')!.title = 'renamed';
    const [food, ...rest] = b.discretion!;
    b.discretion = [...rest, { ...food, bands: [{ ...food.bands[0], levels: { ...food.bands[0].levels, GENERAL: { min: 60000, max: 85000 } } }, food.bands[1]] }];
    expect(policyDiff(a, b)).toEqual([
      { path: 'discretion[FOOD-UNLICENSED].bands[0].levels.GENERAL.min', kind: 'changed', before: 65000, after: 60000 },
      { path: 'violations[FOOD-UNLICENSED].title', kind: 'changed', before: a.violations[0].title, after: 'renamed' },
      { path: 'violations[NEW-CODE]', kind: 'added', after: added },
    ]);
  });

  it('compares lists without an identity by place', () => {
    const a = testPolicy();
    const b = copy();
    b.criminalThresholds = b.criminalThresholds!.slice(0, -1);
    b.criminalThresholds[0] = { ...b.criminalThresholds[0], amount: 60000 };
    const last = a.criminalThresholds!.length - 1;
    expect(policyDiff(a, b)).toEqual([
      { path: 'criminalThresholds[0].amount', kind: 'changed', before: a.criminalThresholds![0].amount, after: 60000 },
      { path: `criminalThresholds[${last}]`, kind: 'removed', before: a.criminalThresholds![last] },
    ]);
  });

  it('reads a whole section added or removed as one change', () => {
    const a = copy();
    delete a.penaltyPowers;
    const b = testPolicy();
    expect(policyDiff(a, b)).toEqual([{ path: 'penaltyPowers', kind: 'added', after: b.penaltyPowers }]);
    expect(policyDiff(b, a)).toEqual([{ path: 'penaltyPowers', kind: 'removed', before: b.penaltyPowers }]);
  });
});
