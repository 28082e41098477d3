import { ACTION_NAMES, CASE_EVENT_TYPES, COMMAND_ACTIONS, COMMAND_RULES, COMMAND_SPECS, COMMAND_TYPES, EVENT_FOLDS, REJECTION_CODES, STAGES } from './command-table';
import { SHARED_REJECTION_CODES } from './rejection';

describe('the command table assembled from the stages', () => {
  const commandKeys = STAGES.flatMap((s) => Object.keys(s.commands));
  const eventKeys = STAGES.flatMap((s) => Object.keys(s.events));

  it('holds every command exactly once, each in one stage', () => {
    expect([...commandKeys].sort()).toEqual([...COMMAND_TYPES].sort());
    expect(new Set(commandKeys).size).toBe(commandKeys.length);
    expect(Object.keys(COMMAND_SPECS).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it('folds every event exactly once, each in one stage (the first creates the state instead)', () => {
    expect(new Set(eventKeys).size).toBe(eventKeys.length);
    expect([...eventKeys].sort()).toEqual([...CASE_EVENT_TYPES].sort());
    expect(Object.keys(EVENT_FOLDS).sort()).toEqual([...CASE_EVENT_TYPES].sort());
    expect(CASE_EVENT_TYPES[0]).toBe('LEAD_REGISTERED');
  });

  it('derives rules and actions from the same specs', () => {
    for (const type of COMMAND_TYPES) {
      expect(COMMAND_RULES[type]).toBe(COMMAND_SPECS[type]);
      expect(COMMAND_ACTIONS[type]).toBe(COMMAND_SPECS[type].action);
    }
  });

  it('routes every action to at least one command, and only the system commands (timers, calendar recount, the document, disclosure and archive jobs) have none', () => {
    const used = new Set(Object.values(COMMAND_ACTIONS));
    for (const action of ACTION_NAMES) expect(used.has(action)).toBe(true);
    const timers = COMMAND_TYPES.filter((t) => COMMAND_ACTIONS[t] === null);
    expect(timers.sort()).toEqual(['DEADLINE_ESCALATION', 'DEADLINE_REMINDER', 'RECOMPUTE_DEADLINES', 'RECORD_ARCHIVE_PACKAGE', 'RECORD_DISCLOSURE', 'RECORD_DISCLOSURE_WITHDRAWAL', 'RECORD_DOCUMENT']);
    for (const t of timers) expect(COMMAND_RULES[t].roles).toBe('SYSTEM');
  });

  it('holds every rejection code once: shared, or declared by the one stage that returns it', () => {
    const own = STAGES.flatMap((st) => Object.keys(st.codes));
    expect(new Set(own).size).toBe(own.length);
    for (const code of own) expect(Object.keys(SHARED_REJECTION_CODES)).not.toContain(code);
    expect(Object.keys(REJECTION_CODES).sort()).toEqual([...Object.keys(SHARED_REJECTION_CODES), ...own].sort());
    for (const status of Object.values(REJECTION_CODES)) expect([400, 403, 409, 422]).toContain(status);
  });

  it('names the paths of the HTTP contract, in the order a case meets them (a rename breaks clients)', () => {
    expect(ACTION_NAMES).toEqual([
      'register', 'filing', 'evidence', 'evidence-custody', 'evidence-confirmation', 'auxiliary', 'investigation-report',
      'preservations', 'preservations/approval', 'preservations/decision', 'seizures', 'seizures/extension', 'seizures/testing', 'seizures/end', 'examination', 'examination/result', 'case-review', 'notice-approval', 'investigation-reopening', 'notice', 'defence',
      'hearing-request', 'hearing-waiver', 'hearing', 'hearing-end', 'major-case', 'legal-review-request', 'legal-review', 'legal-review-assignment',
      'collective-discussion', 'decision', 'service',
      'payments', 'payment-plan', 'enforcement/demand', 'enforcement/court', 'enforcement/ruling', 'execution-end', 'challenges', 'extension', 'suspension', 'recusal', 'closure', 'archive', 'simple-decision', 'simple-report',
      'simple-conversion', 'simple-no-penalty', 'simple-dismissal',
      'criminal-transfer', 'criminal-transfer/approval', 'criminal-transfer/dispatch', 'criminal-transfer/police-decision',
      'criminal-transfer/reconsideration', 'criminal-transfer/supervision', 'criminal-transfer/return',
      'suspected-crime', 'suspected-crime/no-transfer',
      'criminal-transfer/forward', 'criminal-transfer/material-request', 'criminal-transfer/material-supply', 'criminal-transfer/handover', 'criminal-transfer/police-return',
      'criminal-transfer/intake-review', 'criminal-transfer/explanation-request', 'criminal-transfer/explanation',
    ]);
  });
});
