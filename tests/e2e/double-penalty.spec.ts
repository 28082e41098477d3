import { randomUUID } from 'node:crypto';
import { startStack, Stack } from '../support/stack';
import { ago, Client, decisionContents } from './command-helpers';

// APL 29 (一事不二罚) over HTTP: registration and filing warn of other cases
// against the same party (ID number or credit code) for the same violation;
// a second fine for the act is refused unless the decision gives its reasons.
describe('one fine per act (APL 29) over HTTP', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  const person = () => ({ type: 'PERSON', name: '赵某', idNumber: `14040019800101${randomUUID().slice(0, 4).toUpperCase()}` });

  async function payloadOf(caseId: string, type: string): Promise<Record<string, unknown>> {
    const [row]: { payload: Record<string, unknown> }[] = await stack.ds.query('SELECT payload FROM case_events WHERE case_id = $1 AND type = $2', [caseId, type]);
    return row.payload;
  }

  const simpleLead = (party: Record<string, unknown>) =>
    api.register({ procedure: 'SIMPLE', violationCode: 'TRAFFIC-RULE', party, officerIds: [api.id('officer.zhang')], summary: 'Stopped in a no-stopping zone' });

  const onTheSpot = (documentNumber: string, over: Record<string, unknown> = {}) => ({
    facts: 'Vehicle stopped in a no-stopping zone',
    legalBasis: '《道路交通安全法》第九十条',
    penalty: { kinds: ['FINE'], fineAmount: 100 },
    documentNumber,
    text: '当场处罚决定书: 罚款 100 元',
    service: { method: 'DIRECT', servedAt: ago(5), recipient: '赵某', proof: '当事人签收' },
    defence: { waived: true },
    ...over,
  });

  it('on the spot: the second lead is warned of the first fine, its fine refused, then decided with reasons', async () => {
    const party = person();
    const first = await simpleLead(party);
    expect(first.sameActCases).toBeUndefined();
    expect((await api.command('officer.zhang', first.id, 'simple-decision', onTheSpot('长市监简〔2026〕APL29-1号'))).status).toBe(200);

    const second = await simpleLead(party);
    expect(second.sameActCases).toEqual([{ caseId: first.id, caseNumber: first.caseNumber, status: 'SERVED', outcome: 'PENALTY', fineAmount: 100 }]);
    expect((await payloadOf(second.id, 'LEAD_REGISTERED')).sameActCases).toEqual(second.sameActCases);
    // Read back, the case still names it.
    expect((await api.case('officer.zhang', second.id)).sameActCases).toEqual(second.sameActCases);

    const refused = await api.refused(second.id, () => api.command('officer.zhang', second.id, 'simple-decision', onTheSpot('长市监简〔2026〕APL29-2号')));
    expect(refused.body).toMatchObject({ status: 422, code: 'DECISION.SAME_ACT_FINED' });
    expect(refused.body.detail).toContain(first.caseNumber);
    expect(refused.body.errors?.map((e) => e.field)).toEqual(['sameActOverrideReason']);
    expect(await api.eventTypes(second.id)).toEqual(['LEAD_REGISTERED']);

    const reason = '本次系当日另一时段、另一地点的违法停车，为另一违法行为';
    const decided = await api.command('officer.zhang', second.id, 'simple-decision', onTheSpot('长市监简〔2026〕APL29-2号', { sameActOverrideReason: reason }));
    expect(decided.status).toBe(200);
    expect((await payloadOf(second.id, 'SIMPLE_DECISION_MADE')).sameActOverride).toEqual({
      reason,
      finedCases: [{ caseId: first.id, caseNumber: first.caseNumber, status: 'SERVED', outcome: 'PENALTY', fineAmount: 100 }],
    });
  });

  it('a party known by name only is not matched; another violation is another act; a lead closed without a decision is not named', async () => {
    const party = person();
    const dropped = await simpleLead(party);
    expect((await api.command('officer.zhang', dropped.id, 'simple-dismissal', { reason: '违法事实不成立', facts: '现场允许临时停车' })).status).toBe(200);
    const first = await simpleLead(party);
    expect(first.sameActCases).toBeUndefined();
    expect((await api.command('officer.zhang', first.id, 'simple-decision', onTheSpot('长市监简〔2026〕APL29-3号'))).status).toBe(200);
    expect((await simpleLead(party)).sameActCases?.map((c) => c.caseId)).toEqual([first.id]);
    expect((await simpleLead({ type: 'PERSON', name: party.name })).sameActCases).toBeUndefined();
    const other = await api.register({ procedure: 'SIMPLE', violationCode: 'SAFETY-TRAINING', party, officerIds: [api.id('officer.zhang')], summary: 'x' });
    expect(other.sameActCases).toBeUndefined();
  });

  // 《产品质量法》art 50 (demo benchmark: 0.5–3× goods value); ¥5,000 on goods of ¥3,000 is GENERAL.
  async function heard(party: Record<string, unknown>): Promise<{ id: string; caseNumber: string; evidence: string[] }> {
    const lead = await api.register({ violationCode: 'PRODUCT-FAKE', party });
    const filing = await api.command('head.sun', lead.id, 'filing', {
      approve: true,
      reason: 'facts verified on inspection',
      officerIds: [api.id('officer.zhang'), api.id('officer.li')],
    });
    expect(filing.status).toBe(200);
    expect((await api.textEvidence(lead.id)).status).toBe(201);
    const report = {
      findings: 'Sold substandard goods worth ¥3,000 as standard',
      legalBasis: '《产品质量法》第五十条',
      circumstanceLevel: 'GENERAL',
      discretionBases: [{ kind: 'GOODS_VALUE', value: 3000 }],
      proposedOutcome: 'PENALTY',
      proposedPenalty: { kinds: ['FINE'], fineAmount: 5000 },
    };
    expect((await api.command('officer.li', lead.id, 'investigation-report', report)).status).toBe(200);
    expect((await api.command('reviewer.liu', lead.id, 'case-review', { opinion: 'AGREE', comments: 'facts clear' })).status).toBe(200);
    await api.approveNotice(lead.id);
    const n = randomUUID().slice(0, 6);
    const notice = {
      noticeNumber: `长市监告〔2026〕APL29-${n}号`,
      text: '拟罚款; 你有陈述、申辩和要求听证的权利.',
      hearingRightsNotified: true,
      method: 'DIRECT',
      servedAt: ago(20),
      recipient: '赵某',
      proof: `送达回证 APL29-${n}`,
    };
    expect((await api.command('officer.zhang', lead.id, 'notice', notice)).status).toBe(200);
    expect((await api.command('officer.zhang', lead.id, 'defence', { waived: true, hearingWaived: true })).status).toBe(200);
    return { id: lead.id, caseNumber: lead.caseNumber, evidence: await api.evidenceIds(lead.id) };
  }

  const decision = (evidence: string[], over: Record<string, unknown> = {}) => ({
    outcome: 'PENALTY',
    penalty: { kinds: ['FINE'], fineAmount: 5000 },
    documentNumber: `长市监罚〔2026〕APL29-${randomUUID().slice(0, 6)}号`,
    text: '决定: 罚款.',
    ...decisionContents(evidence, { legalBasis: '《产品质量法》第五十条' }),
    ...over,
  });

  it('ordinary: filing warns of the fined case, the second fine is refused, then decided with its reasons recorded', async () => {
    const party = person();
    const first = await heard(party);
    expect((await api.command('head.sun', first.id, 'decision', decision(first.evidence))).status).toBe(200);

    // The second lead's filing records the warning as it stands then.
    const lead = await api.register({ violationCode: 'PRODUCT-FAKE', party });
    const fined = { caseId: first.id, caseNumber: first.caseNumber, status: 'DECIDED', outcome: 'PENALTY', fineAmount: 5000 };
    expect(lead.sameActCases).toEqual([fined]);
    const filed = await api.command('head.sun', lead.id, 'filing', { approve: true, reason: 'x', officerIds: [api.id('officer.zhang'), api.id('officer.li')] });
    expect(filed.body.case.sameActCases).toEqual([fined]);
    expect((await payloadOf(lead.id, 'FILING_APPROVED')).sameActCases).toEqual([fined]);

    const second = await heard(party);
    const before = await api.eventTypes(second.id);
    const refused = await api.refused(second.id, () => api.command('head.sun', second.id, 'decision', decision(second.evidence)));
    expect(refused.body).toMatchObject({ status: 422, code: 'DECISION.SAME_ACT_FINED' });
    expect(refused.body.detail).toContain(first.caseNumber);
    expect(await api.eventTypes(second.id)).toEqual(before);

    const reason = '经查，本案所涉批次与前案不同，系另一违法行为';
    const decided = await api.command('head.sun', second.id, 'decision', decision(second.evidence, { sameActOverrideReason: reason }));
    expect(decided.status).toBe(200);
    expect((await payloadOf(second.id, 'DECISION_MADE')).sameActOverride).toMatchObject({ reason, finedCases: [fined] });
  });
});
