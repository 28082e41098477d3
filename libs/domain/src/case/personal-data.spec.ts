import { maskField, maskParty, maskPersonalData, personalFieldsOf } from './personal-data';

describe('a party’s personal information, masked', () => {
  it('keeps an ID number’s region and last four, a phone’s first three and last four, an address’s first six characters', () => {
    expect(maskField('idNumber', '140402199001011234')).toBe('140402********1234');
    expect(maskField('phone', '13835501234')).toBe('138****1234');
    expect(maskField('address', '山西省长治市潞州区英雄中路1号')).toBe('山西省长治市*********');
    expect(maskField('phone', '1234')).toBe('****');
  });

  it('masks only what a party holds; an organisation’s credit code and representative are public', () => {
    const org = { type: 'ORGANISATION' as const, name: '长治市某某食品商行', creditCode: '91140400MA0TEST01X', legalRepresentative: '王某', phone: '03552021234' };
    expect(personalFieldsOf(org)).toEqual(['phone']);
    expect(maskParty(org)).toEqual({ ...org, phone: '035****1234' });
    expect(org.phone).toBe('03552021234');
  });

  it('masks every party however deep in a body, and nothing else', () => {
    const body = {
      id: 'c1',
      party: { type: 'PERSON', name: '王某', idNumber: '140402199001011234' },
      events: [
        { type: 'LEAD_REGISTERED', payload: { party: { type: 'PERSON', name: '王某', address: '山西省长治市潞州区英雄中路1号' }, summary: 'address: kept' } },
        { type: 'DECISION_MADE', payload: { contents: { party: { name: '王某', phone: '13835501234' } } } },
      ],
      phone: 'not a party field',
    };
    const masked = maskPersonalData(body);
    expect(masked.party.idNumber).toBe('140402********1234');
    expect(masked.events[0].payload.party).toMatchObject({ name: '王某', address: '山西省长治市*********' });
    expect(masked.events[0].payload.summary).toBe('address: kept');
    expect(masked.events[1].payload.contents!.party.phone).toBe('138****1234');
    expect(masked.phone).toBe('not a party field');
    expect(body.party.idNumber).toBe('140402199001011234');
    // The body is left as it was, however deep; what holds no party is shared, not copied.
    expect(body.events[0].payload.party!.address).toBe('山西省长治市潞州区英雄中路1号');
    expect(body.events[1].payload.contents!.party.phone).toBe('13835501234');
    expect(masked.events[1]).not.toBe(body.events[1]);
  });

  it('copies nothing that holds no party', () => {
    const body = { caseId: 'c1', events: [{ type: 'EVIDENCE_RECORDED', payload: { title: '现场检查笔录', collectors: [{ userId: 'u1' }] } }], hashes: ['a', 'b'] };
    const masked = maskPersonalData(body);
    expect(masked).toBe(body);
    expect(masked).toEqual({ caseId: 'c1', events: [{ type: 'EVIDENCE_RECORDED', payload: { title: '现场检查笔录', collectors: [{ userId: 'u1' }] } }], hashes: ['a', 'b'] });
  });

  it('masks a party inside an array beside items that hold none, the others shared', () => {
    const plain = { type: 'EVIDENCE_RECORDED', payload: { title: 't' } };
    const body = [plain, { type: 'LEAD_REGISTERED', payload: { party: { type: 'PERSON', name: '王某', idNumber: '140402199001011234' } } }];
    const masked = maskPersonalData(body);
    expect(masked).not.toBe(body);
    expect(masked[0]).toBe(plain);
    expect(masked[1].payload).toEqual({ party: { type: 'PERSON', name: '王某', idNumber: '140402********1234' } });
    expect(body[1].payload).toEqual({ party: { type: 'PERSON', name: '王某', idNumber: '140402199001011234' } });
  });
});
