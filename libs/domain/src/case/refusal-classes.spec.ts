// The classes of refusal mean one thing each (docs/api: 409 = wrong state,
// see allowedActions; 422 = content the law refuses). Every 409 comes from a
// command's gate (its `from` guards), so a command whose gate lets it through
// is never answered 409 by its handler: an action that allowedActions offers
// is never refused for the state the case is in.

import { commands as C, people, plus, DAY, SCENARIO_NAMES, scenario, type CaseRunner } from '../testing/case-fixtures';
import type { CaseCommand } from './case-commands';
import { REJECTION_CODES } from './command-table';
import { gate } from './gate';

/** One well-formed command of each kind, built for the runner's clock. */
function samples(r: CaseRunner): CaseCommand[] {
  const now = r.now;
  return [
    C.approveFiling(),
    C.declineFiling(),
    C.evidence(90, now),
    C.report(),
    C.review(),
    C.approveNotice(),
    C.reopen(),
    C.notice(now),
    C.defence(),
    C.defence({ hearingWaived: true }),
    C.requestHearing(now),
    C.scheduleHearing(now, plus(now, 20 * DAY)),
    C.holdHearing(now),
    C.requestLegalReview(),
    C.legalReview('APPROVE'),
    C.legalReview('RETURN'),
    C.reassignLegalReview(),
    C.markMajor(),
    C.collective(now),
    C.collective(now, 'EXTENSION'),
    C.decide(),
    C.decide({ outcome: 'NO_PENALTY' }),
    C.serve(now),
    C.pay(100, now),
    C.challenge(now),
    C.extend('filingDecision'),
    C.extend('decision'),
    C.suspend(),
    C.resume(),
    C.terminate(),
    C.close(),
    C.archive(),
    C.simpleDecide(now),
    C.reportSimple(),
    C.proposeTransfer(),
    C.approveTransfer(),
    C.dispatchTransfer(now),
    C.policeDecision('ACCEPT', now),
    C.policeDecision('DECLINE', now),
    C.requestReconsideration(),
    C.answerReconsideration(false),
    C.requestSupervision(),
    C.resolveSupervision('REFUSAL_UPHELD'),
    C.resumeAdministrative(),
    // Content the law refuses, sent where the state would allow the command: 422, never 409.
    C.simpleDecide(now, { penalty: { kinds: ['FINE'], fineAmount: 5000 } }),
    C.simpleDecide(now, { penalty: { kinds: ['FINE', 'LICENCE_REVOCATION'], fineAmount: 100 } }),
    C.decide({ penalty: { kinds: ['FINE', 'WARNING'], fineAmount: 99_000 } }),
    C.pay(99_999_999, now),
    C.extend('payment'),
    C.challenge(now, 'DECIDED', 'UPHELD'),
  ];
}

const ACTORS = [people.officerA, people.officerB, people.head, people.reviewer, people.host, people.police, people.procurator];

describe('a 409 means only "not in this state": it never comes from a handler', () => {
  it('the domain answers 409 with state codes and 422 with content codes', () => {
    const conflicts = Object.entries(REJECTION_CODES).filter(([, status]) => status === 409).map(([code]) => code);
    expect(conflicts).toEqual(expect.arrayContaining(['CASE.TRANSITION_NOT_ALLOWED', 'DEADLINE.EXPIRED', 'HEARING.WAIVED']));
    expect(REJECTION_CODES['CASE.SIMPLE_FINE_EXCEEDS_LIMIT']).toBe(422);
    expect(REJECTION_CODES['DECISION.STEPS_OWED']).toBe(422);
  });

  it.each(SCENARIO_NAMES)('in %s, a command its gate admits is refused, if at all, as 400, 403 or 422', (name) => {
    const r = scenario(name); // decide() is pure: one case serves every probe
    const conflicts: string[] = [];
    let judged = 0;
    for (const cmd of samples(r)) {
      for (const actor of ACTORS) {
        if (r.state === null || gate(r.s, cmd, actor, { now: r.now, policy: r.policy }) !== null) continue;
        judged++;
        const d = r.try(cmd, actor);
        if (!d.ok && d.rejection.status === 409) conflicts.push(`${cmd.type} by ${actor.userId}: ${d.rejection.code}`);
      }
    }
    expect(conflicts).toEqual([]);
    if (!name.endsWith('ARCHIVED')) expect(judged).toBeGreaterThan(0);
  });
});
