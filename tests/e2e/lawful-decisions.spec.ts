import { startStack, Stack } from '../support/stack';
import { ago, Client } from './command-helpers';

// A decision is judged on what is decided (APL 40, 44, 62): over HTTP, by the
// head, each refusal with its status and code, and nothing recorded.
describe('a penalty decision bound to the investigation and the notice', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  const decision = (fineAmount: number) => ({
    outcome: 'PENALTY',
    penalty: { kinds: ['FINE'], fineAmount },
    documentNumber: '长市监罚〔2026〕E2E-9号',
    text: '决定: 罚款.',
    legalBasis: '《产品质量法》第五十条',
  });

  // 《产品质量法》art 50 (demo benchmark: 0.5–3× goods value); ¥5,000 on goods of ¥3,000 is GENERAL (1.25–2.25×).
  const filedCase = () => api.filedCase({ violationCode: 'PRODUCT-FAKE' });
  const report = (over: Record<string, unknown>) => ({
    findings: 'The party sold substandard goods worth ¥3,000 as standard',
    legalBasis: '《产品质量法》第五十条',
    circumstanceLevel: 'GENERAL',
    discretionBases: [{ kind: 'GOODS_VALUE', value: 3000 }],
    ...over,
  });

  it('no evidence, or a report that found no penalty: a penalty is refused, the finding decided', async () => {
    const bare = await filedCase();
    expect((await api.command('officer.li', bare, 'investigation-report', report({ proposedOutcome: 'NO_PENALTY' }))).status).toBe(200);
    expect((await api.command('reviewer.liu', bare, 'case-review', { opinion: 'AGREE', comments: 'facts clear' })).status).toBe(200);
    const noEvidence = await api.refused(bare, () => api.command('head.sun', bare, 'decision', decision(1_000_000)));
    expect(noEvidence.body).toMatchObject({ status: 422, code: 'CASE.EVIDENCE_REQUIRED' });

    const id = await filedCase();
    expect((await api.textEvidence(id)).status).toBe(201);
    expect((await api.command('officer.li', id, 'investigation-report', report({ proposedOutcome: 'NO_PENALTY' }))).status).toBe(200);
    expect((await api.command('reviewer.liu', id, 'case-review', { opinion: 'AGREE', comments: 'facts clear' })).status).toBe(200);
    const contrary = await api.refused(id, () => api.command('head.sun', id, 'decision', decision(1_000_000)));
    expect(contrary.body).toMatchObject({ status: 422, code: 'DECISION.CONTRARY_TO_REPORT' });
    const noPenalty = await api.command('head.sun', id, 'decision', { outcome: 'NO_PENALTY', documentNumber: '长市监不罚〔2026〕E2E-1号', text: '不予行政处罚.' });
    expect(noPenalty.status).toBe(200);
    expect(noPenalty.body.case.status).toBe('DECIDED');
  });

  it('an exempt finding proposes no penalty', async () => {
    const id = await filedCase();
    expect((await api.textEvidence(id)).status).toBe(201);
    const exempt = await api.refused(id, () =>
      api.command('officer.li', id, 'investigation-report', report({ circumstanceLevel: 'EXEMPT', proposedOutcome: 'PENALTY', proposedPenalty: { kinds: ['FINE'], fineAmount: 5000 } })),
    );
    expect(exempt.body).toMatchObject({ status: 422, code: 'REPORT.EXEMPT_WITH_PENALTY' });
  });

  it('a penalty heavier than the notice is refused though the party waived its defence; the notified one is decided', async () => {
    const id = await filedCase();
    expect((await api.textEvidence(id)).status).toBe(201);
    expect((await api.command('officer.li', id, 'investigation-report', report({ proposedOutcome: 'PENALTY', proposedPenalty: { kinds: ['FINE'], fineAmount: 5000 } }))).status).toBe(200);
    expect((await api.command('reviewer.liu', id, 'case-review', { opinion: 'AGREE', comments: 'facts clear' })).status).toBe(200);
    const noticed = await api.command('officer.zhang', id, 'notice', {
      noticeNumber: '长市监告〔2026〕E2E-9号',
      text: '拟罚款伍仟元; 你有陈述、申辩的权利.',
      hearingRightsNotified: true,
      method: 'DIRECT',
      servedAt: ago(20),
      recipient: '王某',
      proof: '送达回证 No. E2E-9',
    });
    expect(noticed.status).toBe(200);
    // ¥5,000 for a person qualifies for a hearing: a defence waiver alone leaves the hearing window open (APL 64).
    const defenceOnly = await api.command('officer.zhang', id, 'defence', { waived: true });
    expect(defenceOnly.status).toBe(200);
    const windowOpen = await api.refused(id, () => api.command('head.sun', id, 'decision', decision(5000)));
    expect(windowOpen.body).toMatchObject({ status: 409, code: 'CASE.HEARING_WINDOW_RUNNING' });
    // The party then waives its hearing in writing: the window ends, and a hearing request is refused.
    const waived = await api.command('officer.zhang', id, 'hearing-waiver', { waivedAt: ago(5), note: '书面放弃听证' });
    expect(waived.status).toBe(200);
    expect(waived.body.recorded).toEqual([{ seq: expect.any(Number), type: 'HEARING_WAIVED' }]);
    const late = await api.refused(id, () => api.command('officer.zhang', id, 'hearing-request', { requestedAt: ago(1) }));
    expect(late.body).toMatchObject({ status: 409, code: 'HEARING.WAIVED' });

    const heavier = await api.refused(id, () => api.command('head.sun', id, 'decision', decision(9000)));
    expect(heavier.body).toMatchObject({ status: 422, code: 'DECISION.HEAVIER_THAN_NOTICE' });
    expect(heavier.body.detail).toContain('¥9,000');
    const decided = await api.command('head.sun', id, 'decision', decision(5000));
    expect(decided.status).toBe(200);
    expect(decided.body.case.status).toBe('DECIDED');
  });
});
