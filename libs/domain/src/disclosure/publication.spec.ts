import { commands as C, people, scenario, SYSTEM } from '../testing/case-fixtures';
import { decisionContent, decisionSections } from '../documents/decision-content';
import { agencyDisclosure } from './agency-disclosure';
import { publicationOf, sectionsText } from './publication';
import { REDACTED } from './redaction';

const person = {
  type: 'PERSON' as const,
  name: '李建国',
  idNumber: '140402198503172413',
  phone: '13935512345',
  address: '长治市潞州区英雄中路18号3单元502室',
};

function decidedAgainst(party: typeof person & { minor?: boolean }) {
  const r = scenario('NOTICE_SERVED');
  r.exec(C.defence({ hearingWaived: true }), people.officerA);
  r.exec(C.decide({ facts: `当事人（电话${party.phone}）自2026年2月1日起在其住所无证销售预包装食品，经营所得转入其账号6217000010012345678` }), people.head);
  r.state = { ...r.s, party, decision: { ...r.s.decision!, contents: { ...r.s.decision!.contents!, party } } };
  return r;
}

describe('the publication of a decision', () => {
  it('publishes the decision’s own words without the party’s ID number, phone, home address or bank account', () => {
    const r = decidedAgainst(person);
    const p = publicationOf(r.s, r.policy);
    if (!p?.publish) throw new Error('expected a publication');
    const text = sectionsText(p.sections);
    for (const secret of [person.idNumber, person.phone, '英雄中路', '6217000010012345678']) expect(text).not.toContain(secret);
    expect(p.removed).toEqual({ ID_NUMBER: 1, PHONE: 2, ADDRESS: 1, BANK_ACCOUNT: 1 });
    expect(p).toMatchObject({ title: '行政处罚决定书', documentNumber: '长市监罚〔2026〕101号', partyName: '李建国', legalBasis: '《食品安全法》第一百二十二条' });
    expect(text).toContain(`电话${REDACTED.PHONE}`);
    // Otherwise word for word the decision: every section of the 决定书 but the party's private lines.
    const served = decisionSections(decisionContent(r.s, r.policy)!);
    expect(p.sections.slice(1).map((s) => s.heading)).toEqual(served.slice(1).map((s) => s.heading));
    expect(p.sections.at(-1)).toEqual(served.at(-1));
    expect(p.sections[0].paragraphs).toEqual(['当事人（姓名）：李建国']);
  });

  it('publishes nothing for a minor: the ground and the reason instead', () => {
    const r = decidedAgainst({ ...person, minor: true });
    expect(publicationOf(r.s, r.policy)).toEqual({ publish: false, ground: 'MINOR', reason: { en: expect.any(String), zh: '当事人为未成年人，决定不予公示' } });
    r.exec(C.withholdDisclosure(), SYSTEM);
    expect(r.s.disclosure?.state).toBe('WITHHELD');
  });

  it('no decision, nothing to publish', () => {
    expect(publicationOf(scenario('FILED').s, scenario('FILED').policy)).toBeNull();
  });

  it('事前公示: the agency’s powers with their bases, its procedures with the policy’s limits, and the remedies', () => {
    const r = scenario('FILED');
    const a = agencyDisclosure(r.policy);
    expect(a.powers.length).toBe(r.policy.violations.length);
    expect(a.powers[0]).toEqual({ code: r.policy.violations[0].code, title: r.policy.violations[0].title, legalBasis: r.policy.violations[0].legalBasis, penaltyRange: r.policy.violations[0].penaltyRange });
    const ordinary = a.procedures.find((p) => p.procedure === 'ORDINARY')!;
    expect(ordinary.steps.find((s) => s.step.startsWith('行政处罚决定公示'))).toMatchObject({ limit: '7个工作日' });
    expect(a.remedies.map((s) => s.limit)).toEqual(['5个工作日', '5个工作日', '60日', '6个月']);
  });

  it('事前公示 of an agency with its own list of powers: only the matters listed, with the legal basis it gives', () => {
    const r = scenario('FILED');
    const [first] = r.policy.violations;
    const a = agencyDisclosure(r.policy, [{ violationCode: first.code, legalBasis: '授权依据' }]);
    expect(a.powers).toEqual([{ code: first.code, title: first.title, legalBasis: '授权依据', penaltyRange: first.penaltyRange }]);
  });
});
