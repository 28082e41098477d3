// The jurisdiction policy: every figure that varies by place or changes over
// time. Stored versioned in Postgres; a case pins the version it was
// registered under and carries this snapshot in its workflow input.

import type { DayKind } from '../case/vocabulary';

export type { DayKind, PartyType } from '../case/vocabulary';

/** Period of a deadline: a number of working or calendar days, or (tests, demos) seconds. */
export interface PeriodSpec {
  days: number;
  kind: DayKind;
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
  };
  simpleProcedure: {
    /** Maximum fine decided on the spot, inclusive (APL 51). */
    maxFine: { PERSON: number; ORGANISATION: number };
    source: string;
  };
  legalReview: { fineAbove: PartyThresholds; alwaysFor: string[]; source: string };
  hearing: { fineAtLeast: PartyThresholds; alwaysFor: string[]; source: string };
  /** Limitation on prosecuting a violation, in years (APL 36). */
  limitationYears: { general: number; lifeHealthFinancial: number };
  calendars: HolidayCalendarYear[];
  violations: ViolationProvision[];
}

