import { testPolicy } from '../testing/test-policy';
import { policyProblems } from './policy-validation';
import type { JurisdictionPolicy } from './policy.types';

const fields = (doc: unknown) => policyProblems(doc).map((p) => p.field);

/** A deep copy of the test policy to spoil. */
const draft = (): JurisdictionPolicy => JSON.parse(JSON.stringify(testPolicy())) as JurisdictionPolicy;

describe('policyProblems', () => {
  it('finds nothing wrong with the test policy, in days or in seconds', () => {
    expect(policyProblems(testPolicy())).toEqual([]);
    expect(policyProblems(testPolicy({ seconds: true }))).toEqual([]);
  });

  it('names every bad field at once, by its path, in both languages', () => {
    const p = draft() as unknown as Record<string, unknown> & JurisdictionPolicy;
    p.deadlines.filingDecision.days = -3;
    (p.deadlines.decision as { source?: string }).source = undefined;
    p.discretion![0].bands[0].levels.GENERAL = { min: 85000, max: 65000 };
    p.criminalThresholds![0].violationCode = 'NO-SUCH-CODE';
    p.violations[1].legalBasis = '';
    const problems = policyProblems(JSON.parse(JSON.stringify(p)));
    expect(problems.map((x) => x.field)).toEqual([
      'deadlines.filingDecision.days',
      'deadlines.decision.source',
      'violations[1].legalBasis',
      'discretion[0].bands[0].levels.GENERAL',
      'criminalThresholds[0].violationCode',
    ]);
    expect(problems[3].message).toEqual({ en: 'is inverted: min 85000 is above max 65000', zh: '上下限颠倒：下限85000高于上限65000' });
    expect(problems[4].message.en).toBe("NO-SUCH-CODE is not a violation code of this policy's catalogue");
  });

  it('refuses what is not a policy, and fields it does not know (a typo is not silently ignored)', () => {
    expect(fields(null)).toEqual(['policy']);
    expect(fields([])).toEqual(['policy']);
    const p = { ...draft(), deadline: {}, weekendsOnlyWithoutCalendar: true };
    expect(fields(p)).toEqual(['deadline', 'weekendsOnlyWithoutCalendar']);
    const q = draft();
    (q.deadlines as Record<string, unknown>).filingApproval = { days: 5, kind: 'WORKING', source: 'x' };
    expect(fields(q)).toEqual(['deadlines.filingApproval']);
  });

  it('requires the periods without a fallback, and each period whole', () => {
    const p = draft();
    delete (p.deadlines as Partial<JurisdictionPolicy['deadlines']>).defence;
    p.deadlines.service = { days: 0, kind: 'DAYS' as 'WORKING', source: 'APL 61', remindBefore: 7 };
    p.deadlines.payment = { days: 0, months: 1, kind: 'WORKING', source: 'APL 67' };
    expect(fields(p)).toEqual(['deadlines.defence', 'deadlines.service.kind', 'deadlines.service.days', 'deadlines.payment.months']);
    const q = draft();
    q.deadlines.closure = { ...q.deadlines.closure, remindBefore: 15 };
    expect(policyProblems(q)).toEqual([{ field: 'deadlines.closure.remindBefore', message: { en: 'must be shorter than the period (15)', zh: '须短于期限本身（15）' } }]);
  });

  it('checks the version, the time zone, the law’s caps and the limitation years', () => {
    const p = { ...draft(), version: 'bad version/1', timeZone: 'Mars/Olympus' };
    p.simpleProcedure = { maxFine: { PERSON: 500, ORGANISATION: 3000 }, source: 'APL 51' };
    p.limitationYears = { general: 2, lifeHealthFinancial: 1 };
    expect(fields(p)).toEqual(['version', 'timeZone', 'simpleProcedure.maxFine.PERSON', 'limitationYears.lifeHealthFinancial']);
  });

  it('checks references to the catalogue and the vocabularies: review list, hearing kinds, powers, quorum', () => {
    const p = draft();
    p.legalReview = { ...p.legalReview, alwaysFor: ['MITIGATED', 'LICENSE_REVOKE'], violationCodes: ['FOOD-UNLICENSED', 'GHOST'] };
    p.hearing = { ...p.hearing, alwaysFor: ['MITIGATED'] };
    p.penaltyPowers = { kinds: [], source: '' };
    p.collectiveDiscussion = { minAttendees: 1, roles: ['AGENCY_HEAD'], source: 'APL 57' };
    expect(fields(p)).toEqual([
      'legalReview.alwaysFor[1]',
      'legalReview.violationCodes[1]',
      'collectiveDiscussion.minAttendees',
      'hearing.alwaysFor[0]',
      'penaltyPowers.kinds',
      'penaltyPowers.source',
    ]);
  });

  it('checks the benchmarks: known code once, bands that meet, levels inside the statutory range, a base for bands', () => {
    const p = draft();
    const [food] = p.discretion!;
    p.discretion!.push(JSON.parse(JSON.stringify(food)) as typeof food);
    food.bandBase = undefined;
    food.bands[1] = { ...food.bands[1], from: 20000, statutory: { min: 10, max: 20 } };
    food.bands[0].levels.HEAVIER = { min: 85000, max: 120000 };
    expect(fields(p)).toEqual([
      'discretion[0].bandBase',
      'discretion[0].bands[0].levels.HEAVIER',
      'discretion[0].bandBase',
      'discretion[0].bands[1].from',
      `discretion[${p.discretion!.length - 1}].violationCode`,
    ]);
  });

  it('checks the prosecution thresholds of each shape', () => {
    const p = draft();
    const base = { violationCode: 'PRODUCT-FAKE', amount: 5, inclusive: true, offence: '《刑法》', source: 's' };
    p.criminalThresholds = [
      { ...base, kind: 'WEIGHT' as 'SALES' },
      { ...base, rule: 'WEIGHTED_SUM', terms: [] },
      { ...base, rule: 'REPEAT', withinMonths: 0, sameKind: '' },
      { ...base, amount: 0, kind: 'SALES' },
    ];
    expect(fields(p)).toEqual([
      'criminalThresholds[0].kind',
      'criminalThresholds[1].terms',
      'criminalThresholds[2].withinMonths',
      'criminalThresholds[2].sameKind',
      'criminalThresholds[3].amount',
    ]);
  });

  it('checks each calendar with the calendar rules, and a year listed once', () => {
    const p = draft();
    p.calendars = [...p.calendars, { ...p.calendars[0], holidays: ['2026-02-30'], adjustedWorkingDays: [] }];
    expect(fields(p)).toEqual(['calendars[1].year', 'calendars[1].holidays[0]']);
  });
});
