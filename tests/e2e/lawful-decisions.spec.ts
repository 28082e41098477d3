import { startStack, Stack } from '../support/stack';
import { ago, Client, decisionContents, deadline } from './command-helpers';

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

  const decision = (fineAmount: number, evidenceIds: string[] = ['none']) => ({
    outcome: 'PENALTY',
    penalty: { kinds: ['FINE'], fineAmount },
    documentNumber: '长市监罚〔2026〕E2E-9号',
    text: '决定: 罚款.',
    ...decisionContents(evidenceIds, { legalBasis: '《产品质量法》第五十条' }),
  });

  // 《产品质量法》art 50 (demo benchmark: 0.5–3× goods value); ¥5,000 on goods of ¥3,000 is GENERAL (1.25–2.25×).
  const filedCase = () => api.filedCase({ violationCode: 'PRODUCT-FAKE' });

  const notice = (n: string) => ({
    noticeNumber: `长市监告〔2026〕E2E-${n}号`,
    text: '拟罚款; 你有陈述、申辩和要求听证的权利.',
    hearingRightsNotified: true,
    method: 'DIRECT',
    servedAt: ago(20),
    recipient: '王某',
    proof: `送达回证 No. E2E-${n}`,
  });

  /** Filed, one item of evidence, reported with the given fine, reviewed: the notice is next. */
  async function reviewed(fineAmount: number): Promise<{ id: string; evidence: string[] }> {
    const id = await filedCase();
    expect((await api.textEvidence(id)).status).toBe(201);
    expect((await api.command('officer.li', id, 'investigation-report', report({ proposedOutcome: 'PENALTY', proposedPenalty: { kinds: ['FINE'], fineAmount } }))).status).toBe(200);
    expect((await api.command('reviewer.liu', id, 'case-review', { opinion: 'AGREE', comments: 'facts clear' })).status).toBe(200);
    return { id, evidence: await api.evidenceIds(id) };
  }

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
    const noPenalty = await api.command('head.sun', id, 'decision', {
      outcome: 'NO_PENALTY',
      documentNumber: '长市监不罚〔2026〕E2E-1号',
      text: '不予行政处罚.',
      ...decisionContents(await api.evidenceIds(id), { performance: undefined }),
    });
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
    const { id, evidence } = await reviewed(5000);
    await api.approveNotice(id);
    const noticed = await api.command('officer.zhang', id, 'notice', notice('9'));
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

    const heavier = await api.refused(id, () => api.command('head.sun', id, 'decision', decision(9000, evidence)));
    expect(heavier.body).toMatchObject({ status: 422, code: 'DECISION.HEAVIER_THAN_NOTICE' });
    expect(heavier.body.detail).toContain('¥9,000');
    const decided = await api.command('head.sun', id, 'decision', decision(5000, evidence));
    expect(decided.status).toBe(200);
    expect(decided.body.case.status).toBe('DECIDED');
  });

  it('the notice waits for a head: an officer cannot approve it, and it cannot be served before', async () => {
    const { id } = await reviewed(5000);
    const early = await api.refused(id, () => api.command('officer.zhang', id, 'notice', notice('10')));
    expect(early.body).toMatchObject({ status: 409, code: 'CASE.PRE_DECISION_STEP_MISSING', state: 'CASE_REVIEWED' });
    expect(early.body.errors?.map((e) => e.field)).toEqual(['notice-approval']);
    expect(early.body.allowedActions).not.toContain('notice');
    const byOfficer = await api.refused(id, () => api.command('officer.zhang', id, 'notice-approval', {}));
    expect(byOfficer.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
    const approved = await api.command('head.sun', id, 'notice-approval', { comments: '同意告知' });
    expect(approved.status).toBe(200);
    expect(approved.body.recorded).toEqual([{ seq: expect.any(Number), type: 'NOTICE_APPROVED' }]);
    expect(approved.body.case.allowedActions).not.toContain('notice-approval');
    const again = await api.refused(id, () => api.command('head.qian', id, 'notice-approval', {}));
    expect(again.body).toMatchObject({ status: 409, code: 'NOTICE.ALREADY_APPROVED' });
    const officerView = await api.get<{ allowedActions: string[] }>('officer.zhang', `/cases/${id}`);
    expect(officerView.body.allowedActions).toContain('notice');
  });

  it('a heavier penalty is notified again after the head reopens the case; after a defence, only on new evidence (APL 44, 45)', async () => {
    const { id } = await reviewed(5000);
    await api.approveNotice(id);
    expect((await api.command('officer.zhang', id, 'notice', notice('11'))).status).toBe(200);
    expect((await api.command('officer.zhang', id, 'defence', { waived: false, statement: '首次违法, 请求从轻' })).status).toBe(200);
    const byOfficer = await api.refused(id, () => api.command('officer.zhang', id, 'investigation-reopening', { reason: 'x' }));
    expect(byOfficer.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
    const reopened = await api.command('head.sun', id, 'investigation-reopening', { reason: '货值需补充调查' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.case.status).toBe('FILED');
    expect(deadline(reopened.body.case, 'defence')?.state).toBe('MET');
    expect(deadline(reopened.body.case, 'hearingRequest')?.state).toBe('CANCELLED');

    // ¥9,000 on goods of ¥3,000 is 3×: the top of the demo's 从重 range, with its reasons.
    const heavier = report({ proposedOutcome: 'PENALTY', proposedPenalty: { kinds: ['FINE'], fineAmount: 9000 }, circumstanceLevel: 'HEAVIER', discretionReasons: '经营时间长, 货值系累计' });
    const onTheDefence = await api.refused(id, () => api.command('officer.li', id, 'investigation-report', heavier));
    expect(onTheDefence.body).toMatchObject({ status: 422, code: 'REPORT.HEAVIER_AFTER_DEFENCE' });
    expect((await api.textEvidence(id)).status).toBe(201);
    const reported = await api.command('officer.li', id, 'investigation-report', heavier);
    expect(reported.status).toBe(200);
    expect(deadline(reported.body.case, 'caseReview')?.state).toBe('OPEN');
    expect(reported.body.case.allowedActions).not.toContain('notice');
  });

  it('a requested hearing the party withdraws ends as a waiver; absence only once it has begun (APL 64)', async () => {
    const { id, evidence } = await reviewed(5000);
    await api.approveNotice(id);
    expect((await api.command('officer.zhang', id, 'notice', notice('13'))).status).toBe(200);
    expect((await api.command('officer.zhang', id, 'hearing-request', { requestedAt: ago(10) })).status).toBe(200);
    const absent = await api.refused(id, () => api.command('officer.zhang', id, 'hearing-end', { reason: 'ABSENT', at: ago(1), note: '未到场' }));
    expect(absent.body).toMatchObject({ status: 422, code: 'HEARING.NOT_YET_DUE' });
    const pending = await api.refused(id, () => api.command('head.sun', id, 'decision', decision(5000, evidence)));
    expect(pending.body).toMatchObject({ status: 409, code: 'CASE.HEARING_PENDING' });
    const withdrawn = await api.command('officer.zhang', id, 'hearing-end', { reason: 'WITHDRAWN', at: ago(1), note: '当事人书面撤回听证申请' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.recorded).toEqual([{ seq: expect.any(Number), type: 'HEARING_ENDED' }]);
    expect(withdrawn.body.case.status).toBe('NOTICE_SERVED');
    const again = await api.refused(id, () => api.command('officer.zhang', id, 'hearing-request', { requestedAt: ago(0) }));
    expect(again.body).toMatchObject({ status: 409, code: 'HEARING.WAIVED' });
    const decided = await api.command('head.sun', id, 'decision', decision(5000, evidence));
    expect(decided.status).toBe(200);
  });

  it('a decision states what APL 59 requires: each missing item a field error, unknown evidence refused', async () => {
    const { id, evidence } = await reviewed(5000);
    await api.approveNotice(id);
    expect((await api.command('officer.zhang', id, 'notice', notice('12'))).status).toBe(200);
    expect((await api.command('officer.zhang', id, 'defence', { waived: true, hearingWaived: true })).status).toBe(200);
    const bare = await api.refused(id, () =>
      api.command('head.sun', id, 'decision', { outcome: 'PENALTY', penalty: { kinds: ['FINE'], fineAmount: 5000 }, documentNumber: 'x', text: 'x' }),
    );
    expect(bare.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    expect(bare.body.errors?.map((e) => e.field).sort()).toEqual(['evidenceIds', 'facts', 'legalBasis', 'performance', 'remedy']);
    const unknown = await api.refused(id, () => api.command('head.sun', id, 'decision', decision(5000, ['ev-that-never-was'])));
    expect(unknown.body).toMatchObject({ status: 422, code: 'DECISION.EVIDENCE_UNKNOWN' });
    const decided = await api.command('head.sun', id, 'decision', decision(5000, evidence));
    expect(decided.status).toBe(200);
    const [row] = await stack.ds.query(`SELECT payload FROM case_events WHERE case_id = $1 AND type = 'DECISION_MADE'`, [id]);
    expect(row.payload.contents).toMatchObject({
      facts: '当事人未取得食品经营许可证销售预包装食品',
      evidence: [{ evidenceId: evidence[0], title: '现场检查笔录' }],
      remedy: { reconsiderationBody: '长治市人民政府', reconsiderationDays: 60, litigationMonths: 6 },
      performance: { within: { days: 15 } },
    });
  });
});
