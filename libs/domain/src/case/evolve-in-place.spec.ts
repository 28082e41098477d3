import { evolve, evolveBatch, evolveInPlace } from './evolve';
import type { CaseState } from './case-state';
import { CaseRunner, commands as C, people, SCENARIO_NAMES, scenario } from '../testing/case-fixtures';

describe('evolveInPlace: the fold of a chain read back, without a copy per event', () => {
  it.each(SCENARIO_NAMES)('folds %s to the very state evolve() reaches', (name) => {
    const r = scenario(name);
    let copied: CaseState | null = null;
    let inPlace: CaseState | null = null;
    for (const { event, at } of r.log) {
      copied = evolve(copied, event, { at, policy: r.policy });
      inPlace = evolveInPlace(inPlace, JSON.parse(JSON.stringify(event)), { at, policy: r.policy });
    }
    expect(JSON.parse(JSON.stringify(inPlace))).toEqual(JSON.parse(JSON.stringify(copied)));
  });

  it('changes the state it is given, where evolve() leaves it as it was', () => {
    const r = scenario('FILED');
    const [first, ...rest] = r.log;
    const before = evolve(null, first.event, { at: first.at, policy: r.policy });
    const kept = JSON.stringify(before);
    const next = evolve(before, rest[0].event, { at: rest[0].at, policy: r.policy });
    expect(JSON.stringify(before)).toBe(kept);
    expect(evolveInPlace(before, rest[0].event, { at: rest[0].at, policy: r.policy })).toBe(before);
    expect(JSON.stringify(before)).toBe(JSON.stringify(next));
  });
});

describe('evolveBatch: a command\'s events folded on a copy that shares the evidence no event names', () => {
  /** Every step of `r`'s log through evolveBatch: the same state as evolve(), and the state before never touched. */
  function foldsLikeEvolve(r: CaseRunner): void {
    let before: CaseState | null = null;
    for (const { event, at } of r.log) {
      const kept = JSON.stringify(before);
      const batch = evolveBatch(before, [JSON.parse(JSON.stringify(event))], { at, policy: r.policy });
      const copied = evolve(before, event, { at, policy: r.policy });
      expect(JSON.stringify(before)).toBe(kept);
      expect(JSON.parse(JSON.stringify(batch))).toEqual(JSON.parse(JSON.stringify(copied)));
      before = batch;
    }
  }

  it.each(SCENARIO_NAMES)('folds %s like evolve() and leaves every earlier state as it was', (name) => {
    foldsLikeEvolve(scenario(name));
  });

  it('an item changed by its own event (custody moved, a draft confirmed) is copied first; the others are shared', () => {
    const A = people.officerA;
    const B = people.officerB;
    const r = new CaseRunner();
    r.exec(C.registerOrdinary(), A);
    r.exec(C.approveFiling(), people.head);
    r.exec(C.attachAuxiliary(), A);
    r.exec(C.evidence(1, r.now), people.auxiliary);
    r.exec(C.evidence(2, r.now, { kind: 'DOCUMENTARY', title: '销售台账' }), A);
    r.exec({ type: 'TRANSFER_CUSTODY', evidenceId: 'ev-2', from: A.userId, to: B.userId, at: r.now, reason: 'to the evidence room' }, A);
    r.exec(C.confirmEvidence('ev-1'), B);
    foldsLikeEvolve(r);

    const last = r.log[r.log.length - 1];
    const prior = r.log.slice(0, -1).reduce<CaseState | null>((s, { event, at }) => evolve(s, event, { at, policy: r.policy }), null)!;
    const next = evolveBatch(prior, [last.event], { at: last.at, policy: r.policy });
    expect(next.evidence[0]).not.toBe(prior.evidence[0]);
    expect(next.evidence[1]).toBe(prior.evidence[1]);
  });
});