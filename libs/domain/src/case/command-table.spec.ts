import { COMMAND_TYPES } from './case-commands';
import { CASE_EVENT_TYPES } from './case-events';
import { COMMAND_ACTIONS, COMMAND_RULES, COMMAND_SPECS, EVENT_FOLDS, STAGES } from './command-table';
import { ACTION_NAMES } from './vocabulary';

describe('the command table assembled from the stages', () => {
  const commandKeys = STAGES.flatMap((s) => Object.keys(s.commands));
  const eventKeys = STAGES.flatMap((s) => Object.keys(s.events));

  it('holds every command exactly once, each in one stage', () => {
    expect([...commandKeys].sort()).toEqual([...COMMAND_TYPES].sort());
    expect(new Set(commandKeys).size).toBe(commandKeys.length);
    expect(Object.keys(COMMAND_SPECS).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it('folds every event but the first exactly once, each in one stage', () => {
    const folded = CASE_EVENT_TYPES.filter((t) => t !== 'LEAD_REGISTERED');
    expect([...eventKeys].sort()).toEqual([...folded].sort());
    expect(new Set(eventKeys).size).toBe(eventKeys.length);
    expect(Object.keys(EVENT_FOLDS).sort()).toEqual([...folded].sort());
  });

  it('derives rules and actions from the same specs', () => {
    for (const type of COMMAND_TYPES) {
      expect(COMMAND_RULES[type]).toBe(COMMAND_SPECS[type]);
      expect(COMMAND_ACTIONS[type]).toBe(COMMAND_SPECS[type].action);
    }
  });

  it('routes every action to at least one command, and only the timers have none', () => {
    const used = new Set(Object.values(COMMAND_ACTIONS));
    for (const action of ACTION_NAMES) expect(used.has(action)).toBe(true);
    const timers = COMMAND_TYPES.filter((t) => COMMAND_ACTIONS[t] === null);
    expect(timers.sort()).toEqual(['DEADLINE_ESCALATION', 'DEADLINE_REMINDER']);
    for (const t of timers) expect(COMMAND_RULES[t].roles).toBe('SYSTEM');
  });
});
