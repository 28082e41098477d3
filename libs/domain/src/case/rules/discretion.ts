// 裁量基准 (domain spec §3): the fine a report proposes lies within the range
// of its circumstance level for the band that applies; 减轻 (APL 32) goes below
// the band's statutory minimum only with reasons, and then needs collective
// discussion (and legal review where the policy lists MITIGATED); the decision
// stays within what the report's finding allows. The figures are policy
// (`JurisdictionPolicy.discretion`); a violation code without a benchmark is
// not range-checked.

import type { DiscretionBand, DiscretionBenchmark, FineRange, JurisdictionPolicy } from '../../policy/policy.types';
import type { DecisionAssessment, DiscretionBaseAmount, DiscretionFinding, Penalty } from '../case-records';

export type { DiscretionBaseAmount, DiscretionFinding } from '../case-records';
import { fail, type Fail } from '../rejection';
import { rmbUpper, zhYuan, ZH_BASE, ZH_LEVEL, type Message } from '../messages';
import { BENCHMARK_LEVELS, type BenchmarkLevel, type CircumstanceLevel, DISCRETION_BASES, type DiscretionBase } from '../vocabulary';
import { fen, formatYuan, type Validator } from './validation';

const BASE_WORDS: Record<DiscretionBase, string> = {
  GOODS_VALUE: 'goods value (货值金额)',
  ILLEGAL_GAINS: 'illegal gains (违法所得)',
  SALES: 'sales (销售金额)',
  AREA_M2: 'area in m² (面积)',
  UNSOLD_GOODS_VALUE: 'value of goods not yet sold (尚未销售的货值金额)',
  BASIC_FARMLAND_M2: 'basic farmland occupied, m² (基本农田)',
  OTHER_FARMLAND_M2: 'other cultivated land occupied, m² (基本农田以外的耕地)',
};

export function validateDiscretionBases(v: Validator, field: string, bases: unknown): void {
  if (!v.array(field, bases, { optional: true })) return;
  const seen = new Set<string>();
  (bases as unknown[]).forEach((b, i) => {
    if (!v.object(`${field}[${i}]`, b)) return;
    v.oneOf(`${field}[${i}].kind`, b.kind, DISCRETION_BASES).amount(`${field}[${i}].value`, b.value);
    v.text(`${field}[${i}].note`, b.note, { optional: true });
    if (typeof b.kind === 'string' && seen.has(b.kind)) v.add(`${field}[${i}].kind`, { en: 'is given twice', zh: '重复填写' });
    if (typeof b.kind === 'string') seen.add(b.kind);
  });
}

export function benchmarkFor(policy: JurisdictionPolicy, violationCode: string): DiscretionBenchmark | undefined {
  return policy.discretion?.find((b) => b.violationCode === violationCode);
}

function baseValue(bases: readonly DiscretionBaseAmount[] | undefined, kind: DiscretionBase): number | undefined {
  return bases?.find((b) => b.kind === kind)?.value;
}

// Multiples are resolved to whole fen: the minimum rounds up, the maximum down (never wider than the law).
function toYuan(r: FineRange, multiplier: number | undefined): FineRange {
  if (multiplier === undefined) return { min: r.min, max: r.max };
  const f = fen(multiplier);
  return { min: Math.ceil(r.min * f - 1e-6) / 100, max: Math.floor(r.max * f + 1e-6) / 100 };
}

function describe(raw: FineRange, yuan: FineRange, band: DiscretionBand): Message {
  const inYuan = `${formatYuan(yuan.min)}–${formatYuan(yuan.max)}`;
  const zh = `${zhYuan(yuan.min)}至${zhYuan(yuan.max)}`;
  return band.multipleOf
    ? { en: `${raw.min}–${raw.max}× ${BASE_WORDS[band.multipleOf]} = ${inYuan}`, zh: `${ZH_BASE[band.multipleOf]}的${raw.min}至${raw.max}倍，即${zh}` }
    : { en: inYuan, zh };
}

function missingBase(b: DiscretionBenchmark, kind: DiscretionBase, why: Message): Fail {
  return fail(
    'DISCRETION.BASE_MISSING',
    {
      en: `The discretion benchmark for ${b.violationCode} (${b.legalBasis}) needs the ${BASE_WORDS[kind]} ${why.en}: record it in discretionBases`,
      zh: `违法行为${b.violationCode}（${b.legalBasis}）的裁量基准${why.zh}须用到${ZH_BASE[kind]}：请在裁量基数（discretionBases）中填写`,
    },
    [{ field: 'discretionBases', message: { en: `needs ${kind}`, zh: `须填写${ZH_BASE[kind]}（${kind}）` } }],
  );
}

/** The band of a benchmark that applies to the report's figures, and the multiplier its ranges are multiples of. */
interface ResolvedBand {
  benchmark: DiscretionBenchmark;
  band: DiscretionBand;
  multiplier?: number;
}

function resolveBand(policy: JurisdictionPolicy, violationCode: string, bases: readonly DiscretionBaseAmount[] | undefined): ResolvedBand | Fail | null {
  const b = benchmarkFor(policy, violationCode);
  if (!b) return null;
  let band: DiscretionBand | undefined;
  if (b.bands.some((x) => x.from !== undefined || x.below !== undefined)) {
    const kind = b.bandBase;
    const value = kind ? baseValue(bases, kind) : undefined;
    if (kind && value === undefined) return missingBase(b, kind, { en: 'to choose the band', zh: '确定适用档次' });
    band = b.bands.find((x) => (x.from === undefined || fen(value ?? 0) >= fen(x.from)) && (x.below === undefined || fen(value ?? 0) < fen(x.below)));
  } else {
    band = b.bands[0];
  }
  if (!band) return null; // no band for this value: the policy is silent
  if (!band.multipleOf) return { benchmark: b, band };
  const multiplier = baseValue(bases, band.multipleOf);
  if (multiplier === undefined) {
    return missingBase(b, band.multipleOf, {
      en: `(band ${band.label}: ${band.statutory.min}–${band.statutory.max}× ${BASE_WORDS[band.multipleOf]})`,
      zh: `（${band.label}档：${ZH_BASE[band.multipleOf]}的${band.statutory.min}至${band.statutory.max}倍）`,
    });
  }
  return { benchmark: b, band, multiplier };
}

/** The whole scale of the band a report's figures fall in, in yuan: its statutory range and each level's range. */
export interface DiscretionScale {
  violationCode: string;
  band: string;
  statutory: FineRange;
  levels: Record<BenchmarkLevel, FineRange>;
  /** The ranges are multiples of this figure of the report (e.g. 10–20× goods value). */
  multipleOf?: { kind: DiscretionBase; value: number; statutory: FineRange; levels: Record<BenchmarkLevel, FineRange> };
  source: string;
}

/**
 * The band the report's figures fall in under the policy's benchmark, resolved
 * to yuan the way judgeReport resolves it (the same band, the same rounding).
 * Undefined when the policy is silent or the figures it needs are missing.
 */
export function discretionScale(policy: JurisdictionPolicy, violationCode: string, bases: readonly DiscretionBaseAmount[] | undefined): DiscretionScale | undefined {
  const r = resolveBand(policy, violationCode, bases);
  if (!r || 'code' in r) return undefined;
  const { benchmark: b, band, multiplier } = r;
  const levels = Object.fromEntries(BENCHMARK_LEVELS.map((l) => [l, toYuan(band.levels[l], multiplier)])) as Record<BenchmarkLevel, FineRange>;
  const scale: DiscretionScale = { violationCode, band: band.label, statutory: toYuan(band.statutory, multiplier), levels, source: `${b.legalBasis}; ${b.source}` };
  if (band.multipleOf && multiplier !== undefined) {
    scale.multipleOf = { kind: band.multipleOf, value: multiplier, statutory: { ...band.statutory }, levels: copyLevels(band.levels) };
  }
  return scale;
}

function copyLevels(levels: Record<BenchmarkLevel, FineRange>): Record<BenchmarkLevel, FineRange> {
  return Object.fromEntries(BENCHMARK_LEVELS.map((l) => [l, { min: levels[l].min, max: levels[l].max }])) as Record<BenchmarkLevel, FineRange>;
}

/** Where a proposed fine lies against the report's finding. */
export type FinePlacement =
  /** No fine proposed (e.g. a warning alone, which the law allows). */
  | 'NO_FINE'
  /** Within the range of the level the report found. */
  | 'WITHIN_LEVEL'
  /** Below the band's statutory minimum: 减轻 (APL 32). */
  | 'BELOW_STATUTORY_MINIMUM'
  /** Within the statutory range; the finding names no level range. */
  | 'WITHIN_STATUTORY'
  /** Outside what the finding allows (a report judged under other rules). */
  | 'OUTSIDE';

export const FINE_PLACEMENTS = ['NO_FINE', 'WITHIN_LEVEL', 'BELOW_STATUTORY_MINIMUM', 'WITHIN_STATUTORY', 'OUTSIDE'] as const satisfies readonly FinePlacement[];

export function finePlacement(finding: DiscretionFinding, fine: number | undefined): FinePlacement {
  const f = fen(fine ?? 0);
  if (f === 0) return 'NO_FINE';
  if (f < fen(finding.statutory.min)) return finding.level === 'MITIGATED' ? 'BELOW_STATUTORY_MINIMUM' : 'OUTSIDE';
  if (finding.range) return f >= fen(finding.range.min) && f <= fen(finding.range.max) ? 'WITHIN_LEVEL' : 'OUTSIDE';
  return f <= fen(finding.statutory.max) ? 'WITHIN_STATUTORY' : 'OUTSIDE';
}

/**
 * Judges the report's proposed fine against the benchmark for the case's
 * violation code. Returns null when there is nothing to judge (no benchmark,
 * no penalty, EXEMPT), the finding to record, or the refusal.
 */
export function judgeReport(
  policy: JurisdictionPolicy,
  violationCode: string,
  level: CircumstanceLevel,
  penalty: Penalty | undefined,
  bases: readonly DiscretionBaseAmount[] | undefined,
): { finding: DiscretionFinding } | { fail: Fail } | null {
  if (!benchmarkFor(policy, violationCode) || !penalty || level === 'EXEMPT') return null;
  const resolved = resolveBand(policy, violationCode, bases);
  if (!resolved) return null;
  if ('code' in resolved) return { fail: resolved };
  const { benchmark: b, band, multiplier } = resolved;

  const statutory = toYuan(band.statutory, multiplier);
  const source = `${b.legalBasis}; ${b.source}`;
  const fine = penalty.fineAmount ?? 0;
  const finding: DiscretionFinding = { violationCode, band: band.label, level, statutory, fineRequired: b.fineRequired, source };
  const statutoryRange = describe(band.statutory, statutory, band);
  const where = `band ${band.label}, statutory ${statutoryRange.en} (${source})`;
  const whereZh = `适用${band.label}档，法定幅度为${statutoryRange.zh}（${source}）`;

  if (fine === 0 && !b.fineRequired) return { finding }; // e.g. a warning alone, which the law allows
  if (level === 'MITIGATED') {
    if (fine > 0 && fen(fine) >= fen(statutory.min)) {
      return {
        fail: fail(
          'DISCRETION.NOT_MITIGATION',
          {
            en: `A fine of ${formatYuan(fine)} is within the statutory range, so it is not 减轻 (APL 32): state the level (LIGHTER, GENERAL or HEAVIER) it belongs to; ${where}`,
            zh: `罚款${zhYuan(fine)}在法定幅度之内，不属于减轻处罚（《行政处罚法》第32条）：请填写其所属的裁量等级（从轻、一般或从重）；${whereZh}`,
          },
          [{ field: 'circumstanceLevel', message: { en: 'MITIGATED means below the statutory minimum', zh: '减轻处罚（MITIGATED）是指低于法定最低限额' } }],
        ),
      };
    }
    return { finding: { ...finding, mitigatedBelowMinimum: true } };
  }
  const lvl = level as BenchmarkLevel;
  if (!BENCHMARK_LEVELS.includes(lvl)) return null;
  const range = toYuan(band.levels[lvl], multiplier);
  if (fen(fine) < fen(range.min) || fen(fine) > fen(range.max)) {
    return {
      fail: fail(
        'DISCRETION.OUT_OF_RANGE',
        {
          en: `The proposed fine ${formatYuan(fine)} is outside the ${lvl} range ${describe(band.levels[lvl], range, band).en} of the discretion benchmark for ${violationCode}: ${where}${
            fen(fine) < fen(statutory.min) ? '; below the statutory minimum only MITIGATED (减轻, APL 32) with reasons' : ''
          }`,
          zh: `拟罚款${zhYuan(fine)}超出违法行为${violationCode}裁量基准中“${ZH_LEVEL[lvl]}”的幅度${describe(band.levels[lvl], range, band).zh}：${whereZh}${
            fen(fine) < fen(statutory.min) ? '；低于法定最低限额的，只能在说明理由后减轻处罚（《行政处罚法》第32条）' : ''
          }`,
        },
        [
          {
            field: 'proposedPenalty.fineAmount',
            message: { en: `must be within ${formatYuan(range.min)}–${formatYuan(range.max)} for ${lvl}`, zh: `“${ZH_LEVEL[lvl]}”的罚款须在${zhYuan(range.min)}至${zhYuan(range.max)}之间` },
          },
        ],
      ),
    };
  }
  return { finding: { ...finding, range } };
}

/**
 * The decision's fine against the report's finding: lighter than the report's
 * level is lawful (a defence point may be adopted), but never below the band's
 * statutory minimum unless the report found 减轻 with reasons (which carried its
 * legal review and collective discussion), and never above the level's maximum.
 */
export function judgeDecision(finding: DiscretionFinding | undefined, penalty: Penalty | undefined): Fail | null {
  if (!finding || !penalty) return null;
  const fine = penalty.fineAmount ?? 0;
  const where = `the report's ${finding.level} finding for ${finding.violationCode}, band ${finding.band}, statutory ${formatYuan(finding.statutory.min)}–${formatYuan(finding.statutory.max)} (${finding.source})`;
  const whereZh = `调查终结报告对违法行为${finding.violationCode}认定为“${ZH_LEVEL[finding.level]}”，适用${finding.band}档，法定幅度为${zhYuan(finding.statutory.min)}至${zhYuan(finding.statutory.max)}（${finding.source}）`;
  if (finding.level !== 'MITIGATED' && (fine > 0 || finding.fineRequired) && fen(fine) < fen(finding.statutory.min)) {
    const min = finding.statutory.min;
    return fail(
      'DISCRETION.OUT_OF_RANGE',
      {
        en: `The decided fine ${formatYuan(fine)} is below the statutory minimum ${formatYuan(min)}: that is 减轻 (APL 32), which needs a report finding MITIGATED with reasons; ${where}`,
        zh: `决定罚款${zhYuan(fine)}低于法定最低限额${zhYuan(min)}（${rmbUpper(min)}），属于减轻处罚（《行政处罚法》第32条），须调查终结报告认定减轻并说明理由；${whereZh}`,
      },
      [{ field: 'penalty.fineAmount', message: { en: `must be at least ${formatYuan(min)}`, zh: `不得低于${zhYuan(min)}` } }],
    );
  }
  const max = finding.range?.max ?? finding.statutory.max;
  if (fen(fine) > fen(max)) {
    return fail(
      'DISCRETION.OUT_OF_RANGE',
      {
        en: `The decided fine ${formatYuan(fine)} exceeds ${formatYuan(max)}, the most ${where} allows`,
        zh: `决定罚款${zhYuan(fine)}超过${zhYuan(max)}（${rmbUpper(max)}），即${whereZh}所允许的最高额`,
      },
      [{ field: 'penalty.fineAmount', message: { en: `must be at most ${formatYuan(max)}`, zh: `不得高于${zhYuan(max)}` } }],
    );
  }
  return null;
}

/** 减轻 below a benchmark's minimum is discussed collectively (APL 57; issue 8 item 5), whatever the legal-review list says. */
export function withDiscretion(a: DecisionAssessment, finding: DiscretionFinding | undefined): DecisionAssessment {
  if (!finding?.mitigatedBelowMinimum) return a;
  return {
    ...a,
    collectiveDiscussionRequired: true,
    reasons: [
      ...a.reasons,
      `collective discussion: 减轻 below the statutory minimum ${formatYuan(finding.statutory.min)} of the discretion benchmark (APL 32, 57; ${finding.source})`,
    ],
  };
}
