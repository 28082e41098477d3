// The classes of refusal mean one thing each (docs/api: 409 = wrong state,
// see allowedActions; 422 = content the law refuses). Every 409 comes from a
// command's gate (its `from` guards), so a command whose gate lets it through
// is never answered 409 by its handler: an action that allowedActions offers
// is never refused for the state the case is in.

import { commands as C, people, SCENARIO_NAMES, scenario, type CaseRunner } from '../testing/case-fixtures';
import { executionRunners, fixtureCommands, spoiled } from '../testing/command-probes';
import { withLapsedPreservation, withMeasures } from '../testing/measure-fixtures';
import type { CaseCommand } from './case-commands';
import { REJECTION_CODES } from './command-table';
import { gate } from './gate';

/** Content the law refuses, sent where the state would allow the command: 422, never 409. */
function contentRefused(now: string): CaseCommand[] {
  return [
    C.simpleDecide(now, { penalty: { kinds: ['FINE'], fineAmount: 5000 } }),
    C.simpleDecide(now, { penalty: { kinds: ['FINE', 'LICENCE_REVOCATION'], fineAmount: 100 } }),
    C.decide({ penalty: { kinds: ['FINE', 'WARNING'], fineAmount: 99_000 } }),
    C.pay(99_999_999, now),
    C.extend('payment'),
    C.challenge(now, 'DECIDED', 'UPHELD'),
  ];
}

/** Every fixture command, each spoiled field by field, and the content refusals above. */
function probes(now: string): CaseCommand[] {
  const all = fixtureCommands(now);
  return [...all, ...all.flatMap(spoiled), ...contentRefused(now)];
}

const ACTORS = [people.officerA, people.officerB, people.head, people.reviewer, people.host, people.police, people.procurator, people.auxiliary];

describe('a 409 means only "not in this state": it never comes from a handler', () => {
  it('the domain answers 409 with state codes and 422 with content codes', () => {
    const conflicts = Object.entries(REJECTION_CODES).filter(([, status]) => status === 409).map(([code]) => code);
    expect(conflicts).toEqual(expect.arrayContaining(['CASE.TRANSITION_NOT_ALLOWED', 'DEADLINE.EXPIRED', 'HEARING.WAIVED']));
    expect(REJECTION_CODES['CASE.SIMPLE_FINE_EXCEEDS_LIMIT']).toBe(422);
    expect(REJECTION_CODES['DECISION.STEPS_OWED']).toBe(422);
  });

  const extra: Record<string, () => CaseRunner> = {
    'a case holding measures': withMeasures,
    'a lapsed preservation': withLapsedPreservation,
    'unpaid past its period': () => executionRunners()[0],
    'unpaid and demanded': () => executionRunners()[1],
    'under a pending challenge': () => executionRunners()[2],
  };
  const runners: [string, () => CaseRunner][] = [...SCENARIO_NAMES.map((n): [string, () => CaseRunner] => [n, () => scenario(n)]), ...Object.entries(extra)];

  it.each(runners)('in %s, a command its gate admits is refused, if at all, as 400, 403 or 422', (name, make) => {
    const r = make(); // decide() is pure: one case serves every probe
    const conflicts: string[] = [];
    let judged = 0;
    for (const cmd of probes(r.now)) {
      for (const actor of ACTORS) {
        if (r.state === null || gate(r.s, cmd, actor, { now: r.now, policy: r.policy }) !== null) continue;
        judged++;
        const d = r.try(cmd, actor);
        if (!d.ok && d.rejection.status === 409) conflicts.push(`${cmd.type} by ${actor.userId}: ${d.rejection.code}`);
      }
    }
    expect([...new Set(conflicts)]).toEqual([]);
    // Archived, or being archived: no person may act (the archive job reports; a supplement is probed elsewhere).
    if (!name.endsWith('ARCHIVED') && name !== 'ARCHIVING') expect(judged).toBeGreaterThan(0);
  });
});
