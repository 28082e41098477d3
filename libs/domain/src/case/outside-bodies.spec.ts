import { people, scenario } from '../testing/case-fixtures';
import { dispatchBodyProblems, forwardBodyProblems, liaisonBodyProblems, type RegisteredBody } from './outside-bodies';

const REGISTER: RegisteredBody[] = [
  { name: '长治市公安局', kind: 'POLICE', active: true },
  { name: '长治市公安局潞州分局', kind: 'POLICE', active: true },
  { name: '晋城市公安局', kind: 'POLICE', active: false },
  { name: '长治市人民检察院', kind: 'PROCURATORATE', active: true },
];

describe('the register of outside bodies', () => {
  it('lets a dispatch name an active police unit and a procuratorate, each of its kind', () => {
    expect(dispatchBodyProblems(REGISTER, { policeAgency: '长治市公安局', procuratorate: '长治市人民检察院' })).toEqual([]);
    const problems = dispatchBodyProblems(REGISTER, { policeAgency: '长治市人民检察院', procuratorate: '某市检察院' });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['policeAgency', 'BODY.NOT_REGISTERED'],
      ['procuratorate', 'BODY.NOT_REGISTERED'],
    ]);
    expect(problems[0].zh).toContain('登记为人民检察院');
    expect(problems[1].en).toContain('not in the register');
  });

  it('refuses a deactivated body', () => {
    const [p] = dispatchBodyProblems(REGISTER, { policeAgency: '晋城市公安局', procuratorate: '长治市人民检察院' });
    expect(p).toMatchObject({ field: 'policeAgency', code: 'BODY.NOT_REGISTERED' });
    expect(p.zh).toContain('已在外部机关名录中停用');
  });

  it('lets a forwarding name another registered unit, never the one the transfer is with', () => {
    const r = scenario('TRANSFERRED');
    expect(forwardBodyProblems(REGISTER, r.s, '长治市公安局潞州分局')).toEqual([]);
    expect(forwardBodyProblems(REGISTER, r.s, '长治市公安局')).toEqual([expect.objectContaining({ field: 'policeAgency', code: 'BODY.SAME_UNIT' })]);
    expect(forwardBodyProblems(REGISTER, r.s, '长治市公安局经侦支队')).toEqual([expect.objectContaining({ code: 'BODY.NOT_REGISTERED' })]);
    r.exec({ type: 'FORWARD_TRANSFER', policeAgency: '长治市公安局潞州分局', at: r.now, reason: '违法行为发生地在潞州区' }, people.police);
    // Forwarded on, the unit it is with now is the one it may not go to; back to the first is a forwarding like any other.
    expect(forwardBodyProblems(REGISTER, r.s, '长治市公安局潞州分局')).toEqual([expect.objectContaining({ code: 'BODY.SAME_UNIT' })]);
    expect(forwardBodyProblems(REGISTER, r.s, '长治市公安局')).toEqual([]);
  });

  it('holds a liaison to a registered body of their role’s kind, and other staff to none', () => {
    expect(liaisonBodyProblems(REGISTER, ['POLICE_LIAISON'], '长治市公安局')).toEqual([]);
    expect(liaisonBodyProblems(REGISTER, ['PROCURATORATE'], '长治市人民检察院')).toEqual([]);
    expect(liaisonBodyProblems(REGISTER, ['PROCURATORATE'], '长治市公安局')).toEqual([expect.objectContaining({ field: 'body', code: 'BODY.NOT_REGISTERED' })]);
    expect(liaisonBodyProblems(REGISTER, ['POLICE_LIAISON'], null)).toEqual([expect.objectContaining({ code: 'BODY.NOT_REGISTERED' })]);
    expect(liaisonBodyProblems(REGISTER, ['OFFICER'], undefined)).toEqual([]);
  });
});
