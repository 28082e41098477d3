// APL 29 (一事不二罚): the API resolves the other cases against the same party
// for the same violation from the read model and hands them to the command, as
// it resolves the people a command names; the domain judges the list.

import type { Party, SameActCase } from '@zhifa/domain';
import type { CaseEntity, CaseReadRepository } from '@zhifa/persistence';

/** The other open or decided cases of this case's party and violation. */
export function sameActOf(cases: CaseReadRepository, row: CaseEntity): Promise<SameActCase[]> {
  return cases.sameAct(row.party as unknown as Party, row.violationCode, row.id);
}
