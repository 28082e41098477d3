// The jurisdiction policy: every figure that varies by place or changes over
// time. Stored versioned in Postgres; a case pins the version it was
// registered under and carries this snapshot in its workflow input (the
// holiday calendars travel beside it, resolved by year).

import type { BenchmarkLevel, DayKind, DiscretionBase, PenaltyKind, Role } from '../case/vocabulary';

export type { BenchmarkLevel, DayKind, DiscretionBase, PartyType } from '../case/vocabulary';

/** Period of a deadline: a number of working or calendar days, or (tests, demos) seconds. */
export interface PeriodSpec {
  days: number;
  kind: DayKind;
  /** Months before the days (CALENDAR only): the same day number of the last month, or its last day (ALL 46's 6 months). */
  months?: number;
  /** Legal source, e.g. "MSA 18" — shown in the deadline basis. */
  source: string;
  /** When set, the period is this many seconds of wall time instead of days (test policies only). */
  seconds?: number;
  /** Reminder before the limit: working/calendar days, or seconds when `seconds` is set. */
  remindBefore?: number;
}

export interface HolidayCalendarYear {
  year: number;
  /** Days off, YYYY-MM-DD (public holidays, including weekend days inside a holiday block). */
  holidays: string[];
  /** Weekend days that are working days (调休上班), YYYY-MM-DD. */
  adjustedWorkingDays: string[];
  /** Who published it, e.g. "国务院办公厅 2025-11-04 notice on 2026 holidays". */
  source: string;
}

export interface AmountThreshold {
  amount: number;
  /** true: amount itself counts ("以上" including the figure); false: strictly greater ("不含本数"). */
  inclusive: boolean;
}

export interface PartyThresholds {
  PERSON: AmountThreshold;
  ORGANISATION: AmountThreshold;
}

export interface ViolationProvision {
  code: string;
  title: string;
  legalBasis: string;
  penaltyRange: string;
  criminalHint?: string;
}

/** A fine range, both ends inclusive: yuan, or multiples of the band's `multipleOf` base. */
export interface FineRange {
  min: number;
  max: number;
}

/**
 * One band of a benchmark: the statutory fine range where the benchmark's
 * `bandBase` lies in [from, below) — e.g. goods value < ¥10,000 (不足一万元)
 * and ≥ ¥10,000 (一万元以上) — and its split into levels.
 */
export interface DiscretionBand {
  /** Shown in refusals and on the report, e.g. "goods value ≥ ¥10,000". */
  label: string;
  /** The band applies from this value of `bandBase` (inclusive); absent: from 0. */
  from?: number;
  /** ... and below this value (exclusive); absent: no upper end. */
  below?: number;
  /** The ranges are multiples of this base (e.g. 10–20× GOODS_VALUE); absent: yuan. */
  multipleOf?: DiscretionBase;
  /** What the law allows (APL 32 减轻 goes below `min`). */
  statutory: FineRange;
  /** 从轻 / 一般 / 从重: each inside `statutory`; adjacent levels may share a boundary. */
  levels: Record<BenchmarkLevel, FineRange>;
}

/**
 * 裁量基准 for one violation code (domain spec §3). A report proposing a
 * penalty must state a fine within its level's range for the applicable band,
 * and record the bases the benchmark needs; the decision stays within the
 * statutory range and at most the level's maximum. No benchmark for a code:
 * the policy is silent and no range is checked.
 */
export interface DiscretionBenchmark {
  violationCode: string;
  /** Legal source of the statutory ranges, e.g. "《食品安全法》第一百二十二条". */
  legalBasis: string;
  /** The base whose value picks the band; needed when a band has `from` or `below`. */
  bandBase?: DiscretionBase;
  /** The law imposes a fine with any penalty (并处罚款): a penalty without one is 减轻. false: e.g. "warning or fine". */
  fineRequired: boolean;
  bands: DiscretionBand[];
  /** 减轻处罚: the conditions, and their source (APL 32). */
  mitigation: { conditions: string; source: string };
  /** 不予处罚: the conditions, and their source (APL 33). */
  exemption: { conditions: string; source: string };
  /** Who set the split into levels, e.g. "split 30 % / 40 % / 30 %: this policy's choice". */
  source: string;
}

/**
 * A prosecution threshold (立案追诉标准) for one violation code: facts of the
 * case at or past which it is a suspected crime, flagged SUSPECTED_CRIME until
 * it is transferred or a head decides, with reasons, not to transfer (R310 3,
 * 11). Three shapes, as the standards write them: one figure (sales ≥
 * ¥50,000; basic farmland ≥ 5 mu), a weighted sum of figures (sales × 3 +
 * unsold goods ≥ ¥150,000), or a count of earlier administrative penalties
 * (twice within two years, and again). Stored versions written before the
 * shapes had only the first, without `rule`: it still reads as a figure.
 */
export type CriminalThreshold = FigureThreshold | WeightedSumThreshold | RepeatThreshold;

interface ThresholdCommon {
  violationCode: string;
  /** The limit: yuan, square metres, mu (see `unit`), or a count of earlier penalties. */
  amount: number;
  /** true: the amount itself counts ("以上"); false: strictly greater. */
  inclusive: boolean;
  /** The offence, e.g. "《刑法》第一百四十条 生产、销售伪劣产品罪". */
  offence: string;
  /** Where the limit is set, down to its item, e.g. "《立案追诉标准（一）》第十六条第（一）项". */
  source: string;
}

/** One figure of the case (a discretion base a report or an evidence item records) against a limit. */
export interface FigureThreshold extends ThresholdCommon {
  rule?: 'FIGURE';
  /** The figure compared, e.g. SALES (销售金额) in yuan, BASIC_FARMLAND_M2 in square metres. */
  kind: DiscretionBase;
  /**
   * The unit of `amount` when it is not the figure's own: MU (亩) for an area
   * recorded in m² — the law counts farmland in mu; 1 mu = 10,000/15 m²
   * (≈ 666.67 m²). Absent: the figure's unit (yuan, m²).
   */
  unit?: 'MU';
}

/**
 * Σ weight × figure against a limit, e.g. 已销售金额 × 3 + 尚未销售的货值金额
 * ≥ ¥150,000. `whileBelow` keeps it to the case the law means ("销售金额不满五万元"):
 * a figure at or past that bound is another threshold's.
 */
export interface WeightedSumThreshold extends ThresholdCommon {
  rule: 'WEIGHTED_SUM';
  terms: { kind: DiscretionBase; weight: number }[];
  whileBelow?: { kind: DiscretionBase; amount: number };
}

/**
 * Earlier administrative penalties for the same kind of act: `amount` of them
 * (e.g. 2, inclusive) decided within `withinMonths` before this act, and the
 * party does it again. The penalties are the case's recorded facts (each with
 * its decision number, agency and date: see PriorPenalty).
 */
export interface RepeatThreshold extends ThresholdCommon {
  rule: 'REPEAT';
  withinMonths: number;
  /** What makes an earlier act "the same kind", as the standard words it (the officer judges it when recording one). */
  sameKind: string;
}

export interface JurisdictionPolicy {
  version: string;
  jurisdiction: string;
  timeZone: string;
  deadlines: {
    filingDecision: PeriodSpec;
    filingDecisionExtension: PeriodSpec;
    decision: PeriodSpec;
    decisionExtension: PeriodSpec;
    caseReview: PeriodSpec;
    defence: PeriodSpec;
    /** APL 64: a hearing is requested within 5 days of the notice; the defence period when absent. */
    hearingRequest?: PeriodSpec;
    hearingNotice: PeriodSpec;
    service: PeriodSpec;
    payment: PeriodSpec;
    closure: PeriodSpec;
    disclosure: PeriodSpec;
    disclosureWithdrawal: PeriodSpec;
    simpleReport: PeriodSpec;
    evidencePreservation: PeriodSpec;
    /**
     * 法制审核: the reviewer's opinion is due this long after the request (or a
     * reassignment). APL 58 sets no period; when absent, LEGAL_REVIEW_FALLBACK
     * in deadlines.ts (5 working days, reminder 1 day before) — a policy choice.
     */
    legalReview?: PeriodSpec;
    /**
     * 申请法院强制执行 (ACL 53): three months from the close of the challenge
     * windows, counted by the calendar in months. Only `remindBefore` (and, in
     * test policies, `seconds`) is read; absent: COURT_ENFORCEMENT_REMINDER.
     */
    courtEnforcement?: PeriodSpec;
    /** 复议 window (ARL 20: 60 days from service). Absent: the statutory period. */
    reconsiderationWindow?: PeriodSpec;
    /** 诉讼 window (ALL 46: 6 months from service). Absent: the statutory period. */
    litigationWindow?: PeriodSpec;
    /** R310's limits on a criminal transfer; absent: R310_PERIODS in deadlines.ts (the regulation's own). */
    transferApproval?: PeriodSpec;
    transferDispatch?: PeriodSpec;
    policeFilingDecision?: PeriodSpec;
    transferReconsiderationRequest?: PeriodSpec;
    transferReconsiderationAnswer?: PeriodSpec;
    transferSupervisionRequest?: PeriodSpec;
    transferMaterialSupply?: PeriodSpec;
    transferHandover?: PeriodSpec;
    policeIntakeReview?: PeriodSpec;
    supervisionExplanationRequest?: PeriodSpec;
    policeNonFilingExplanation?: PeriodSpec;
    /** 查封扣押 (ACL 25: 30 days, calendar). Absent: the statutory period (SEIZURE_FALLBACK in deadlines.ts). */
    seizure?: PeriodSpec;
  };
  simpleProcedure: {
    /** Maximum fine decided on the spot, inclusive (APL 51). */
    maxFine: { PERSON: number; ORGANISATION: number };
    source: string;
  };
  legalReview: {
    /** APL 58 (4), the agency's review list: a fine above these (inclusive or not) needs review. */
    fineAbove: PartyThresholds;
    /** Penalty kinds and circumstance levels on the review list (e.g. LICENCE_REVOCATION, MITIGATED). */
    alwaysFor: string[];
    source: string;
    /** APL 58 (2): a decision that went through a hearing (one was held) needs review. Absent: only the list decides. */
    afterHearing?: boolean;
    /** APL 58 (4): violation codes other laws or the agency's list always send to review. Absent: none. */
    violationCodes?: string[];
    /**
     * APL 58 ¶3: the qualification a legal reviewer's certificate must carry
     * (法律职业资格 for first-time reviewers), matched against the certificate's
     * `scope` (equal, or the scope begins with it and ':'). Absent: any valid certificate.
     */
    reviewerQualificationScope?: string;
  };
  /**
   * 集体讨论 (APL 57): who attends and how many. Absent: at least 2 distinct
   * AGENCY_HEADs of the case's agency (COLLECTIVE_DISCUSSION_FALLBACK in
   * rules/pre-decision.ts). Never fewer than 2: a discussion of one is not collective.
   */
  collectiveDiscussion?: {
    minAttendees: number;
    /** Each attendee holds one of these roles in the case's agency. */
    roles: Role[];
    source: string;
    /** Required for every decision that needs legal review (MSA; absent: true). */
    requiredWithLegalReview?: boolean;
  };
  hearing: { fineAtLeast: PartyThresholds; alwaysFor: string[]; source: string };
  /** Limitation on prosecuting a violation, in years (APL 36). */
  limitationYears: { general: number; lifeHealthFinancial: number };
  /**
   * The holiday calendars a count uses. Calendars are published data of their
   * own, resolved by year (the holiday_calendars table): the case workflow
   * hands the domain a view of the policy with the published calendars here
   * (withCalendars, policy/calendar-view.ts). A stored version's own list is
   * read only by workflows started before calendars left the policy, and by
   * the API's previews of a command.
   */
  calendars: HolidayCalendarYear[];
  /**
   * Set only by the case workflow for a run started before the fallback knew
   * the fixed statutory days off (patch 'calendar-fallback-fixed-days'): a
   * year without a calendar then counts weekends only, as it did.
   */
  weekendsOnlyWithoutCalendar?: boolean;
  violations: ViolationProvision[];
  /**
   * Discretion benchmarks per violation code. Optional: older stored versions
   * have none, and a code without one is not range-checked (the policy is silent).
   */
  discretion?: DiscretionBenchmark[];
  /**
   * The penalty kinds the agency may impose (APL 18–20: its statutory powers;
   * 行政拘留 is the police's alone). A report, notice or decision proposing
   * another kind is refused. Absent (older stored versions): every kind.
   */
  penaltyPowers?: { kinds: PenaltyKind[]; source: string };
  /**
   * Prosecution thresholds per violation code, checked where figures arrive
   * (the investigation report's bases, an evidence item's amounts). Absent
   * (older stored versions) or no entry for a code: only an officer's flag
   * or a report proposing transfer raises SUSPECTED_CRIME.
   */
  criminalThresholds?: CriminalThreshold[];
}

