import { randomUUID } from 'node:crypto';
import { startStack, Stack } from '../support/stack';
import { ago, Client } from './command-helpers';

// The demo policy's prosecution thresholds over HTTP, as the standards write
// them: farmland counted in mu against an area recorded in m² (at
// registration), sales × 3 + unsold goods (on an evidence item), two earlier
// penalties within two years (at registration, or one found later on an
// evidence item); and the transfer team
// refused with one officer, or with an officer recused from the case.
describe('prosecution thresholds and the transfer team over HTTP', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  const prior = (n: number, decidedOn: string) => ({
    decisionNumber: `长生环罚〔2025〕E2E-${n}-${randomUUID().slice(0, 4)}号`,
    agency: '长治市生态环境局',
    decidedOn,
    act: '重污染天气预警期间超标排放氮氧化物',
  });

  it('a lead occupying 4,000 m² of basic farmland (6 mu ≥ 5 mu) is flagged at registration; the case shows the threshold and its source', async () => {
    const c = await api.register({ violationCode: 'LAND-OCCUPY', amounts: [{ kind: 'BASIC_FARMLAND_M2', value: 4000, note: '国土测绘报告' }] });
    expect(c.flags).toContain('SUSPECTED_CRIME');
    const read = await api.case('officer.zhang', c.id);
    expect(read.suspicion).toMatchObject({
      raisedBy: 'THRESHOLD',
      thresholdsMet: [
        expect.objectContaining({ kind: 'BASIC_FARMLAND_M2', value: 4000, amount: 5, unit: 'MU', from: 'REGISTRATION', offence: expect.stringContaining('第三百四十二条'), source: expect.stringContaining('第六十七条') }),
      ],
    });
    const [row] = (await stack.ds.query(`SELECT payload FROM case_events WHERE case_id = $1 AND type = 'LEAD_REGISTERED'`, [c.id])) as { payload: Record<string, unknown> }[];
    expect(row.payload).toMatchObject({ amounts: [{ kind: 'BASIC_FARMLAND_M2', value: 4000 }], criminalThresholds: [expect.objectContaining({ unit: 'MU' })] });

    // 3,000 m² is 4.5 mu: nothing.
    const below = await api.register({ violationCode: 'LAND-OCCUPY', amounts: [{ kind: 'BASIC_FARMLAND_M2', value: 3000 }] });
    expect(below.flags).not.toContain('SUSPECTED_CRIME');
  });

  it('an evidence item stating sales of ¥40,000 and unsold goods of ¥40,000 (40,000 × 3 + 40,000 ≥ 150,000) flags the case under item (三)', async () => {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    const item = await api.command('officer.zhang', id, 'evidence', {
      kind: 'DOCUMENTARY',
      title: '销售台账与库存清点记录',
      collectedAt: ago(60),
      collectedByIds: [api.id('officer.zhang'), api.id('officer.li')],
      location: '长治市潞州区某街12号',
      text: '台账记载已售电暖器四万元，库存未售电暖器货值四万元',
      credentialsShown: true,
      rightsExplained: true,
      amounts: [
        { kind: 'SALES', value: 40000 },
        { kind: 'UNSOLD_GOODS_VALUE', value: 40000 },
      ],
    });
    expect(item.status).toBe(201);
    const c = await api.case('head.sun', id);
    expect(c.flags).toContain('SUSPECTED_CRIME');
    expect(c.suspicion?.thresholdsMet).toEqual([
      expect.objectContaining({
        rule: 'WEIGHTED_SUM',
        value: 160000,
        amount: 150000,
        from: 'EVIDENCE',
        terms: [
          { kind: 'SALES', weight: 3, value: 40000 },
          { kind: 'UNSOLD_GOODS_VALUE', weight: 1, value: 40000 },
        ],
        source: expect.stringContaining('第十六条第（三）项'),
      }),
    ]);
  });

  it('two earlier penalties within two years of the act flag an emissions case, at registration or with the evidence of the second; malformed ones are refused and record no case', async () => {
    const summary = `repeat ${randomUUID()}`;
    const bad = await api.as('officer.zhang').POST('/api/v1/cases', {
      body: {
        source: 'inspection',
        discoveredAt: '2026-11-20T02:00:00Z',
        party: { type: 'ORGANISATION', name: '某化工有限公司' },
        violationCode: 'AIR-EXCESS',
        summary,
        procedure: 'ORDINARY',
        officerIds: [api.id('officer.zhang'), api.id('officer.li')],
        priorPenalties: [{ decisionNumber: 'x', agency: '长治市生态环境局', decidedOn: '2025/03/02', act: 'y' }],
      } as never,
    });
    expect(bad.response.status).toBe(400);
    expect(await stack.ds.query(`SELECT 1 FROM cases WHERE state->>'summary' = $1`, [summary])).toEqual([]);

    const old = prior(1, '2024-11-17'); // before 2024-11-18, two years before the act: not counted
    const c = await api.register({ violationCode: 'AIR-EXCESS', party: { type: 'ORGANISATION', name: '某化工有限公司' }, priorPenalties: [old, prior(2, '2025-03-02')] });
    expect(c.flags).not.toContain('SUSPECTED_CRIME');
    expect(c.priorPenalties).toHaveLength(2);
    // A second penalty within the window, found in the investigation: the copy of the decision is evidence.
    expect((await api.command('head.sun', c.id, 'filing', { approve: true, reason: '属本机关管辖', officerIds: [api.id('officer.zhang'), api.id('officer.li')] })).status).toBe(200);
    const found = prior(5, '2026-06-01');
    const item = await api.command('officer.zhang', c.id, 'evidence', {
      kind: 'DOCUMENTARY',
      title: '行政处罚决定书（复印件）',
      collectedAt: ago(60),
      collectedByIds: [api.id('officer.zhang'), api.id('officer.li')],
      location: '长治市生态环境局档案室',
      text: '当事人于2026年6月1日因超标排放受到行政处罚',
      credentialsShown: true,
      rightsExplained: true,
      priorPenalties: [found],
    });
    expect(item.status).toBe(201);
    const afterItem = await api.case('head.sun', c.id);
    expect(afterItem.flags).toContain('SUSPECTED_CRIME');
    expect(afterItem.suspicion?.thresholdsMet).toEqual([expect.objectContaining({ rule: 'REPEAT', value: 2, from: 'EVIDENCE' })]);
    expect(afterItem.priorPenalties?.map((p) => p.decisionNumber)).toEqual([old.decisionNumber, expect.any(String), found.decisionNumber]);

    const p1 = prior(3, '2025-03-02');
    const p2 = prior(4, '2026-01-15');
    const flagged = await api.register({ violationCode: 'AIR-EXCESS', party: { type: 'ORGANISATION', name: '某化工有限公司' }, priorPenalties: [p1, p2] });
    expect(flagged.flags).toContain('SUSPECTED_CRIME');
    expect((await api.case('head.sun', flagged.id)).suspicion?.thresholdsMet).toEqual([
      expect.objectContaining({ rule: 'REPEAT', value: 2, amount: 2, withinMonths: 24, priorPenalties: [p1.decisionNumber, p2.decisionNumber], source: expect.stringContaining('法释〔2023〕7号') }),
    ]);
  });

  it('a transfer team of one officer, or with an officer recused from the case, is refused with 422 and records nothing', async () => {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    const propose = (officers: string[]) => api.command('officer.zhang', id, 'criminal-transfer', { grounds: 'sales of fake heaters above ¥50,000', officerIds: officers.map((u) => api.id(u)) });

    const one = await api.refused(id, () => propose(['officer.zhang']));
    expect(one.body).toMatchObject({ status: 422, code: 'CASE.TWO_OFFICERS_REQUIRED' });

    const recusal = await api.command('head.sun', id, 'recusal', { userId: api.id('officer.li'), reason: '与当事人有利害关系', requestedBy: 'PARTY', replacementId: api.id('officer.wang') });
    expect(recusal.status).toBe(200);
    const recused = await api.refused(id, () => propose(['officer.zhang', 'officer.li']));
    expect(recused.body).toMatchObject({ status: 422, code: 'CASE.NOT_AN_OFFICER', errors: [{ field: 'officerIds[1]', message: '李娜 was recused from this case' }] });
    expect((await api.eventTypes(id)).filter((t) => t === 'TRANSFER_PROPOSED')).toEqual([]);

    expect((await propose(['officer.zhang', 'officer.wang'])).status).toBe(200);
  });
});
