import { scenario } from '@zhifa/domain/testing/case-fixtures';
import { projectCase, touchedEvidence } from './case.projection';

describe('projectCase', () => {
  const state = scenario('INVESTIGATION_REPORTED').state!;

  it('fills the columns the list filters on from the state, and keeps the whole state as JSON', () => {
    const p = projectCase(state, 'policy-7');
    expect(p).toMatchObject({
      caseId: state.caseId,
      caseNumber: state.caseNumber,
      agencyId: state.agencyId,
      status: state.status,
      procedure: state.procedure,
      violationCode: state.violationCode,
      flags: state.flags,
      officers: state.officers,
      policyVersion: 'policy-7',
      registeredAt: state.registeredAt,
    });
    expect(p.state).toEqual(JSON.parse(JSON.stringify(state)));
  });

  it('projects every evidence item, or only those the batch of events names', () => {
    expect(state.evidence.length).toBeGreaterThan(0);
    expect(projectCase(state, 'p').evidence.map((e) => e.evidenceId)).toEqual(state.evidence.map((e) => e.evidenceId));
    const first = state.evidence[0].evidenceId;
    const touched = touchedEvidence([{ payload: { evidenceId: first } }, { payload: { reason: 'no evidence named' } }]);
    expect(projectCase(state, 'p', touched).evidence.map((e) => e.evidenceId)).toEqual([first]);
    expect(projectCase(state, 'p', new Set()).evidence).toEqual([]);
  });
});
