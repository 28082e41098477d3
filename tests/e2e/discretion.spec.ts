import { startStack, Stack } from '../support/stack';
import { ago, Client, CommandBody, decisionContents } from './command-helpers';

// 裁量基准 over HTTP: the report's fine must lie in its level's range of the
// demo policy's benchmark, with the bases it needs; the decision stays within
// the statutory range. Each refusal: status, code, and nothing recorded.
// Demo benchmark for PRODUCT-FAKE (《产品质量法》art 50): 0.5–3× goods value,
// LIGHTER 0.5–1.25×, GENERAL 1.25–2.25×, HEAVIER 2.25–3×.
describe('discretion benchmarks bind the report and the decision', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  const report = (over: Record<string, unknown>) => ({
    findings: 'Substandard goods worth ¥3,000 sold as standard',
    proposedOutcome: 'PENALTY',
    legalBasis: '《产品质量法》第五十条',
    circumstanceLevel: 'GENERAL',
    discretionBases: [{ kind: 'GOODS_VALUE', value: 3000, note: 'purchase invoices' }],
    ...over,
  });
  const fine = (fineAmount: number) => ({ proposedPenalty: { kinds: ['FINE'], fineAmount } });

  async function withEvidence(violationCode = 'PRODUCT-FAKE'): Promise<string> {
    const id = await api.filedCase({ violationCode });
    expect((await api.textEvidence(id)).status).toBe(201);
    return id;
  }

  it('a fine outside its level, a missing base and a MITIGATED fine within the statutory range are refused', async () => {
    const id = await withEvidence();
    // GENERAL on goods of ¥3,000 is ¥3,750–6,750.
    const low = await api.refused(id, () => api.command('officer.li', id, 'investigation-report', report(fine(3749.99))));
    expect(low.body).toMatchObject({ status: 422, code: 'DISCRETION.OUT_OF_RANGE' });
    expect(low.body.detail).toContain('GENERAL range 1.25–2.25× goods value (货值金额) = ¥3,750–¥6,750');
    expect(low.body.detail).toContain('band any goods value');
    expect(low.body.detail).toContain('《产品质量法》第五十条');
    expect(low.body.errors).toEqual([{ field: 'proposedPenalty.fineAmount', message: expect.stringContaining('¥3,750–¥6,750') }]);
    const high = await api.refused(id, () => api.command('officer.li', id, 'investigation-report', report(fine(6750.01))));
    expect(high.body.code).toBe('DISCRETION.OUT_OF_RANGE');

    const noBase = await api.refused(id, () => api.command('officer.li', id, 'investigation-report', report({ ...fine(5000), discretionBases: undefined })));
    expect(noBase.body).toMatchObject({ status: 422, code: 'DISCRETION.BASE_MISSING', errors: [{ field: 'discretionBases', message: 'needs GOODS_VALUE' }] });

    const notMitigation = await api.refused(id, () =>
      api.command('officer.li', id, 'investigation-report', report({ ...fine(1500), circumstanceLevel: 'MITIGATED', discretionReasons: '主动消除危害后果' })),
    );
    expect(notMitigation.body).toMatchObject({ status: 422, code: 'DISCRETION.NOT_MITIGATION' });

    const badBase = await api.refused(id, () =>
      api.command('officer.li', id, 'investigation-report', report({ ...fine(5000), discretionBases: [{ kind: 'SHOE_SIZE', value: -1 }] })),
    );
    expect(badBase.body.status).toBe(400);
    expect(badBase.body.errors?.map((e) => e.field).sort()).toEqual(['discretionBases.0.kind', 'discretionBases.0.value']);

    const atMin = await api.command<CommandBody>('officer.li', id, 'investigation-report', report(fine(3750)));
    expect(atMin.status).toBe(200);
  });

  it('the band follows the goods value: ¥10,000 exactly is in the 10–20× band of 《食品安全法》art 122', async () => {
    const id = await withEvidence('FOOD-UNLICENSED');
    const food = (fineAmount: number, value: number) => ({
      findings: 'Packaged food sold without a food business licence',
      proposedOutcome: 'PENALTY',
      proposedPenalty: { kinds: ['FINE'], fineAmount },
      legalBasis: '《食品安全法》第一百二十二条',
      circumstanceLevel: 'LIGHTER',
      discretionReasons: 'first violation, stopped at once',
      discretionBases: [{ kind: 'GOODS_VALUE', value }],
    });
    // Goods of ¥9,999.99: LIGHTER ¥50,000–65,000; at ¥10,000: LIGHTER 10–13× = ¥100,000–130,000.
    const refused = await api.refused(id, () => api.command('officer.li', id, 'investigation-report', food(66000, 10000)));
    expect(refused.body).toMatchObject({ status: 422, code: 'DISCRETION.OUT_OF_RANGE' });
    expect(refused.body.detail).toContain('band goods value ≥ ¥10,000');
    expect(refused.body.detail).toContain('¥100,000–¥130,000');
    expect((await api.command('officer.li', id, 'investigation-report', food(65000, 9999.99))).status).toBe(200);
  });

  it('MITIGATED below the statutory minimum, with reasons, needs legal review and collective discussion', async () => {
    const id = await withEvidence();
    const bare = await api.refused(id, () => api.command('officer.li', id, 'investigation-report', report({ ...fine(1000), circumstanceLevel: 'MITIGATED' })));
    expect(bare.body).toMatchObject({ status: 422, code: 'REPORT.DISCRETION_REASONS_REQUIRED' });
    const mitigated = await api.command('officer.li', id, 'investigation-report', report({ ...fine(1000), circumstanceLevel: 'MITIGATED', discretionReasons: '主动消除违法行为危害后果 (APL 32)' }));
    expect(mitigated.status).toBe(200);
    expect(mitigated.body.case.flags).toEqual(expect.arrayContaining(['MAJOR_DECISION', 'COLLECTIVE_DISCUSSION_REQUIRED']));
    expect(mitigated.body.case.flags).not.toContain('HEARING_OFFERED');
  });

  it('the decision may be lighter than the level, never below the statutory minimum without a MITIGATED finding', async () => {
    const id = await withEvidence();
    expect((await api.command('officer.li', id, 'investigation-report', report(fine(5000)))).status).toBe(200);
    expect((await api.command('reviewer.liu', id, 'case-review', { opinion: 'AGREE', comments: 'facts clear' })).status).toBe(200);
    await api.approveNotice(id);
    const noticed = await api.command('officer.zhang', id, 'notice', {
      noticeNumber: '长市监告〔2026〕E2E-D1号',
      text: '拟罚款伍仟元; 你有陈述、申辩和要求听证的权利.',
      hearingRightsNotified: true,
      method: 'DIRECT',
      servedAt: ago(20),
      recipient: '王某',
      proof: '送达回证 No. E2E-D1',
    });
    expect(noticed.status).toBe(200);
    expect((await api.command('officer.zhang', id, 'defence', { waived: true, hearingWaived: true })).status).toBe(200);
    const evidenceIds = await api.evidenceIds(id);
    const decision = (fineAmount: number) => ({
      outcome: 'PENALTY',
      penalty: { kinds: ['FINE'], fineAmount },
      documentNumber: '长市监罚〔2026〕E2E-D1号',
      text: '决定: 罚款.',
      ...decisionContents(evidenceIds, { legalBasis: '《产品质量法》第五十条' }),
    });
    // Statutory minimum on goods of ¥3,000: 0.5× = ¥1,500.
    const below = await api.refused(id, () => api.command('head.sun', id, 'decision', decision(1499.99)));
    expect(below.body).toMatchObject({ status: 422, code: 'DISCRETION.OUT_OF_RANGE' });
    expect(below.body.detail).toContain('below the statutory minimum ¥1,500');
    expect(below.body.detail).toContain('MITIGATED');
    const lighter = await api.command('head.sun', id, 'decision', decision(1500));
    expect(lighter.status).toBe(200);
    expect(lighter.body.case.status).toBe('DECIDED');
  });
});
