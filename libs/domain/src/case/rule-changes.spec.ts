import { inForce, RULE_CHANGES } from './rule-changes';

describe('which rule changes judge a replayed command', () => {
  it('a new command: every change', () => {
    expect(RULE_CHANGES.every((c) => inForce({}, c))).toBe(true);
  });

  it('rulesBefore: the change and every later one are out', () => {
    expect(inForce({ rulesBefore: 'discretion-benchmarks' }, 'legal-review-assignment')).toBe(true);
    expect(inForce({ rulesBefore: 'discretion-benchmarks' }, 'discretion-benchmarks')).toBe(false);
    expect(inForce({ rulesBefore: 'discretion-benchmarks' }, 'decision-contents')).toBe(false);
  });

  it('rulesAbsent: each change on its own, so a history holding a later change without an earlier one replays as recorded', () => {
    const opts = { rulesAbsent: ['discretion-benchmarks'] as const };
    expect(inForce(opts, 'discretion-benchmarks')).toBe(false);
    expect(inForce(opts, 'decision-contents')).toBe(true);
    expect(inForce(opts, 'lawful-decisions')).toBe(true);
  });
});
