// What an archived case still records (补充归档): the party's challenges and
// their outcomes, which the law lets arrive after the file is closed (a
// lawsuit within 6 months of service, ALL 46; a court's judgment after
// that). Nothing else in an archived case changes (MSA 78–79). Judged so
// since the 'challenge-effects' rule change; docs/architecture.md tells how
// the case's workflow takes them.

import type { CommandType } from './case-commands';
import { inForce, type RuleOptions } from './rule-changes';

export const SUPPLEMENT_COMMANDS: readonly CommandType[] = ['RECORD_CHALLENGE'];

/** A command an archived case accepts as a supplement. */
export function isSupplement(type: string, rules?: RuleOptions): boolean {
  return inForce(rules, 'challenge-effects') && (SUPPLEMENT_COMMANDS as readonly string[]).includes(type);
}
