// The figures of a policy to publish that refer to its catalogue: discretion
// benchmarks (裁量基准) and prosecution thresholds (立案追诉标准). A benchmark's
// ranges must be the right way round and nest (level inside statutory), its
// bands must meet without gap or overlap, and every code must be in the
// catalogue. See policy-validation.ts for the whole.

import type { Validator } from '../case/rules/validation';
import { BENCHMARK_LEVELS, DISCRETION_BASES } from '../case/vocabulary';

/** An array whose every item is one of `values` (each bad one named by its index). */
export function validateList(v: Validator, field: string, list: unknown, values: readonly string[], min = 0): void {
  if (!v.array(field, list, { min })) return;
  list.forEach((x, i) => v.oneOf(`${field}[${i}]`, x, values));
}

/** A reference to a violation code the policy's catalogue must list. */
export function unknownCode(v: Validator, field: string, code: unknown, codes: ReadonlySet<string>): void {
  if (typeof code !== 'string' || code === '') v.text(field, code);
  else if (!codes.has(code)) v.add(field, { en: `${code} is not a violation code of this policy's catalogue`, zh: `${code}不是本政策违法行为目录中的代码` });
}

interface Range {
  min: number;
  max: number;
}

/** A fine range, both ends non-negative numbers and min ≤ max; the range when it is one. */
function range(v: Validator, field: string, r: unknown): Range | undefined {
  if (!v.object(field, r)) return undefined;
  const before = v.errors.length;
  v.amount(`${field}.min`, r.min).amount(`${field}.max`, r.max);
  if (v.errors.length > before) return undefined;
  const { min, max } = r as unknown as Range;
  if (min > max) {
    v.add(field, { en: `is inverted: min ${min} is above max ${max}`, zh: `上下限颠倒：下限${min}高于上限${max}` });
    return undefined;
  }
  return { min, max };
}

function conditions(v: Validator, field: string, c: unknown): void {
  if (!v.object(field, c)) return;
  v.text(`${field}.conditions`, c.conditions).text(`${field}.source`, c.source);
}

export function validateDiscretion(v: Validator, discretion: unknown, codes: ReadonlySet<string>): void {
  if (!v.array('discretion', discretion, { optional: true })) return;
  const seen = new Set<string>();
  discretion.forEach((b, i) => {
    const field = `discretion[${i}]`;
    if (!v.object(field, b)) return;
    unknownCode(v, `${field}.violationCode`, b.violationCode, codes);
    if (typeof b.violationCode === 'string') {
      if (seen.has(b.violationCode)) v.add(`${field}.violationCode`, { en: `${b.violationCode} has a benchmark already`, zh: `${b.violationCode}已有裁量基准` });
      seen.add(b.violationCode);
    }
    v.text(`${field}.legalBasis`, b.legalBasis).text(`${field}.source`, b.source).bool(`${field}.fineRequired`, b.fineRequired);
    v.oneOf(`${field}.bandBase`, b.bandBase, DISCRETION_BASES, { optional: true });
    conditions(v, `${field}.mitigation`, b.mitigation);
    conditions(v, `${field}.exemption`, b.exemption);
    if (!v.array(`${field}.bands`, b.bands, { min: 1 })) return;
    let previousBelow: unknown;
    b.bands.forEach((band, j) => {
      const at = `${field}.bands[${j}]`;
      if (!v.object(at, band)) return;
      v.text(`${at}.label`, band.label).oneOf(`${at}.multipleOf`, band.multipleOf, DISCRETION_BASES, { optional: true });
      v.amount(`${at}.from`, band.from, { optional: true }).amount(`${at}.below`, band.below, { optional: true });
      if ((band.from !== undefined || band.below !== undefined) && b.bandBase === undefined) {
        v.add(`${field}.bandBase`, { en: 'is required: a band has a from or below figure to compare it with', zh: '为必填项：分档须有据以比较的基数' });
      }
      if (typeof band.from === 'number' && typeof band.below === 'number' && band.from >= band.below) {
        v.add(at, { en: `is inverted: from ${band.from} is not below ${band.below}`, zh: `分档颠倒：起点${band.from}不低于终点${band.below}` });
      }
      if (j > 0 && band.from !== previousBelow) {
        v.add(`${at}.from`, { en: `must be where the band before ends (${String(previousBelow)}): bands meet without gap or overlap`, zh: `须等于上一档的终点（${String(previousBelow)}），各档之间不得有空档或重叠` });
      }
      previousBelow = band.below;
      const statutory = range(v, `${at}.statutory`, band.statutory);
      if (!v.object(`${at}.levels`, band.levels)) return;
      for (const level of BENCHMARK_LEVELS) {
        const r = range(v, `${at}.levels.${level}`, band.levels[level]);
        if (r && statutory && (r.min < statutory.min || r.max > statutory.max)) {
          v.add(`${at}.levels.${level}`, {
            en: `must lie within the statutory range ${statutory.min}–${statutory.max}`,
            zh: `须在法定幅度${statutory.min}至${statutory.max}之内`,
          });
        }
      }
    });
  });
}

export function validateCriminalThresholds(v: Validator, thresholds: unknown, codes: ReadonlySet<string>): void {
  if (!v.array('criminalThresholds', thresholds, { optional: true })) return;
  thresholds.forEach((t, i) => {
    const field = `criminalThresholds[${i}]`;
    if (!v.object(field, t)) return;
    unknownCode(v, `${field}.violationCode`, t.violationCode, codes);
    v.amount(`${field}.amount`, t.amount, { positive: true }).bool(`${field}.inclusive`, t.inclusive);
    v.text(`${field}.offence`, t.offence).text(`${field}.source`, t.source);
    const rule = t.rule ?? 'FIGURE';
    v.oneOf(`${field}.rule`, rule, ['FIGURE', 'WEIGHTED_SUM', 'REPEAT'] as const);
    if (rule === 'FIGURE') {
      v.oneOf(`${field}.kind`, t.kind, DISCRETION_BASES).oneOf(`${field}.unit`, t.unit, ['MU'] as const, { optional: true });
    } else if (rule === 'WEIGHTED_SUM') {
      if (v.array(`${field}.terms`, t.terms, { min: 1 })) {
        t.terms.forEach((term, j) => {
          if (!v.object(`${field}.terms[${j}]`, term)) return;
          v.oneOf(`${field}.terms[${j}].kind`, term.kind, DISCRETION_BASES).amount(`${field}.terms[${j}].weight`, term.weight, { positive: true });
        });
      }
      if (v.object(`${field}.whileBelow`, t.whileBelow, { optional: true })) {
        v.oneOf(`${field}.whileBelow.kind`, t.whileBelow.kind, DISCRETION_BASES).amount(`${field}.whileBelow.amount`, t.whileBelow.amount, { positive: true });
      }
    } else if (rule === 'REPEAT') {
      v.integer(`${field}.withinMonths`, t.withinMonths, { min: 1 }).text(`${field}.sameKind`, t.sameKind);
    }
  });
}
