import { evolve, evolveInPlace } from './evolve';
import type { CaseState } from './case-state';
import { SCENARIO_NAMES, scenario } from '../testing/case-fixtures';

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
