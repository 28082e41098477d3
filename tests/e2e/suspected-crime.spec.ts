import { randomUUID } from 'node:crypto';
import { startStack, Stack } from '../support/stack';
import { ago, Client, decisionContents } from './command-helpers';

// The suspected-crime flag over HTTP: the report's sales reach the demo
// policy's prosecution threshold (fake or substandard products, ¥50,000), or
// an officer flags the case; no penalty is decided until a head decides, with
// reasons, not to transfer — a decision supervisors then see.
describe('the suspected-crime flag over HTTP', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  /** A PRODUCT-FAKE case filed, reported with `sales`, reviewed, noticed and defended: only the decision is left. */
  async function heard(sales: number | null): Promise<{ id: string; evidence: string[] }> {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    expect((await api.textEvidence(id)).status).toBe(201);
    const report = await api.command('officer.li', id, 'investigation-report', {
      findings: 'Sold substandard heaters as standard; goods in stock worth ¥3,000',
      legalBasis: '《产品质量法》第五十条',
      circumstanceLevel: 'GENERAL',
      discretionBases: [{ kind: 'GOODS_VALUE', value: 3000 }, ...(sales === null ? [] : [{ kind: 'SALES', value: sales }])],
      proposedOutcome: 'PENALTY',
      proposedPenalty: { kinds: ['FINE'], fineAmount: 5000 },
    });
    expect(report.status).toBe(200);
    expect((await api.command('reviewer.liu', id, 'case-review', { opinion: 'AGREE', comments: 'facts clear' })).status).toBe(200);
    await api.approveNotice(id);
    const n = randomUUID().slice(0, 6);
    const notice = {
      noticeNumber: `长市监告〔2026〕SC-${n}号`,
      text: '拟罚款; 你有陈述、申辩和要求听证的权利.',
      hearingRightsNotified: true,
      method: 'DIRECT',
      servedAt: ago(20),
      recipient: '王某',
      proof: `送达回证 SC-${n}`,
    };
    expect((await api.command('officer.zhang', id, 'notice', notice)).status).toBe(200);
    expect((await api.command('officer.zhang', id, 'defence', { waived: true, hearingWaived: true })).status).toBe(200);
    return { id, evidence: await api.evidenceIds(id) };
  }

  const decision = (evidence: string[]) => ({
    outcome: 'PENALTY',
    penalty: { kinds: ['FINE'], fineAmount: 5000 },
    documentNumber: `长市监罚〔2026〕SC-${randomUUID().slice(0, 6)}号`,
    text: '决定: 罚款.',
    ...decisionContents(evidence, { legalBasis: '《产品质量法》第五十条' }),
  });

  it('sales past the threshold on the report flag the case; the decision is refused until the head decides not to transfer, with reasons', async () => {
    const { id, evidence } = await heard(62000);
    const flagged = await api.case('head.sun', id);
    expect(flagged.flags).toContain('SUSPECTED_CRIME');
    const [report] = (await stack.ds.query(`SELECT payload FROM case_events WHERE case_id = $1 AND type = 'INVESTIGATION_REPORTED'`, [id])) as { payload: Record<string, unknown> }[];
    expect(report.payload.criminalThresholds).toEqual([expect.objectContaining({ kind: 'SALES', value: 62000, amount: 50000, inclusive: true, from: 'REPORT' })]);

    const refused = await api.refused(id, () => api.command('head.sun', id, 'decision', decision(evidence)));
    expect(refused.body).toMatchObject({ status: 409, code: 'CASE.SUSPECTED_CRIME_UNRESOLVED' });

    // Only a head decides not to transfer, and only with reasons.
    const byOfficer = await api.refused(id, () => api.command('officer.zhang', id, 'suspected-crime/no-transfer', { reasons: 'below the threshold' }));
    expect(byOfficer.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
    const noReasons = await api.refused(id, () => api.command('head.sun', id, 'suspected-crime/no-transfer', {}));
    expect(noReasons.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });

    const reasons = 'The ledger counts returned goods twice: proven sales are ¥31,000, below the threshold';
    const cleared = await api.command('head.sun', id, 'suspected-crime/no-transfer', { reasons });
    expect(cleared.status).toBe(200);
    expect(cleared.body.case.flags).not.toContain('SUSPECTED_CRIME');
    const again = await api.refused(id, () => api.command('head.sun', id, 'suspected-crime/no-transfer', { reasons }));
    expect(again.body).toMatchObject({ status: 409, code: 'SUSPECTED_CRIME.NOT_FLAGGED' });

    // Supervisors see the decision with the threshold it set aside.
    const watch = await api.get<{ noTransferDecisions: Record<string, unknown>[] }>('supervisor.zhou', '/supervision/transfers?pageSize=100');
    expect(watch.status).toBe(200);
    expect(watch.body.noTransferDecisions.find((d) => d.caseId === id)).toMatchObject({
      reasons,
      decidedBy: expect.any(String),
      raisedBy: 'THRESHOLD',
      thresholdsMet: [expect.objectContaining({ kind: 'SALES', value: 62000 })],
    });

    expect((await api.command('head.sun', id, 'decision', decision(evidence))).status).toBe(200);
  });

  it('an evidence item stating sales past the threshold flags the case; a malformed amount is refused and records nothing', async () => {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    const item = (amounts: unknown) =>
      api.command('officer.zhang', id, 'evidence', {
        kind: 'DOCUMENTARY',
        title: '销售台账',
        collectedAt: ago(60),
        collectedByIds: [api.id('officer.zhang'), api.id('officer.li')],
        location: '长治市潞州区某街12号',
        text: '台账记载该批电暖器销售金额七万五千元',
        credentialsShown: true,
        rightsExplained: true,
        amounts,
      });
    const bad = await api.refused(id, () => item([{ kind: 'WEIGHT', value: 1 }]));
    expect(bad.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    const recorded = await item([{ kind: 'SALES', value: 75000, note: '销售台账' }]);
    expect(recorded.status).toBe(201);
    expect((await api.case('head.sun', id)).flags).toContain('SUSPECTED_CRIME');
    const [row] = (await stack.ds.query(`SELECT payload FROM case_events WHERE case_id = $1 AND type = 'EVIDENCE_RECORDED'`, [id])) as { payload: Record<string, unknown> }[];
    expect(row.payload).toMatchObject({ amounts: [{ kind: 'SALES', value: 75000, note: '销售台账' }], criminalThresholds: [expect.objectContaining({ from: 'EVIDENCE', value: 75000 })] });
  });

  it('an officer flags a case below every threshold with grounds; the decision waits for the head', async () => {
    const { id, evidence } = await heard(null);
    expect((await api.case('head.sun', id)).flags).not.toContain('SUSPECTED_CRIME');
    const notFlagged = await api.refused(id, () => api.command('head.sun', id, 'suspected-crime/no-transfer', { reasons: 'nothing to transfer' }));
    expect(notFlagged.body).toMatchObject({ status: 409, code: 'SUSPECTED_CRIME.NOT_FLAGGED' });
    const byHead = await api.refused(id, () => api.command('head.sun', id, 'suspected-crime', { grounds: 'x' }));
    expect(byHead.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });

    const flag = await api.command('officer.zhang', id, 'suspected-crime', {
      grounds: 'Witness statements put sales of the heaters at about ¥70,000 across three shops',
      threshold: '销售金额五万元以上 (立案追诉标准)',
    });
    expect(flag.status).toBe(200);
    expect(flag.body.case.flags).toContain('SUSPECTED_CRIME');
    const twice = await api.refused(id, () => api.command('officer.li', id, 'suspected-crime', { grounds: 'same' }));
    expect(twice.body).toMatchObject({ status: 409, code: 'SUSPECTED_CRIME.ALREADY_FLAGGED' });
    const refused = await api.refused(id, () => api.command('head.sun', id, 'decision', decision(evidence)));
    expect(refused.body).toMatchObject({ status: 409, code: 'CASE.SUSPECTED_CRIME_UNRESOLVED' });

    expect((await api.command('head.sun', id, 'suspected-crime/no-transfer', { reasons: 'The three shops belong to other parties: this party sold ¥8,000' })).status).toBe(200);
    expect((await api.command('head.sun', id, 'decision', decision(evidence))).status).toBe(200);
    expect((await api.eventTypes(id)).filter((t) => t === 'SUSPECTED_CRIME_FLAGGED' || t === 'NOT_TO_TRANSFER_DECIDED')).toEqual(['SUSPECTED_CRIME_FLAGGED', 'NOT_TO_TRANSFER_DECIDED']);
  });
});
