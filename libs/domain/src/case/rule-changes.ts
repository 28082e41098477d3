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
  /** A criminal transfer stops the decision limit at the head's approval, not at the officers' proposal (APL 60, MSA 63). */
  'transfer-pause-at-approval',
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
}

/** Whether `change` judges this command. */
export function inForce(opts: RuleOptions | undefined, change: RuleChange): boolean {
  if (!opts?.rulesBefore) return true;
  return RULE_CHANGES.indexOf(change) < RULE_CHANGES.indexOf(opts.rulesBefore);
}
