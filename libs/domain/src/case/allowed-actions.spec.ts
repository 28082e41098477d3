import { commands as C, people, scenario, SYSTEM } from '../testing/case-fixtures';
import { allowedActions } from './allowed-actions';
import { commandsForAction } from './command-table';

const { officerA: A, officerC, head: H, reviewer: R, auxiliary: AUX, supervisor } = people;

describe('allowedActions', () => {
  it('before registration: officers may register', () => {
    expect(allowedActions(null, A)).toEqual(['register']);
    expect(allowedActions(null, H)).toEqual([]);
    expect(allowedActions(null, SYSTEM)).toEqual([]);
  });

  it('a registered lead: the head files; officers wait', () => {
    const r = scenario('LEAD_REGISTERED');
    expect(allowedActions(r.s, H)).toEqual(['filing', 'extension', 'recusal']);
    // A suspected crime found while the lead is verified may be proposed for transfer (R310 3).
    expect(allowedActions(r.s, A)).toEqual(['criminal-transfer']);
  });

  it('investigating: per role', () => {
    const r = scenario('FILED');
    expect(allowedActions(r.s, A)).toEqual(['evidence', 'evidence-custody', 'auxiliary', 'investigation-report', 'preservations', 'examination', 'major-case', 'criminal-transfer', 'suspected-crime']);
    expect(allowedActions(r.s, H)).toEqual(['auxiliary', 'seizures', 'major-case', 'collective-discussion', 'extension', 'suspension', 'recusal']);
    // Auxiliary staff act only on a case they are attached to, under a named officer.
    expect(allowedActions(r.s, AUX)).toEqual([]);
    r.exec(C.attachAuxiliary(), A);
    expect(allowedActions(r.s, AUX)).toEqual(['evidence']);
    expect(allowedActions(r.s, officerC)).toEqual([]);
    expect(allowedActions(r.s, R)).toEqual([]);
    expect(allowedActions(r.s, supervisor)).toEqual([]);
  });

  it('after the report: review by an independent reviewer comes first; nothing offers a step out of order', () => {
    const r = scenario('INVESTIGATION_REPORTED');
    expect(allowedActions(r.s, H)).not.toContain('decision');
    expect(allowedActions(r.s, R)).toEqual(['case-review']);
    // Evidence keeps coming after the report (supplementary investigation, the party's).
    expect(allowedActions(r.s, A)).toEqual(['evidence', 'evidence-custody', 'auxiliary', 'examination', 'major-case', 'criminal-transfer', 'suspected-crime']);
    const reviewed = scenario('CASE_REVIEWED');
    // The notice waits for a head's approval (domain spec §2 step 6); the head may also send the case back.
    expect(allowedActions(reviewed.s, A)).toEqual(['evidence', 'evidence-custody', 'auxiliary', 'examination', 'major-case', 'criminal-transfer', 'suspected-crime']);
    expect(allowedActions(reviewed.s, H)).toEqual(expect.arrayContaining(['notice-approval', 'investigation-reopening']));
    reviewed.exec(C.approveNotice(), H);
    expect(allowedActions(reviewed.s, A)).toEqual(['evidence', 'evidence-custody', 'auxiliary', 'examination', 'notice', 'major-case', 'criminal-transfer', 'suspected-crime']);
  });

  it('once the party was told and heard, the head is offered the decision', () => {
    const r = scenario('DEFENCE_RECORDED');
    // A defence is not a hearing waiver: until the party waives it or the window ends, no decision (APL 64).
    expect(allowedActions(r.s, H)).not.toContain('decision');
    const heard = scenario('NOTICE_SERVED');
    heard.exec(C.defence({ hearingWaived: true }), A);
    expect(allowedActions(heard.s, H)).toContain('decision');
  });

  it('with the defence period running the decision is not offered', () => {
    expect(allowedActions(scenario('NOTICE_SERVED').s, H)).not.toContain('decision');
  });

  it('certificates are checked when now and the policy are given', () => {
    const r = scenario('FILED');
    const lapsed = { ...A, certificates: [{ ...A.certificates[0], validTo: '2026-03-01' }] };
    expect(allowedActions(r.s, lapsed)).toContain('evidence');
    expect(allowedActions(r.s, lapsed, { now: r.now, policy: r.policy })).toEqual([]);
  });

  it('archived: nothing for anyone but a challenge, which the case officers may still record (补充归档)', () => {
    const r = scenario('ARCHIVED');
    for (const p of Object.values(people)) expect(allowedActions(r.s, p)).toEqual(r.s.officers.some((o) => o.userId === p.userId) ? ['challenges'] : []);
    expect(allowedActions(r.s, A, { rulesBefore: 'challenge-effects' })).toEqual([]);
  });

  it('simple procedure: the deciding officer and the head', () => {
    const r = scenario('SIMPLE:SERVED');
    expect(allowedActions(r.s, A)).toEqual(['payments', 'challenges', 'simple-report', 'criminal-transfer']);
    expect(allowedActions(r.s, H)).toEqual(['payment-plan', 'execution-end', 'recusal']);
    r.exec(C.reportSimple(), A);
    r.exec(C.pay(200, r.now), A);
    expect(allowedActions(r.s, H)).toEqual(['recusal', 'closure']);
  });

  it('maps actions back to commands', () => {
    expect(commandsForAction('suspension')).toEqual(['SUSPEND', 'RESUME', 'TERMINATE']);
    expect(commandsForAction('hearing')).toEqual(['SCHEDULE_HEARING', 'RECORD_HEARING']);
  });
});
