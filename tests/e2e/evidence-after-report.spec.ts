import { startStack, Stack } from '../support/stack';
import { ago, Client, decisionContents, deadline } from './command-helpers';

// No dead ends for evidence (issue 10): over HTTP, the party's evidence during
// its defence and supplementary investigation after the report are recorded
// without wiping the notice; evidence that changes the facts sends the case
// back; the first collection records the rights notice (APL 55); confiscated
// goods are items, not money; the agency imposes only the kinds its powers
// include; auxiliary staff draft under an officer and two officers confirm.
// Each refusal: its status and code, and nothing recorded.
describe('evidence after the report, and who may record it', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  // 《产品质量法》art 50 (demo benchmark: 0.5–3× goods value); ¥5,000 on goods of ¥3,000 is GENERAL.
  const report = (over: Record<string, unknown> = {}) => ({
    findings: 'The party sold substandard goods worth ¥3,000 as standard',
    legalBasis: '《产品质量法》第五十条',
    circumstanceLevel: 'GENERAL',
    discretionBases: [{ kind: 'GOODS_VALUE', value: 3000 }],
    proposedOutcome: 'PENALTY',
    proposedPenalty: { kinds: ['FINE'], fineAmount: 5000 },
    ...over,
  });
  const decision = (penalty: Record<string, unknown>, evidenceIds: string[]) => ({
    outcome: 'PENALTY',
    penalty,
    documentNumber: '长市监罚〔2026〕E2E-EV号',
    text: '决定: 罚款.',
    ...decisionContents(evidenceIds, { legalBasis: '《产品质量法》第五十条' }),
  });
  const notice = (n: string) => ({
    noticeNumber: `长市监告〔2026〕E2E-EV${n}号`,
    text: '拟罚款; 你有陈述、申辩和要求听证的权利.',
    hearingRightsNotified: true,
    method: 'DIRECT',
    servedAt: ago(20),
    recipient: '王某',
    proof: `送达回证 No. E2E-EV${n}`,
  });
  const item = (title: string, over: Record<string, unknown> = {}) => ({
    kind: 'DOCUMENTARY',
    title,
    collectedAt: ago(30),
    collectedByIds: [api.id('officer.zhang'), api.id('officer.li')],
    location: '执法大队',
    text: `${title}: 内容`,
    ...over,
  });

  /** Filed, evidence, reported with `penalty`, reviewed, notice approved and served. */
  async function noticed(n: string, penalty: Record<string, unknown> = { kinds: ['FINE'], fineAmount: 5000 }): Promise<string> {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    expect((await api.textEvidence(id)).status).toBe(201);
    expect((await api.command('officer.li', id, 'investigation-report', report({ proposedPenalty: penalty }))).status).toBe(200);
    expect((await api.command('reviewer.liu', id, 'case-review', { opinion: 'AGREE', comments: 'facts clear' })).status).toBe(200);
    await api.approveNotice(id);
    expect((await api.command('officer.zhang', id, 'notice', notice(n))).status).toBe(200);
    return id;
  }

  it("records the party's evidence with its defence without wiping the notice; the decision must cite it", async () => {
    const id = await noticed('1');
    const before = await api.case('officer.zhang', id);
    const party = await api.command<{ evidenceId: string; case: { status: string } }>(
      'officer.zhang',
      id,
      'evidence',
      item('当事人提交的进货发票', { origin: 'PARTY_DEFENCE', source: '当事人陈述申辩时提交' }),
    );
    expect(party.status).toBe(201);
    expect(party.body.case.status).toBe('NOTICE_SERVED');
    const after = await api.case('officer.zhang', id);
    expect(deadline(after, 'defence')).toEqual(deadline(before, 'defence'));
    const listed = await api.get<{ items: { evidenceId: string; origin?: string }[] }>('officer.zhang', `/cases/${id}/evidence`);
    expect(listed.body.items.map((e) => e.origin)).toEqual(['INITIAL', 'PARTY_DEFENCE']);

    expect((await api.command('officer.zhang', id, 'defence', { waived: false, statement: '进货有合法来源', hearingWaived: true })).status).toBe(200);
    const [first] = await api.evidenceIds(id);
    const uncited = await api.refused(id, () => api.command('head.sun', id, 'decision', decision({ kinds: ['FINE'], fineAmount: 5000 }, [first])));
    expect(uncited.body).toMatchObject({ status: 422, code: 'DECISION.NEW_EVIDENCE_NOT_CITED' });
    const decided = await api.command('head.sun', id, 'decision', decision({ kinds: ['FINE'], fineAmount: 5000 }, [first, party.body.evidenceId]));
    expect(decided.status).toBe(200);
    expect(decided.body.case.status).toBe('DECIDED');
  });

  it('evidence that changes the facts sends the case back for a new report; the wrong origin or a flag before the report is refused', async () => {
    const id = await noticed('2');
    const hearing = await api.refused(id, () => api.command('officer.zhang', id, 'evidence', item('听证证据', { origin: 'PARTY_HEARING' })));
    expect(hearing.body).toMatchObject({ status: 422, code: 'EVIDENCE.ORIGIN_MISMATCH' });

    const changed = await api.command('officer.zhang', id, 'evidence', item('补充检验报告', { kind: 'EXPERT_OPINION', changesFacts: true }));
    expect(changed.status).toBe(201);
    expect(changed.body.case.status).toBe('FILED');
    expect(deadline(changed.body.case, 'defence')?.state).toBe('CANCELLED');
    expect(deadline(changed.body.case, 'hearingRequest')?.state).toBe('CANCELLED');

    const early = await api.refused(id, () => api.command('officer.zhang', id, 'evidence', item('再次补充', { changesFacts: true })));
    expect(early.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    expect(early.body.errors?.map((e) => e.field)).toEqual(['changesFacts']);
    // A new report follows, as after a head's return to investigation.
    expect((await api.command('officer.li', id, 'investigation-report', report())).status).toBe(200);
  });

  it('the first item collected records credentials shown and rights told (APL 55), or is refused', async () => {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    for (const flags of [{}, { credentialsShown: true }, { credentialsShown: true, rightsExplained: false }]) {
      const bare = await api.refused(id, () => api.command('officer.zhang', id, 'evidence', item('现场检查笔录', flags)));
      expect(bare.body).toMatchObject({ status: 422, code: 'EVIDENCE.RIGHTS_NOTICE_MISSING' });
    }
    expect(await api.evidenceIds(id)).toEqual([]);
    expect((await api.command('officer.zhang', id, 'evidence', item('现场检查笔录', { credentialsShown: true, rightsExplained: true }))).status).toBe(201);
    expect((await api.command('officer.zhang', id, 'evidence', item('询问笔录'))).status).toBe(201);
  });

  it('confiscated goods are items, never money due; a market regulator may not impose detention', async () => {
    const detention = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    expect((await api.textEvidence(detention)).status).toBe(201);
    const refused = await api.refused(detention, () =>
      api.command('officer.li', detention, 'investigation-report', report({ proposedPenalty: { kinds: ['FINE', 'DETENTION'], fineAmount: 5000, termDays: 5 } })),
    );
    expect(refused.body).toMatchObject({ status: 422, code: 'PENALTY.KIND_NOT_EMPOWERED' });
    const asMoney = await api.refused(detention, () =>
      api.command('officer.li', detention, 'investigation-report', report({ proposedPenalty: { kinds: ['FINE', 'CONFISCATION'], fineAmount: 5000 } })),
    );
    expect(asMoney.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });

    const goods = { kinds: ['FINE', 'CONFISCATION'], fineAmount: 5000, confiscatedItems: [{ description: '不合格插座', quantity: 300, unit: '个' }] };
    const id = await noticed('3', goods);
    expect((await api.command('officer.zhang', id, 'defence', { waived: true, hearingWaived: true })).status).toBe(200);
    const decided = await api.command('head.sun', id, 'decision', decision(goods, await api.evidenceIds(id)));
    expect(decided.status).toBe(200);
    const [row] = await stack.ds.query(`SELECT payload FROM case_events WHERE case_id = $1 AND type = 'DECISION_MADE'`, [id]);
    expect(row.payload.amountDue).toBe(5000);
    expect(row.payload.penalty.confiscatedItems).toEqual(goods.confiscatedItems);
  });

  it('auxiliary staff attached under an officer read the case and draft; two officers confirm before anything rests on it', async () => {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    const unattached = await api.refused(id, () => api.get('aux.chen', `/cases/${id}`));
    expect(unattached.status).toBe(403);
    const draftEarly = await api.refused(id, () => api.command('aux.chen', id, 'evidence', item('现场照片', { credentialsShown: true, rightsExplained: true })));
    expect(draftEarly.status).toBe(403);
    const byAux = await api.refused(id, () => api.command('aux.chen', id, 'auxiliary', { auxiliaryId: api.id('aux.chen'), supervisorId: api.id('officer.zhang') }));
    expect(byAux.status).toBe(403);
    const notAux = await api.refused(id, () => api.command('officer.zhang', id, 'auxiliary', { auxiliaryId: api.id('officer.li'), supervisorId: api.id('officer.zhang') }));
    expect(notAux.body).toMatchObject({ status: 422, code: 'AUXILIARY.NOT_AUXILIARY' });

    const attached = await api.command('officer.zhang', id, 'auxiliary', { auxiliaryId: api.id('aux.chen'), supervisorId: api.id('officer.zhang') });
    expect(attached.status).toBe(200);
    expect(attached.body.recorded).toEqual([{ seq: expect.any(Number), type: 'AUXILIARY_ATTACHED' }]);
    expect((await api.get('aux.chen', `/cases/${id}`)).status).toBe(200);
    const listed = await api.get<{ items: { id: string }[] }>('aux.chen', '/cases?pageSize=100');
    expect(listed.body.items.map((c) => c.id)).toContain(id);

    const draft = await api.command<{ evidenceId: string }>('aux.chen', id, 'evidence', item('现场照片', { credentialsShown: true, rightsExplained: true }));
    expect(draft.status).toBe(201);
    const onDraft = await api.refused(id, () => api.command('officer.li', id, 'investigation-report', report()));
    expect(onDraft.body).toMatchObject({ status: 422, code: 'CASE.EVIDENCE_REQUIRED' });
    const one = await api.refused(id, () =>
      api.command('officer.zhang', id, `evidence/${draft.body.evidenceId}/confirmation`, { confirmerIds: [api.id('officer.zhang')] }),
    );
    expect(one.body).toMatchObject({ status: 422, code: 'CASE.TWO_OFFICERS_REQUIRED' });
    const confirmed = await api.command('officer.zhang', id, `evidence/${draft.body.evidenceId}/confirmation`, {
      confirmerIds: [api.id('officer.zhang'), api.id('officer.li')],
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recorded).toEqual([{ seq: expect.any(Number), type: 'EVIDENCE_CONFIRMED' }]);
    expect((await api.command('officer.li', id, 'investigation-report', report())).status).toBe(200);
  });
});
