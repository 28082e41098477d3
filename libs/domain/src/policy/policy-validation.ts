// What makes a jurisdiction policy unfit to publish, judged as a whole: every
// bad field is named by its path in the document (`deadlines.decision.days`,
// `discretion[0].bands[1].levels.GENERAL`), so an administrator corrects the
// draft in one pass. The policy arrives as JSON from the API: nothing here
// trusts its TypeScript type.

import { calendarProblems } from '../calendar/calendar-validation';
import type { FieldMessage } from '../case/messages';
import { Validator } from '../case/rules/validation';
import { CIRCUMSTANCE_LEVELS, DAY_KINDS, PENALTY_KINDS, ROLES } from '../case/vocabulary';
import { unknownCode, validateCriminalThresholds, validateDiscretion, validateList } from './policy-validation-figures';
import type { JurisdictionPolicy } from './policy.types';

type DeadlineKey = keyof JurisdictionPolicy['deadlines'];

/** Each period a policy may set; true: every policy must set it (the others have a statutory fallback). */
export const POLICY_DEADLINES: Readonly<Record<DeadlineKey, boolean>> = {
  filingDecision: true,
  filingDecisionExtension: true,
  decision: true,
  decisionExtension: true,
  caseReview: true,
  defence: true,
  hearingRequest: false,
  hearingNotice: true,
  service: true,
  payment: true,
  closure: true,
  disclosure: true,
  disclosureWithdrawal: true,
  simpleReport: true,
  evidencePreservation: true,
  legalReview: false,
  courtEnforcement: false,
  reconsiderationWindow: false,
  litigationWindow: false,
  transferApproval: false,
  transferDispatch: false,
  policeFilingDecision: false,
  transferReconsiderationRequest: false,
  transferReconsiderationAnswer: false,
  transferSupervisionRequest: false,
  transferMaterialSupply: false,
  transferHandover: false,
  policeIntakeReview: false,
  supervisionExplanationRequest: false,
  policeNonFilingExplanation: false,
  seizure: false,
};

/** The members of a published policy. `weekendsOnlyWithoutCalendar` is the workflow's alone: never published. */
const POLICY_FIELDS = [
  'version',
  'jurisdiction',
  'timeZone',
  'deadlines',
  'simpleProcedure',
  'legalReview',
  'collectiveDiscussion',
  'hearing',
  'limitationYears',
  'calendars',
  'violations',
  'discretion',
  'penaltyPowers',
  'criminalThresholds',
] as const satisfies readonly (keyof JurisdictionPolicy)[];

/** APL 51: the most a simple procedure may fine on the spot. A policy may set less, never more. */
export const SIMPLE_PROCEDURE_CAP = { PERSON: 200, ORGANISATION: 3000 } as const;

const VERSION_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** The problems of `doc` as a policy to publish; empty when it may be published. */
export function policyProblems(doc: unknown): FieldMessage[] {
  const v = new Validator();
  if (!v.object('', doc)) return v.errors.map((e) => ({ ...e, field: 'policy' }));
  for (const key of Object.keys(doc)) {
    if (!(POLICY_FIELDS as readonly string[]).includes(key)) v.add(key, { en: 'is not a field of a jurisdiction policy', zh: '不是执法政策的字段' });
  }
  if (typeof doc.version === 'string' && !VERSION_RE.test(doc.version)) {
    v.add('version', { en: 'must be 1–100 letters, digits, dots, dashes or underscores', zh: '须为1至100个字母、数字、点、短横线或下划线' });
  } else v.text('version', doc.version);
  v.text('jurisdiction', doc.jurisdiction);
  validateTimeZone(v, doc.timeZone);
  validateDeadlines(v, doc.deadlines);
  const codes = validateViolations(v, doc.violations);
  validateSimpleProcedure(v, doc.simpleProcedure);
  validateLegalReview(v, doc.legalReview, codes);
  validateCollectiveDiscussion(v, doc.collectiveDiscussion);
  if (v.object('hearing', doc.hearing)) {
    validatePartyThresholds(v, 'hearing.fineAtLeast', doc.hearing.fineAtLeast);
    validateList(v, 'hearing.alwaysFor', doc.hearing.alwaysFor, PENALTY_KINDS);
    v.text('hearing.source', doc.hearing.source);
  }
  if (v.object('limitationYears', doc.limitationYears)) {
    const { general, lifeHealthFinancial } = doc.limitationYears;
    v.integer('limitationYears.general', general, { min: 1 }).integer('limitationYears.lifeHealthFinancial', lifeHealthFinancial, { min: 1 });
    if (typeof general === 'number' && typeof lifeHealthFinancial === 'number' && lifeHealthFinancial < general) {
      v.add('limitationYears.lifeHealthFinancial', { en: 'must not be shorter than the general limitation (APL 36)', zh: '不得短于一般追责时效（行政处罚法第三十六条）' });
    }
  }
  validateCalendars(v, doc.calendars);
  validateDiscretion(v, doc.discretion, codes);
  if (v.object('penaltyPowers', doc.penaltyPowers, { optional: true })) {
    validateList(v, 'penaltyPowers.kinds', doc.penaltyPowers.kinds, PENALTY_KINDS, 1);
    v.text('penaltyPowers.source', doc.penaltyPowers.source);
  }
  validateCriminalThresholds(v, doc.criminalThresholds, codes);
  return v.errors;
}

function validateTimeZone(v: Validator, zone: unknown): void {
  if (typeof zone !== 'string' || zone === '') {
    v.text('timeZone', zone);
    return;
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    v.add('timeZone', { en: `${zone} is not an IANA time zone (e.g. Asia/Shanghai)`, zh: `${zone}不是有效的时区（如 Asia/Shanghai）` });
  }
}

function validateDeadlines(v: Validator, deadlines: unknown): void {
  if (!v.object('deadlines', deadlines)) return;
  for (const key of Object.keys(deadlines)) {
    if (!(key in POLICY_DEADLINES)) v.add(`deadlines.${key}`, { en: 'is not a period this engine counts', zh: '不是本系统计算的期限' });
  }
  for (const [key, required] of Object.entries(POLICY_DEADLINES)) {
    const field = `deadlines.${key}`;
    const p = deadlines[key];
    if (!v.object(field, p, { optional: !required })) continue;
    v.integer(`${field}.days`, p.days, { min: 0 }).oneOf(`${field}.kind`, p.kind, DAY_KINDS).text(`${field}.source`, p.source);
    if (p.months !== undefined) {
      v.integer(`${field}.months`, p.months, { min: 1 });
      if (p.kind !== 'CALENDAR') v.add(`${field}.months`, { en: 'counts calendar months: kind must be CALENDAR', zh: '按月计算的期限须为自然日（CALENDAR）' });
    }
    const wallTime = p.seconds !== undefined;
    if (wallTime && (typeof p.seconds !== 'number' || !(p.seconds >= 0))) v.add(`${field}.seconds`, { en: 'must be a non-negative number', zh: '须为非负数' });
    const length = typeof p.seconds === 'number' ? p.seconds : p.days;
    // A period of nothing is only meaningful where only the reminder is read (courtEnforcement), or in months.
    if (key !== 'courtEnforcement' && p.months === undefined && !wallTime && p.days === 0) {
      v.add(`${field}.days`, { en: 'must be at least 1', zh: '不得小于1' });
    }
    if (p.remindBefore !== undefined) {
      // Seconds of wall time (test policies) may be fractional; days are whole.
      if (wallTime) v.amount(`${field}.remindBefore`, p.remindBefore);
      else v.integer(`${field}.remindBefore`, p.remindBefore, { min: 0 });
      if (typeof p.remindBefore === 'number' && typeof length === 'number' && length > 0 && p.remindBefore >= length) {
        v.add(`${field}.remindBefore`, { en: `must be shorter than the period (${length})`, zh: `须短于期限本身（${length}）` });
      }
    }
  }
}

/** The catalogue's codes (for the references elsewhere), after naming each bad provision. */
function validateViolations(v: Validator, violations: unknown): Set<string> {
  const codes = new Set<string>();
  if (!v.array('violations', violations, { min: 1 })) return codes;
  violations.forEach((p, i) => {
    const field = `violations[${i}]`;
    if (!v.object(field, p)) return;
    v.text(`${field}.code`, p.code, { max: 100 }).text(`${field}.title`, p.title).text(`${field}.legalBasis`, p.legalBasis).text(`${field}.penaltyRange`, p.penaltyRange);
    v.text(`${field}.criminalHint`, p.criminalHint, { optional: true });
    if (typeof p.code !== 'string') return;
    if (codes.has(p.code)) v.add(`${field}.code`, { en: `${p.code} is listed twice`, zh: `${p.code}重复列出` });
    codes.add(p.code);
  });
  return codes;
}

function validateSimpleProcedure(v: Validator, sp: unknown): void {
  if (!v.object('simpleProcedure', sp)) return;
  if (v.object('simpleProcedure.maxFine', sp.maxFine)) {
    for (const party of ['PERSON', 'ORGANISATION'] as const) {
      const field = `simpleProcedure.maxFine.${party}`;
      const amount = sp.maxFine[party];
      v.amount(field, amount);
      if (typeof amount === 'number' && amount > SIMPLE_PROCEDURE_CAP[party]) {
        v.add(field, { en: `must not exceed ¥${SIMPLE_PROCEDURE_CAP[party]} (APL 51)`, zh: `不得超过${SIMPLE_PROCEDURE_CAP[party]}元（行政处罚法第五十一条）` });
      }
    }
  }
  v.text('simpleProcedure.source', sp.source);
}

function validateLegalReview(v: Validator, lr: unknown, codes: ReadonlySet<string>): void {
  if (!v.object('legalReview', lr)) return;
  validatePartyThresholds(v, 'legalReview.fineAbove', lr.fineAbove);
  validateList(v, 'legalReview.alwaysFor', lr.alwaysFor, [...PENALTY_KINDS, ...CIRCUMSTANCE_LEVELS]);
  v.text('legalReview.source', lr.source).bool('legalReview.afterHearing', lr.afterHearing, { optional: true });
  v.text('legalReview.reviewerQualificationScope', lr.reviewerQualificationScope, { optional: true });
  if (v.array('legalReview.violationCodes', lr.violationCodes, { optional: true })) {
    lr.violationCodes.forEach((c, i) => unknownCode(v, `legalReview.violationCodes[${i}]`, c, codes));
  }
}

function validateCollectiveDiscussion(v: Validator, cd: unknown): void {
  if (!v.object('collectiveDiscussion', cd, { optional: true })) return;
  v.integer('collectiveDiscussion.minAttendees', cd.minAttendees, { min: 2 });
  validateList(v, 'collectiveDiscussion.roles', cd.roles, ROLES, 1);
  v.text('collectiveDiscussion.source', cd.source).bool('collectiveDiscussion.requiredWithLegalReview', cd.requiredWithLegalReview, { optional: true });
}

function validatePartyThresholds(v: Validator, field: string, t: unknown): void {
  if (!v.object(field, t)) return;
  for (const party of ['PERSON', 'ORGANISATION'] as const) {
    const at = `${field}.${party}`;
    const x = t[party];
    if (!v.object(at, x)) continue;
    v.amount(`${at}.amount`, x.amount).bool(`${at}.inclusive`, x.inclusive);
  }
}

function validateCalendars(v: Validator, calendars: unknown): void {
  if (!v.array('calendars', calendars)) return;
  const years: number[] = [];
  calendars.forEach((c, i) => {
    const field = `calendars[${i}]`;
    if (!v.object(field, c)) return;
    v.integer(`${field}.year`, c.year, { min: 1949 }).text(`${field}.source`, c.source);
    const lists = v.array(`${field}.holidays`, c.holidays) && v.array(`${field}.adjustedWorkingDays`, c.adjustedWorkingDays);
    if (typeof c.year !== 'number' || !lists) return;
    const calendar = { year: c.year, holidays: c.holidays as string[], adjustedWorkingDays: c.adjustedWorkingDays as string[], source: String(c.source) };
    if (years.includes(c.year)) v.add(`${field}.year`, { en: `${c.year} is listed twice`, zh: `${c.year}年重复列出` });
    for (const p of calendarProblems(calendar, [])) v.add(`${field}.${p.field}`, { en: p.en, zh: p.zh });
    years.push(c.year);
  });
}
