import type { Party } from '../case/case-state';
import { scenario, commands as C, people } from '../testing/case-fixtures';
import { isResidentIdNumber, maskName, redactPersonalInformation, REDACTED, thirdPartiesOf } from './redaction';

const person: Party = {
  type: 'PERSON',
  name: '李建国',
  idNumber: '140402198503172413',
  phone: '13935512345',
  address: '长治市潞州区英雄中路18号3单元502室',
};
const organisation: Party = {
  type: 'ORGANISATION',
  name: '长治市某某食品有限公司',
  creditCode: '91140400MA0K1234X5',
  legalRepresentative: '蒋文',
  address: '长治市潞州区太行西街100号',
};

function redact(text: string, party: Party = person, thirdParties: string[] = []) {
  return redactPersonalInformation(text, { party, thirdParties });
}

describe('redaction of personal information before publication', () => {
  it('removes the party’s ID number, registered or merely shaped like one (checked by its check digit)', () => {
    const r = redact('当事人李建国，公民身份号码140402198503172413；其子身份证号11010519491231002x。');
    expect(r.text).toBe(`当事人李建国，公民身份号码${REDACTED.ID_NUMBER}；其子身份证号${REDACTED.ID_NUMBER}。`);
    expect(r.removed).toEqual({ ID_NUMBER: 2 });
    expect(isResidentIdNumber('140402198503172414')).toBe(false);
  });

  it('removes mobile and landline numbers, with or without separators and country code', () => {
    const r = redact('联系电话13935512345，备用 +86 139-3551-2346，固定电话0355-2021234。');
    expect(r.text).toBe(`联系电话${REDACTED.PHONE}，备用 ${REDACTED.PHONE}，固定电话${REDACTED.PHONE}。`);
    expect(r.removed).toEqual({ PHONE: 3 });
  });

  it('removes a person’s home address: the registered one wherever it appears, and whatever follows 住址 or 住所', () => {
    const r = redact('住所：长治市潞州区英雄中路18号3单元502室。当事人在长治市潞州区英雄中路18号3单元502室存放货物；其妻住址：长治市上党区某村，未参与经营。');
    expect(r.text).toBe(`住所：${REDACTED.ADDRESS}。当事人在${REDACTED.ADDRESS}存放货物；其妻住址：${REDACTED.ADDRESS}，未参与经营。`);
    expect(r.removed).toEqual({ ADDRESS: 3 });
  });

  it('keeps an organisation’s registered premises (住所) and credit code: they are not personal', () => {
    const text = '当事人长治市某某食品有限公司，统一社会信用代码91140400MA0K1234X5，住所：长治市潞州区太行西街100号，法定代表人蒋文。';
    expect(redact(text, organisation)).toEqual({ text, removed: {} });
  });

  it('removes bank accounts, labelled or by their length, without taking them for ID numbers', () => {
    const r = redact('经查，当事人通过账号6222 0212 3456 7890 123收取货款，另一账户：622848001234567891（18位）转入。');
    expect(r.text).toBe(`经查，当事人通过账号${REDACTED.BANK_ACCOUNT}收取货款，另一账户：${REDACTED.BANK_ACCOUNT}（18位）转入。`);
    expect(r.removed).toEqual({ BANK_ACCOUNT: 2 });
    const unlabelled = redact('货款转入6217000010012345678。');
    expect(unlabelled.text).toBe(`货款转入${REDACTED.BANK_ACCOUNT}。`);
  });

  it('masks third parties’ names as surname + 某, keeping the party, and leaves amounts, dates and document numbers', () => {
    const r = redact('2026年3月5日，由王小红代收送达，证人欧阳明远在场；罚款人民币伍万贰仟元（52000元），长市监罚〔2026〕101号。', person, ['王小红', '欧阳明远']);
    expect(r.text).toBe('2026年3月5日，由王某代收送达，证人欧阳某在场；罚款人民币伍万贰仟元（52000元），长市监罚〔2026〕101号。');
    expect(r.removed).toEqual({ THIRD_PARTY: 2 });
    expect(redact('当事人李建国', person, ['李建国']).text).toBe('当事人李建国');
  });

  it('masks names the way publications write them', () => {
    expect(maskName('张三')).toBe('张某');
    expect(maskName('欧阳娜娜')).toBe('欧阳某');
    expect(maskName('John Smith')).toBe('某');
  });

  it('a text with every kind at once leaves none of them readable', () => {
    const text = `李建国（身份证140402198503172413，电话13935512345，住址：长治市潞州区英雄中路18号3单元502室，账号6217000010012345678）委托赵六办理。`;
    const r = redact(text, person, ['赵六']);
    for (const secret of ['140402198503172413', '13935512345', '英雄中路', '6217000010012345678', '赵六']) expect(r.text).not.toContain(secret);
    expect(Object.keys(r.removed).sort()).toEqual(['ADDRESS', 'BANK_ACCOUNT', 'ID_NUMBER', 'PHONE', 'THIRD_PARTY']);
  });

  it('finds the third parties a case names: service recipients and witnesses other than the party and its representative', () => {
    const r = scenario('NOTICE_SERVED');
    r.exec(C.defence({ hearingWaived: true }), people.officerA);
    r.exec(C.decide(), people.head);
    r.exec(C.serve(r.now, { method: 'REFUSED', recipient: '蒋文 (法定代表人)', witnesses: ['刘小明', '陈某'], videoRecorded: true }), people.officerA);
    r.state = { ...r.s, party: organisation };
    expect(thirdPartiesOf(r.s)).toEqual(['刘小明']);
  });
});
