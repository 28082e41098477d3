// A jurisdiction policy for tests and demos, built only from the figures in
// /work/shared/demo-data.md and the domain spec (no invented numbers). The
// periods are real days; pass { seconds: true } for a wall-clock variant a
// Temporal test environment can run through quickly.

import { CALENDAR_2026 } from '../policy/calendars-2026';
import { PROSECUTION_STANDARDS } from '../policy/prosecution-standards';
import type { JurisdictionPolicy, PeriodSpec } from '../policy/policy.types';
import { R310_PERIODS } from '../case/deadlines';

type Deadlines = JurisdictionPolicy['deadlines'];

export function testPolicy(opts: { seconds?: boolean; version?: string } = {}): JurisdictionPolicy {
  const deadlines: Deadlines = {
    filingDecision: { days: 15, kind: 'WORKING', source: 'MSA 18', remindBefore: 3 },
    filingDecisionExtension: { days: 15, kind: 'WORKING', source: 'MSA 18 (head approval)' },
    decision: { days: 90, kind: 'CALENDAR', source: 'APL 60', remindBefore: 10 },
    decisionExtension: { days: 30, kind: 'CALENDAR', source: 'APL 60 (head approval; further extensions: collective discussion, policy)' },
    caseReview: { days: 10, kind: 'WORKING', source: 'MSA 49 (policy)' },
    defence: { days: 5, kind: 'WORKING', source: 'APL 45, 62, 64' },
    hearingNotice: { days: 7, kind: 'WORKING', source: 'APL 64' },
    service: { days: 7, kind: 'WORKING', source: 'APL 61', remindBefore: 2 },
    payment: { days: 15, kind: 'CALENDAR', source: 'APL 67', remindBefore: 3 },
    closure: { days: 15, kind: 'WORKING', source: 'MSA 77', remindBefore: 3 },
    disclosure: { days: 7, kind: 'WORKING', source: '国办发〔2018〕118号' },
    disclosureWithdrawal: { days: 3, kind: 'WORKING', source: 'APL 48' },
    // APL 52 leaves the period to the agency; 3 WD is this test policy's choice.
    simpleReport: { days: 3, kind: 'WORKING', source: 'APL 52 (period: policy)', remindBefore: 1 },
    // Reminded 2 WD before the preserved items must be decided on (the reminder is a policy choice).
    evidencePreservation: { days: 7, kind: 'WORKING', source: 'APL 56', remindBefore: 2 },
    // 查封扣押: 30 days (ACL 25; calendar days, ACL 69); reminded 3 days before (a policy choice).
    seizure: { days: 30, kind: 'CALENDAR', source: 'ACL 25', remindBefore: 3 },
    // APL 58 sets no period for 法制审核: 5 WD is this test policy's choice.
    legalReview: { days: 5, kind: 'WORKING', source: 'APL 58 (period: policy)', remindBefore: 1 },
    ...R310_PERIODS,
    // Counted in months (ACL 53); only the reminder is read from here.
    courtEnforcement: { days: 0, kind: 'CALENDAR', source: 'ACL 53 (3 months from the close of the challenge windows)', remindBefore: 10 },
    reconsiderationWindow: { days: 60, kind: 'CALENDAR', source: 'ARL 20' },
    litigationWindow: { days: 0, months: 6, kind: 'CALENDAR', source: 'ALL 46' },
  };
  if (opts.seconds) {
    // One "day" = 10 s; reminders one "day" before.
    for (const key of Object.keys(deadlines) as (keyof Deadlines)[]) {
      const p: PeriodSpec | undefined = deadlines[key];
      if (!p) continue;
      // A period already in wall time (R310's 24 hours) keeps its reminder's share of a day; a month counts as 30 "days" here.
      const remind = p.remindBefore === undefined ? undefined : p.seconds !== undefined ? (p.remindBefore / 86_400) * 10 : p.remindBefore * 10;
      deadlines[key] = { ...p, seconds: (p.days + (p.months ?? 0) * 30) * 10, ...(remind !== undefined ? { remindBefore: remind } : {}) };
    }
  }
  return {
    version: opts.version ?? (opts.seconds ? 'test-2026.1-seconds' : 'test-2026.1'),
    jurisdiction: '长治市市场监督管理局 (test policy)',
    timeZone: 'Asia/Shanghai',
    deadlines,
    simpleProcedure: { maxFine: { PERSON: 200, ORGANISATION: 3000 }, source: 'APL 51' },
    legalReview: {
      // 长治 market regulation: "above" the figure, 不含本数.
      fineAbove: { PERSON: { amount: 10000, inclusive: false }, ORGANISATION: { amount: 100000, inclusive: false } },
      alwaysFor: ['BUSINESS_SUSPENSION', 'LICENCE_REVOCATION', 'MITIGATED'],
      source: 'APL 58; 长治 market regulation legal-review list',
      // APL 58 ¶3: the certificate scope of a legal-review qualification (a test figure).
      reviewerQualificationScope: 'LEGAL_REVIEW',
    },
    hearing: {
      // Police rule art 123: person ≥ ¥2,000, organisation ≥ ¥10,000.
      fineAtLeast: { PERSON: { amount: 2000, inclusive: true }, ORGANISATION: { amount: 10000, inclusive: true } },
      alwaysFor: ['QUALIFICATION_DOWNGRADE', 'LICENCE_REVOCATION', 'BUSINESS_SUSPENSION', 'CLOSURE', 'EMPLOYMENT_BAN'],
      source: 'APL 63; police rule art 123 amounts',
    },
    limitationYears: { general: 2, lifeHealthFinancial: 5 },
    // Market regulation imposes every APL 9 kind but detention (行政拘留: police only, APL 18 ¶3).
    penaltyPowers: {
      kinds: ['WARNING', 'PUBLIC_CRITICISM', 'FINE', 'CONFISCATION', 'LICENCE_SUSPENSION', 'QUALIFICATION_DOWNGRADE', 'LICENCE_REVOCATION', 'ACTIVITY_RESTRICTION', 'BUSINESS_SUSPENSION', 'CLOSURE', 'EMPLOYMENT_BAN', 'OTHER'],
      source: 'APL 9, 18 (行政拘留 by public security only)',
    },
    // 立案追诉标准 (R310 3): one figure, a weighted sum, or a count of earlier penalties (docs/lifecycle.md).
    criminalThresholds: [...PROSECUTION_STANDARDS],
    calendars: [CALENDAR_2026],
    violations: [
      {
        code: 'FOOD-UNLICENSED',
        title: 'Producing or trading food without a licence',
        legalBasis: '《食品安全法》art 122',
        penaltyRange: 'confiscate gains and goods; goods value < ¥10,000: fine ¥50,000–100,000; ≥ ¥10,000: 10–20× goods value',
      },
      {
        code: 'FOOD-ADDITIVE',
        title: 'Food additives beyond scope or limit',
        legalBasis: '《食品安全法》art 124',
        penaltyRange: 'as art 122 bands; serious: licence revoked',
        criminalHint: '《刑法》143/144 where the food is unsafe or toxic',
      },
      {
        code: 'PRODUCT-FAKE',
        title: 'Adulterated, fake or substandard-as-standard products',
        legalBasis: '《产品质量法》art 50',
        penaltyRange: 'stop production and sale, confiscate products, fine 50 %–3× goods value, confiscate gains; serious: licence revoked',
        criminalHint: '《刑法》140: sales ≥ ¥50,000, or unsold goods ≥ ¥150,000 (立案追诉标准)',
      },
      {
        code: 'AIR-EXCESS',
        title: 'Emissions over standard',
        legalBasis: '《大气污染防治法》art 99',
        penaltyRange: 'order to correct, restrict or halt production; fine ¥100,000–1,000,000; serious: closure with government approval',
        criminalHint: '《刑法》338 where pollution is serious',
      },
      {
        code: 'SAFETY-TRAINING',
        title: 'No safety training',
        legalBasis: '《安全生产法》(2021) art 97',
        penaltyRange: 'fine up to ¥100,000; not corrected in time: stop for rectification and ¥100,000–200,000',
      },
      {
        code: 'TRAFFIC-RULE',
        title: 'Driver breaks traffic rules',
        legalBasis: '《道路交通安全法》art 90',
        penaltyRange: 'warning or ¥20–200 (simple procedure)',
      },
      {
        code: 'LAND-OCCUPY',
        title: 'Occupying land without approval',
        legalBasis: '《土地管理法》art 77 and its implementing regulation',
        penaltyRange: 'return land, demolish or confiscate, fine per m²',
        criminalHint: '《刑法》342: e.g. ≥ 5 mu of basic farmland or ≥ 10 mu of other farmland',
      },
    ],
    // The statutory bands of art 122; the split into levels (lower 30 % / middle 40 % / upper 30 %,
    // boundaries inclusive) is this test policy's choice, as in the demo policy. Other codes: silent.
    discretion: [
      {
        violationCode: 'FOOD-UNLICENSED',
        legalBasis: '《食品安全法》art 122',
        bandBase: 'GOODS_VALUE',
        fineRequired: true,
        bands: [
          {
            label: 'goods value < ¥10,000',
            below: 10000,
            statutory: { min: 50000, max: 100000 },
            levels: { LIGHTER: { min: 50000, max: 65000 }, GENERAL: { min: 65000, max: 85000 }, HEAVIER: { min: 85000, max: 100000 } },
          },
          {
            label: 'goods value ≥ ¥10,000',
            from: 10000,
            multipleOf: 'GOODS_VALUE',
            statutory: { min: 10, max: 20 },
            levels: { LIGHTER: { min: 10, max: 13 }, GENERAL: { min: 13, max: 17 }, HEAVIER: { min: 17, max: 20 } },
          },
        ],
        mitigation: { conditions: 'APL 32 circumstances (e.g. 主动消除或者减轻违法行为危害后果)', source: 'APL 32' },
        exemption: { conditions: 'APL 33 circumstances (违法行为轻微并及时改正, 没有造成危害后果)', source: 'APL 33' },
        source: 'split 30 % / 40 % / 30 % of the statutory range, boundaries inclusive: the test policy\'s choice',
      },
    ],
  };
}
