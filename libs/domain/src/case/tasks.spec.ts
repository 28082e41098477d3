import { commands as C, people, scenario } from '../testing/case-fixtures';
import { tasksFor } from './tasks';

const { officerA: A, head: H, reviewer: R, host: HOST } = people;

describe('what is waiting for whom', () => {
  it('a lead waits for the head to decide on filing, by the filing limit', () => {
    const r = scenario('LEAD_REGISTERED');
    expect(tasksFor(r.s, H)).toEqual([{ action: 'filing', deadline: 'filingDecision', dueAt: r.s.deadlines.filingDecision!.dueAt, source: 'MSA 18' }]);
    expect(tasksFor(r.s, R)).toEqual([]);
  });

  it('a report waits for an independent reviewer, by the case-review limit; the officers have nothing to do but wait', () => {
    const r = scenario('INVESTIGATION_REPORTED');
    expect(tasksFor(r.s, R)).toEqual([{ action: 'case-review', deadline: 'caseReview', dueAt: r.s.deadlines.caseReview!.dueAt, source: 'MSA 49 (policy)' }]);
    expect(tasksFor(r.s, A)).toEqual([]);
    expect(tasksFor(r.s, H)).toEqual([]);
  });

  it('a reviewed report waits for a head to approve its notice, then for an officer to serve it', () => {
    const r = scenario('CASE_REVIEWED');
    expect(tasksFor(r.s, H).map((t) => [t.action, t.deadline])).toEqual([['notice-approval', 'decision']]);
    expect(tasksFor(r.s, A)).toEqual([]);
    r.exec(C.approveNotice(), H);
    expect(tasksFor(r.s, H)).toEqual([]);
    expect(tasksFor(r.s, A).map((t) => t.action)).toEqual(['notice']);
  });

  it('a served notice waits for the party: the officers record its defence, hearing request or waiver by their windows', () => {
    const r = scenario('NOTICE_SERVED');
    expect(tasksFor(r.s, A).map((t) => [t.action, t.deadline])).toEqual([
      ['defence', 'defence'],
      ['hearing-request', 'hearingRequest'],
      ['hearing-waiver', 'hearingRequest'],
    ]);
  });

  it('the heads are waited for in a collective discussion only once it is the last step before the decision', () => {
    const r = scenario('LEGAL_REVIEW_PASSED');
    expect(tasksFor(r.s, H).map((t) => t.action)).toEqual(['collective-discussion', 'decision']);
  });

  it('a scheduled hearing waits for its host', () => {
    const r = scenario('HEARING_SCHEDULED');
    expect(tasksFor(r.s, HOST).map((t) => t.action)).toEqual(['hearing']);
  });

  it('an archived case waits for no one', () => {
    expect(tasksFor(scenario('ARCHIVED').s, A)).toEqual([]);
  });
});
