import type { DiscretionBand, DiscretionBenchmark, JurisdictionPolicy } from '@zhifa/domain';
import { CALENDAR_2026 } from '@zhifa/domain/policy/calendars-2026';
import { PROSECUTION_STANDARDS } from '@zhifa/domain/policy/prosecution-standards';

// The demo jurisdiction: 长治 market regulation. Every figure is from
// ../shared/domain-spec.md or demo-data.md with its legal source; where the
// law leaves a figure to local rules the spec's example is used and marked.

// 裁量基准. The statutory ranges are the law's (demo-data.md); the split of
// each into 从轻 / 一般 / 从重 is this demo policy's choice, one rule for every
// code: the lower 30 %, the middle 40 % and the upper 30 % of the statutory
// range, boundaries inclusive (a boundary figure belongs to both levels).
const SPLIT = 'split into 从轻/一般/从重 = lower 30 % / middle 40 % / upper 30 % of the statutory range, boundaries inclusive: the demo policy\'s choice, not law';
const MITIGATION = {
  conditions:
    '主动消除或者减轻违法行为危害后果; 受他人胁迫或者诱骗实施违法行为; 主动供述行政机关尚未掌握的违法行为; 配合行政机关查处违法行为有立功表现; 法律、法规、规章规定的其他情形 — 减轻 goes below the statutory minimum, with reasons, legal review and collective discussion',
  source: 'APL 32',
};
const EXEMPTION = {
  conditions: '违法行为轻微并及时改正, 没有造成危害后果的, 不予处罚; 初次违法且危害后果轻微并及时改正的, 可以不予处罚; 当事人有证据足以证明没有主观过错的, 不予处罚',
  source: 'APL 33',
};
/** 《食品安全法》arts 122 and 124: goods value < ¥10,000 → ¥50,000–100,000; ≥ ¥10,000 → 10–20× goods value. */
const FOOD_BANDS: DiscretionBand[] = [
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
];
function benchmark(violationCode: string, legalBasis: string, fields: Pick<DiscretionBenchmark, 'bands' | 'fineRequired'> & Partial<DiscretionBenchmark>): DiscretionBenchmark {
  return { violationCode, legalBasis, mitigation: MITIGATION, exemption: EXEMPTION, source: SPLIT, ...fields };
}

export const DEMO_POLICY: JurisdictionPolicy = {
  version: 'changzhi-market-2026.3',
  jurisdiction: '长治市市场监督管理局',
  timeZone: 'Asia/Shanghai',
  deadlines: {
    filingDecision: { days: 15, kind: 'WORKING', source: 'MSA 18', remindBefore: 3 },
    filingDecisionExtension: { days: 15, kind: 'WORKING', source: 'MSA 18 (head approval)' },
    decision: { days: 90, kind: 'CALENDAR', source: 'APL 60; MSA 63', remindBefore: 10 },
    decisionExtension: { days: 30, kind: 'CALENDAR', source: 'APL 60 (approval); MSA 63' },
    caseReview: { days: 10, kind: 'WORKING', source: 'MSA 49-55 (policy)', remindBefore: 2 },
    defence: { days: 5, kind: 'WORKING', source: 'APL 44-45, 62' },
    hearingNotice: { days: 7, kind: 'WORKING', source: 'APL 64' },
    service: { days: 7, kind: 'WORKING', source: 'APL 61', remindBefore: 2 },
    payment: { days: 15, kind: 'CALENDAR', source: 'APL 67' },
    closure: { days: 15, kind: 'WORKING', source: 'MSA 77', remindBefore: 3 },
    disclosure: { days: 7, kind: 'WORKING', source: '国办发〔2018〕118号 (policy)', remindBefore: 2 },
    disclosureWithdrawal: { days: 3, kind: 'WORKING', source: 'APL 48' },
    simpleReport: { days: 5, kind: 'WORKING', source: 'APL 52 (policy)', remindBefore: 1 },
    // Reminded 2 WD before the preserved items must be decided on (the reminder is a policy choice).
    evidencePreservation: { days: 7, kind: 'WORKING', source: 'APL 56', remindBefore: 2 },
    // 查封扣押: 30 days (ACL 25; calendar days, ACL 69); reminded 3 days before (a policy choice).
    seizure: { days: 30, kind: 'CALENDAR', source: 'ACL 25', remindBefore: 3 },
    // APL 58 sets no period for 法制审核: 5 working days is this demo's choice.
    legalReview: { days: 5, kind: 'WORKING', source: 'APL 58 (period: local choice)', remindBefore: 1 },
    // Counted in months (ACL 53); only the reminder is read from here.
    courtEnforcement: { days: 0, kind: 'CALENDAR', source: 'ACL 53 (3 months from the close of the challenge windows)', remindBefore: 10 },
    reconsiderationWindow: { days: 60, kind: 'CALENDAR', source: 'ARL 20 (60 days from service)' },
    litigationWindow: { days: 0, months: 6, kind: 'CALENDAR', source: 'ALL 46 (6 months from service)' },
  },
  simpleProcedure: { maxFine: { PERSON: 200, ORGANISATION: 3000 }, source: 'APL 51' },
  legalReview: {
    fineAbove: { PERSON: { amount: 10000, inclusive: false }, ORGANISATION: { amount: 100000, inclusive: false } },
    alwaysFor: ['BUSINESS_SUSPENSION', 'LICENCE_REVOCATION', 'MITIGATED'],
    source: 'APL 58; 长治 market regulation legal-review list (不含本数)',
    // APL 58 (2): a decision that went through a hearing is reviewed.
    afterHearing: true,
    // APL 58 ¶3: reviewers hold the legal-review qualification (certificate scope LEGAL_REVIEW in the demo).
    reviewerQualificationScope: 'LEGAL_REVIEW',
  },
  // APL 57: the agency heads together, at least 2 (the quorum is a local choice).
  collectiveDiscussion: { minAttendees: 2, roles: ['AGENCY_HEAD'], source: 'APL 57; MSA (quorum: local choice)' },
  hearing: {
    fineAtLeast: { PERSON: { amount: 5000, inclusive: true }, ORGANISATION: { amount: 100000, inclusive: true } },
    alwaysFor: ['LICENCE_REVOCATION', 'QUALIFICATION_DOWNGRADE', 'BUSINESS_SUSPENSION', 'CLOSURE', 'EMPLOYMENT_BAN'],
    source: 'APL 63; local threshold ¥5,000 / ¥100,000',
  },
  limitationYears: { general: 2, lifeHealthFinancial: 5 },
  // A market regulator imposes every APL 9 kind but detention (行政拘留: public security only, APL 18 ¶3).
  penaltyPowers: {
    kinds: ['WARNING', 'PUBLIC_CRITICISM', 'FINE', 'CONFISCATION', 'LICENCE_SUSPENSION', 'QUALIFICATION_DOWNGRADE', 'LICENCE_REVOCATION', 'ACTIVITY_RESTRICTION', 'BUSINESS_SUSPENSION', 'CLOSURE', 'EMPLOYMENT_BAN', 'OTHER'],
    source: 'APL 9, 18 ¶3 (行政拘留 by public security only)',
  },
  // 立案追诉标准 (R310 3): one figure, a weighted sum, or a count of earlier penalties (docs/lifecycle.md).
  criminalThresholds: [...PROSECUTION_STANDARDS],
  calendars: [CALENDAR_2026],
  violations: [
    {
      code: 'FOOD-UNLICENSED',
      title: 'Producing or trading food without a licence',
      legalBasis: '《食品安全法》第一百二十二条',
      penaltyRange: 'confiscate gains and goods; goods value < ¥10,000: fine ¥50,000–100,000; ≥ ¥10,000: 10–20× goods value',
    },
    {
      code: 'FOOD-ADDITIVE',
      title: 'Food additives beyond scope or limit',
      legalBasis: '《食品安全法》第一百二十四条',
      penaltyRange: 'as art 122 bands; serious: licence revoked',
      criminalHint: '《刑法》第一百四十三条、第一百四十四条 where the food is unsafe or toxic',
    },
    {
      code: 'PRODUCT-FAKE',
      title: 'Adulterated, fake or substandard-as-standard products',
      legalBasis: '《产品质量法》第五十条',
      penaltyRange: 'stop production and sale, confiscate products, fine 50 %–3× goods value, confiscate gains; serious: licence revoked',
      criminalHint: '《刑法》第一百四十条: sales ≥ ¥50,000, or unsold goods ≥ ¥150,000',
    },
    {
      code: 'AIR-EXCESS',
      title: 'Emissions over standard',
      legalBasis: '《大气污染防治法》第九十九条',
      penaltyRange: 'order to correct, restrict or halt production; fine ¥100,000–1,000,000; serious: closure with government approval',
      criminalHint: '《刑法》第三百三十八条 where pollution is serious',
    },
    {
      code: 'SAFETY-TRAINING',
      title: 'No safety training',
      legalBasis: '《安全生产法》(2021) 第九十七条',
      penaltyRange: 'fine up to ¥100,000; not corrected in time: stop for rectification and ¥100,000–200,000',
    },
    {
      code: 'TRAFFIC-RULE',
      title: 'Driver breaks traffic rules',
      legalBasis: '《道路交通安全法》第九十条',
      penaltyRange: 'warning or ¥20–200 (simple procedure)',
    },
    {
      code: 'LAND-OCCUPY',
      title: 'Occupying land without approval',
      legalBasis: '《土地管理法》第七十七条 and its implementing regulation',
      penaltyRange: 'return land, demolish or confiscate, fine per m²',
      criminalHint: '《刑法》第三百四十二条: ≥ 5 mu of basic farmland or ≥ 10 mu of other farmland',
    },
  ],
  // SAFETY-TRAINING has no benchmark yet: its second range (¥100,000–200,000
  // when not corrected in time) depends on a fact, not on a base figure, which
  // the benchmark format cannot express. LAND-OCCUPY has none: its fine per m²
  // is set by the implementing regulation, whose figures demo-data.md does not
  // give. For both the policy is silent and no range is checked.
  discretion: [
    benchmark('FOOD-UNLICENSED', '《食品安全法》第一百二十二条', { bandBase: 'GOODS_VALUE', fineRequired: true, bands: FOOD_BANDS }),
    benchmark('FOOD-ADDITIVE', '《食品安全法》第一百二十四条', { bandBase: 'GOODS_VALUE', fineRequired: true, bands: FOOD_BANDS }),
    benchmark('PRODUCT-FAKE', '《产品质量法》第五十条 (并处货值金额百分之五十以上三倍以下的罚款)', {
      fineRequired: true,
      bands: [
        {
          label: 'any goods value',
          multipleOf: 'GOODS_VALUE',
          statutory: { min: 0.5, max: 3 },
          levels: { LIGHTER: { min: 0.5, max: 1.25 }, GENERAL: { min: 1.25, max: 2.25 }, HEAVIER: { min: 2.25, max: 3 } },
        },
      ],
    }),
    benchmark('AIR-EXCESS', '《大气污染防治法》第九十九条', {
      fineRequired: true,
      bands: [
        {
          label: 'any emission over standard',
          statutory: { min: 100000, max: 1000000 },
          levels: { LIGHTER: { min: 100000, max: 370000 }, GENERAL: { min: 370000, max: 730000 }, HEAVIER: { min: 730000, max: 1000000 } },
        },
      ],
    }),
    benchmark('TRAFFIC-RULE', '《道路交通安全法》第九十条 (警告或者二十元以上二百元以下罚款)', {
      fineRequired: false,
      bands: [
        {
          label: 'any breach',
          statutory: { min: 20, max: 200 },
          levels: { LIGHTER: { min: 20, max: 74 }, GENERAL: { min: 74, max: 146 }, HEAVIER: { min: 146, max: 200 } },
        },
      ],
    }),
  ],
};
