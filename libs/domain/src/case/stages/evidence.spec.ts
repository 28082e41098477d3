import { CaseRunner, commands as C, people, scenario, standardPenalty } from '../../testing/case-fixtures';
import { testPolicy } from '../../testing/test-policy';
import { readAccess } from '../read-access';
import { amountDue } from '../rules/penalty';
import type { DecideResult } from '../decide';
import type { Penalty } from '../case-records';

// Evidence after the report (the party's, supplementary), the rights notice at
// the first collection (APL 55), confiscation as items, the agency's penalty
// powers, and auxiliary staff whose drafts count once two officers confirm them.

const { officerA: A, officerB: B, head: H, auxiliary: AUX } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error('expected a rejection');
  return d.rejection;
}

describe('evidence after the report', () => {
  it("the party's evidence with its defence is recorded without touching the notice or the report", () => {
    const r = scenario('NOTICE_SERVED');
    const before = { report: r.s.report, notice: r.s.notice, defence: r.s.deadlines.defence?.state };
    const [e] = r.exec(C.evidence(2, r.now, { origin: 'PARTY_DEFENCE', kind: 'DOCUMENTARY', source: '当事人提交的进货发票' }), A);
    expect(e).toMatchObject({ type: 'EVIDENCE_RECORDED', origin: 'PARTY_DEFENCE' });
    expect(r.status).toBe('NOTICE_SERVED');
    expect({ report: r.s.report, notice: r.s.notice, defence: r.s.deadlines.defence?.state }).toEqual(before);
    expect(r.s.evidence.map((x) => x.origin)).toEqual(['INITIAL', 'PARTY_DEFENCE']);
  });

  it('after the report an officer item is supplementary by default; an origin the procedure has not reached is refused', () => {
    const r = scenario('CASE_REVIEWED');
    r.exec(C.evidence(2, r.now), A);
    expect(r.s.evidence.at(-1)?.origin).toBe('SUPPLEMENTARY');
    expect(rejected(r.try(C.evidence(3, r.now, { origin: 'PARTY_DEFENCE' }), A))).toMatchObject({ code: 'EVIDENCE.ORIGIN_MISMATCH', status: 422 });
    expect(rejected(r.try(C.evidence(3, r.now, { origin: 'PARTY_HEARING' }), A)).code).toBe('EVIDENCE.ORIGIN_MISMATCH');
    expect(rejected(r.try(C.evidence(3, r.now, { origin: 'INITIAL' }), A)).code).toBe('EVIDENCE.ORIGIN_MISMATCH');
    r.exec(C.evidence(3, r.now, { origin: 'SUPPLEMENTARY' }), A);
    expect(r.s.evidence).toHaveLength(3);
  });

  it("the party's hearing evidence is recorded while the hearing is pending; changed facts wait for it (409)", () => {
    const r = scenario('HEARING_SCHEDULED');
    r.exec(C.evidence(2, r.now, { origin: 'PARTY_HEARING' }), A);
    expect(r.status).toBe('HEARING_SCHEDULED');
    expect(rejected(r.try(C.evidence(3, r.now, { changesFacts: true }), A))).toMatchObject({ code: 'CASE.TRANSITION_NOT_ALLOWED', status: 409 });
  });

  it('evidence that changes the facts sends the case back to investigation: the windows end, a new report follows', () => {
    const r = scenario('DEFENCE_RECORDED');
    const [e] = r.exec(C.evidence(2, r.now, { changesFacts: true }), A);
    expect(e).toMatchObject({ changesFacts: true, origin: 'SUPPLEMENTARY' });
    expect(r.status).toBe('FILED');
    expect(r.s.reopenings?.at(-1)).toMatchObject({ evidenceId: 'ev-2', defended: true, reopenedBy: { userId: A.userId } });
    expect(r.s.deadlines.hearingRequest?.state).toBe('CANCELLED');
    r.exec(C.report(), A);
    expect(r.status).toBe('INVESTIGATION_REPORTED');
    expect(r.s.notice).toBeUndefined();
  });

  it('after the party defended, the item that changed the facts is the new evidence a heavier report rests on (APL 45)', () => {
    const r = scenario('DEFENCE_RECORDED');
    const heavier = C.report({ proposedPenalty: { ...standardPenalty, fineAmount: 60000 } });
    const back = scenario('DEFENCE_RECORDED');
    back.exec(C.reopen(), H);
    expect(rejected(back.try(heavier, A)).code).toBe('REPORT.HEAVIER_AFTER_DEFENCE');
    r.exec(C.evidence(2, r.now, { changesFacts: true }), A);
    r.exec(heavier, A);
    expect(r.s.report?.proposedPenalty?.fineAmount).toBe(60000);
  });

  it('changesFacts is refused before the report (400): the facts are still being found', () => {
    const r = scenario('FILED');
    expect(rejected(r.try(C.evidence(2, r.now, { changesFacts: true }), A))).toMatchObject({ code: 'VALIDATION.FAILED', status: 400 });
  });

  it('a decision cites the evidence recorded since the report, or is refused (422)', () => {
    const r = scenario('HEARING_HELD');
    r.exec(C.evidence(2, r.now, { origin: 'PARTY_HEARING' }), A);
    const rej = rejected(r.try(C.decide(), H));
    expect(rej).toMatchObject({ code: 'DECISION.NEW_EVIDENCE_NOT_CITED', status: 422 });
    expect(rej.reason).toContain('ev-2');
    r.exec(C.decide({ evidenceIds: ['ev-1', 'ev-2'] }), H);
    expect(r.s.decision?.contents?.evidence.map((x) => x.evidenceId)).toEqual(['ev-1', 'ev-2']);
  });

  it('history recorded before the rule keeps its order: no evidence after the report', () => {
    const r = scenario('NOTICE_SERVED', testPolicy(), 'evidence-after-report');
    expect(rejected(r.try(C.evidence(2, r.now), A)).code).toBe('CASE.TRANSITION_NOT_ALLOWED');
  });
});

describe('the rights notice at the first collection (APL 55)', () => {
  function filed(rulesBefore?: 'evidence-after-report'): CaseRunner {
    const r = new CaseRunner(testPolicy(), undefined, rulesBefore);
    r.exec(C.registerOrdinary(), A);
    r.exec(C.approveFiling(), H);
    return r;
  }

  it('the first item collected by officers records credentials shown and rights told, or is refused (422)', () => {
    const r = filed();
    for (const over of [{ credentialsShown: undefined, rightsExplained: undefined }, { rightsExplained: false }, { credentialsShown: false }]) {
      expect(rejected(r.try(C.evidence(1, r.now, over), A))).toMatchObject({ code: 'EVIDENCE.RIGHTS_NOTICE_MISSING', status: 422 });
    }
    expect(r.s.evidence).toEqual([]);
    r.exec(C.evidence(1, r.now), A);
    expect(r.s.rightsNotice).toMatchObject({ evidenceId: 'ev-1', officers: [{ userId: A.userId }, { userId: B.userId }] });
    // Later items need not repeat it.
    r.exec(C.evidence(2, r.now, { credentialsShown: undefined, rightsExplained: undefined }), A);
    expect(r.s.rightsNotice?.evidenceId).toBe('ev-1');
  });

  it('replayed history from before the rule records a first item without it', () => {
    const r = filed('evidence-after-report');
    r.exec(C.evidence(1, r.now, { credentialsShown: undefined, rightsExplained: undefined }), A);
    expect(r.s.rightsNotice).toBeUndefined();
  });
});

describe('confiscation: illegal gains are money, illegal property is items', () => {
  const goods: Penalty = { kinds: ['FINE', 'CONFISCATION'], fineAmount: 50000, confiscatedItems: [{ description: '无证销售的预包装食品', quantity: 120, unit: '箱' }] };

  it('confiscated items are never money due', () => {
    expect(amountDue(goods)).toBe(50000);
    expect(amountDue({ ...goods, confiscationAmount: 2000 })).toBe(52000);
  });

  it('a report names what is confiscated; items without CONFISCATION or malformed are refused (400)', () => {
    const r = scenario('FILED');
    const bad: Penalty[] = [
      { kinds: ['FINE', 'CONFISCATION'], fineAmount: 50000, terms: '没收' },
      { kinds: ['FINE'], fineAmount: 50000, confiscatedItems: goods.confiscatedItems! },
      { kinds: ['FINE', 'CONFISCATION'], fineAmount: 50000, confiscatedItems: [{ description: '食品', quantity: 0, unit: '箱' }] },
    ];
    for (const proposedPenalty of bad) {
      expect(rejected(r.try(C.report({ proposedPenalty }), A))).toMatchObject({ code: 'VALIDATION.FAILED', status: 400 });
    }
    r.exec(C.report({ proposedPenalty: goods }), A);
    expect(r.s.report?.proposedPenalty?.confiscatedItems).toEqual(goods.confiscatedItems);
  });

  it('a decision may not confiscate more items than the notice told the party of', () => {
    const r = scenario('FILED');
    r.exec(C.report({ proposedPenalty: goods }), A);
    r.exec(C.review(), people.reviewer);
    r.exec(C.approveNotice(), H);
    r.exec(C.notice(r.now), A);
    r.exec(C.defence({ hearingWaived: true }), A);
    const more = { ...goods, confiscatedItems: [{ description: '无证销售的预包装食品', quantity: 200, unit: '箱' }] };
    expect(rejected(r.try(C.decide({ penalty: more }), H)).code).toMatch(/^DECISION\.HEAVIER_/);
    r.exec(C.decide({ penalty: goods }), H);
    expect(r.s.decision?.amountDue).toBe(50000);
  });
});

describe("penalty kinds limited by the agency's powers", () => {
  it('a market regulator may not propose or decide detention (422)', () => {
    const r = scenario('FILED');
    const detention: Penalty = { ...standardPenalty, kinds: [...standardPenalty.kinds, 'DETENTION'], termDays: 5 };
    expect(rejected(r.try(C.report({ proposedPenalty: detention }), A))).toMatchObject({ code: 'PENALTY.KIND_NOT_EMPOWERED', status: 422 });
    expect(r.status).toBe('FILED');
    const held = scenario('HEARING_HELD');
    expect(rejected(held.try(C.decide({ penalty: detention }), H)).code).toBe('PENALTY.KIND_NOT_EMPOWERED');
  });

  it('a policy without the list (older versions) limits nothing', () => {
    const older = testPolicy();
    delete older.penaltyPowers;
    const r = scenario('FILED', older);
    r.exec(C.report({ proposedPenalty: { ...standardPenalty, kinds: [...standardPenalty.kinds, 'DETENTION'], termDays: 5 } }), A);
    expect(r.status).toBe('INVESTIGATION_REPORTED');
  });
});

describe('auxiliary staff (辅助执法人员)', () => {
  it('attached under an officer, they read the case and draft evidence', () => {
    const r = scenario('FILED');
    expect(readAccess(r.s, AUX)).toMatchObject({ ok: false, code: 'CASE.NOT_ASSIGNED' });
    expect(rejected(r.try(C.evidence(2, r.now), AUX))).toMatchObject({ code: 'CASE.NOT_ASSIGNED', status: 403 });
    r.exec(C.attachAuxiliary(), A);
    expect(r.s.auxiliaries).toMatchObject([{ userId: AUX.userId, supervisor: { userId: A.userId }, attachedBy: { userId: A.userId } }]);
    expect(readAccess(r.s, AUX)).toEqual({ ok: true });
    r.exec(C.evidence(2, r.now), AUX);
    expect(r.s.evidence.at(-1)).toMatchObject({ draft: true, recordedBy: { auxiliary: true } });
  });

  it('only auxiliary staff, once, under an officer of the case (422); never by auxiliary staff themselves (403)', () => {
    const r = scenario('FILED');
    expect(rejected(r.try(C.attachAuxiliary({ auxiliary: B }), A)).code).toBe('AUXILIARY.NOT_AUXILIARY');
    expect(rejected(r.try(C.attachAuxiliary({ supervisorId: people.officerC.userId }), H)).code).toBe('AUXILIARY.SUPERVISOR_NOT_ASSIGNED');
    expect(rejected(r.try(C.attachAuxiliary(), AUX)).status).toBe(403);
    r.exec(C.attachAuxiliary(), H);
    expect(rejected(r.try(C.attachAuxiliary(), A)).code).toBe('AUXILIARY.ALREADY_ATTACHED');
  });

  it('a draft counts once two certified officers of the case confirm it; until then nothing rests on it', () => {
    const r = new CaseRunner();
    r.exec(C.registerOrdinary(), A);
    r.exec(C.approveFiling(), H);
    r.exec(C.attachAuxiliary(), A);
    r.exec(C.evidence(1, r.now), AUX);
    // The only item is a draft: no penalty can be proposed on it.
    expect(rejected(r.try(C.report(), A)).code).toBe('CASE.EVIDENCE_REQUIRED');
    expect(rejected(r.try(C.confirmEvidence('ev-1', { confirmers: [A] }), A)).code).toBe('CASE.TWO_OFFICERS_REQUIRED');
    expect(rejected(r.try(C.confirmEvidence('ev-1', { confirmers: [A, people.officerC] }), A)).code).toBe('CASE.COLLECTOR_NOT_ASSIGNED');
    expect(rejected(r.try(C.confirmEvidence('ev-1'), AUX)).status).toBe(403);
    r.exec(C.confirmEvidence('ev-1'), B);
    expect(r.s.evidence[0].confirmedBy?.map((o) => o.userId)).toEqual([A.userId, B.userId]);
    expect(rejected(r.try(C.confirmEvidence('ev-1'), A)).code).toBe('EVIDENCE.NOT_A_DRAFT');
    r.exec(C.report(), A);
    expect(r.status).toBe('INVESTIGATION_REPORTED');
  });

  it('a decision may not cite an unconfirmed draft (422)', () => {
    const r = scenario('HEARING_HELD');
    r.exec(C.attachAuxiliary(), A);
    r.exec(C.evidence(2, r.now, { origin: 'PARTY_HEARING' }), AUX);
    expect(rejected(r.try(C.decide({ evidenceIds: ['ev-1', 'ev-2'] }), H))).toMatchObject({ code: 'DECISION.EVIDENCE_UNCONFIRMED', status: 422 });
    // An unconfirmed draft is not yet evidence the decision must weigh.
    r.exec(C.decide(), H);
    expect(r.status).toBe('DECIDED');
  });
});
