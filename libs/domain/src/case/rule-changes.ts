// The changes of the rules under running cases, oldest first. Each is a
// Temporal patch id in the case workflow: a command recorded before a change
// replays under the rules it ran with (docs/architecture.md, "Rules that
// change under running cases"). Add a new change at the end, never in between,
// and record a stored history with it (docs/development.md).

export const RULE_CHANGES = [
  /** The pre-decision steps in order; the decision bound to the investigation and the notice; people conflicts. */
  'lawful-decisions',
  /** The hearing-request window runs apart from the defence window (APL 64). */
  'hearing-window',
  /** A head approves the pre-decision notice; a heavier penalty is notified again. */
  'notice-approval',
  /** Legal review: all APL 58 triggers, a named qualified reviewer, its time limit, reassignment. */
  'legal-review-assignment',
  /** Discretion benchmarks (裁量基准) bind the report, the notice and the decision. */
  'discretion-benchmarks',
  /** The decision carries the APL 59 contents built from the case, and owes the steps its own assessment requires. */
  'decision-contents',
  /** R310's time limits on a criminal transfer are deadlines; the police's receipt moves the case to TRANSFER_RECEIVED. */
  'r310-limits',
  /** The on-the-spot decision checks the limitation (APL 36) and records the party's statement and defence (APL 44–45). */
  'simple-exits',
  /** One fine per act (APL 29): a second fine for the same party and violation needs a reasoned override. */
  'one-fine-per-act',
  /** Payments name their collector (罚缴分离, APL 67) and may include the late surcharge (APL 72). */
  'execution-ledger',
  /** A challenge's outcome takes effect (revoked: nothing due; varied: the new amount); archiving waits for pending challenges, which an archived case records as supplements. */
  'challenge-effects',
  /**
   * Evidence after the report (the party's in defence or hearing, supplementary by officers) without wiping the
   * notice; the rights notice at the first collection (APL 55); confiscated property as items, not money; penalty
   * kinds limited to the agency's powers; auxiliary drafts count once two officers confirm them.
   */
  'evidence-after-report',
  /** A criminal transfer stops the decision limit at the head's approval, not at the officers' proposal (APL 60, MSA 63). */
  'transfer-pause-at-approval',
  /**
   * Police and procuratorate liaisons act only on transfers dispatched to their own body (R310 8, 9, 14), and their
   * acts (receipt, filing decision, reconsideration answer, supervision result) record that body.
   */
  'liaison-bodies',
  /** The report's figures are held against the policy's prosecution thresholds: one reached flags SUSPECTED_CRIME, so no penalty is decided until a transfer or a head's reasoned decision not to transfer (R310 3, 11). */
  'criminal-thresholds',
  /**
   * A transfer may be proposed from any point the law allows: a lead under verification, a suspended case, a
   * decided one (R310 11, APL 35); the police's filing notice starts R310 12's hand-over limit.
   */
  'transfer-from-any-point',
  /**
   * The police's receipt arms their 24 hours to forward or ask for missing material (R310 7); a supervision request
   * arms the procuratorate's 7 days to ask the police to explain their refusal, and it orders filing only after that
   * explanation was asked for and given (or its 7 days ran out); no resolution while the explanation is awaited.
   */
  'transfer-body-limits',
  /**
   * A forwarding re-addresses the transfer (R310 7): the competent unit's liaisons act on it from then on, the
   * forwarding unit only reads it.
   */
  'forward-readdresses',
  /**
   * Prosecution thresholds judge the lead's figures at registration and the party's earlier penalties (recorded at
   * registration or with an evidence item; repeat-offence thresholds count them, also at the report).
   */
  'threshold-facts',
  /** No officer recused from the case is named to the transfer team (R310 5, APL 43). */
  'transfer-team-recusal',
  /**
   * Archiving in two steps: ARCHIVE records the request (ARCHIVING); the archive job builds the signed package and
   * reports its hash (RECORD_ARCHIVE_PACKAGE), which records CASE_ARCHIVED and seals the case.
   */
  'archive-package',
  /**
   * 事后公示: a penalty decision of the ordinary procedure owes its publication within the policy's working days
   * (118号), withheld for a minor or on the head's stated ground; a challenge that revokes, changes or voids a
   * published decision owes its withdrawal within 3 working days (APL 48). Closing no longer cancels either.
   */
  'disclosure',
] as const;
export type RuleChange = (typeof RULE_CHANGES)[number];

/** Which rules judge a command: the current law, unless the workflow replays a command recorded before `rulesBefore`. */
export interface RuleOptions {
  /**
   * The first change absent from the history of the command being replayed:
   * it and every later change do not apply. Set only by the case workflow
   * while it replays; never by the API, never for a new command.
   */
  rulesBefore?: RuleChange;
  /**
   * The changes absent from the history of the command being replayed, each
   * judged on its own: changes built side by side may land in any order, so
   * a history can hold a later change without an earlier one. Set only by
   * the case workflow while it replays; it wins over `rulesBefore`.
   */
  rulesAbsent?: readonly RuleChange[];
}

/** Only the replay options of `opts`, to hand on. */
export function ruleOptions(opts: RuleOptions): RuleOptions {
  return { ...(opts.rulesBefore ? { rulesBefore: opts.rulesBefore } : {}), ...(opts.rulesAbsent ? { rulesAbsent: opts.rulesAbsent } : {}) };
}

/** Whether `change` judges this command. */
export function inForce(opts: RuleOptions | undefined, change: RuleChange): boolean {
  if (opts?.rulesAbsent) return !opts.rulesAbsent.includes(change);
  if (!opts?.rulesBefore) return true;
  return RULE_CHANGES.indexOf(change) < RULE_CHANGES.indexOf(opts.rulesBefore);
}
