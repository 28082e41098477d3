import { createHash } from 'node:crypto';
import { eventually } from '../support/eventually';
import { startStack, Stack } from '../support/stack';
import { runArchiveJob } from '../support/archive-job';
import { ago, CaseBody, Client, DAY_MS, deadline, decisionContents, deadlineStates } from './command-helpers';

// The ordinary procedure (普通程序) through the HTTP API, each step by the
// role the law names, against the real workflow, event chain and read model.
describe('the ordinary procedure over HTTP', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  let archivedCaseId: string | undefined;

  it('register → file (head, 2 officers) → evidence → report → review → notice → defence → decide → serve → pay in full → close → archive', async () => {
    // 《产品质量法》art 50: a fine of 0.5–3× the goods value (the demo policy's benchmark).
    const registered = await api.register({ violationCode: 'PRODUCT-FAKE' });
    const id = registered.id;
    expect(registered).toMatchObject({ status: 'LEAD_REGISTERED', procedure: 'ORDINARY' });
    expect(deadline(registered, 'decision')).toBeUndefined();

    // 立案: the head approves and assigns two certified officers; the 90-day decision clock starts.
    const filed = await api.command('head.sun', id, 'filing', {
      approve: true,
      reason: 'facts verified on inspection; within jurisdiction',
      officerIds: [api.id('officer.zhang'), api.id('officer.li')],
    });
    expect(filed.status).toBe(200);
    expect(filed.body.recorded).toEqual([{ seq: 2, type: 'FILING_APPROVED' }]);
    expect(filed.body.case).toMatchObject({ id, status: 'FILED' });
    expect(filed.body.case.officers.map((o) => o.certificateNumber).sort()).toEqual(['14040120240001', '14040120240002']);
    expect(deadline(filed.body.case, 'filingDecision')?.state).toBe('MET');
    const decisionDue = deadline(filed.body.case, 'decision');
    expect(decisionDue).toMatchObject({ state: 'OPEN', basis: { days: 90, kind: 'CALENDAR', source: 'APL 60; MSA 63' } });
    // 90 calendar days from filing, to the end of the local day (a later roll-forward only adds days).
    expect(Date.parse(decisionDue!.dueAt) - Date.now()).toBeGreaterThan(89 * DAY_MS);
    expect(filed.body.case.allowedActions).toEqual(expect.arrayContaining(['extension', 'suspension', 'recusal']));
    expect(filed.body.case.allowedActions).not.toContain('decision');

    // 调查取证: text evidence, collected by both officers; then handed to officer.li.
    const evidence = await api.textEvidence(id);
    expect(evidence.status).toBe(201);
    expect(evidence.body.recorded).toEqual([{ seq: 3, type: 'EVIDENCE_RECORDED' }]);
    expect(evidence.body.sha256).toBe(
      createHash('sha256').update('检查发现当事人未取得食品经营许可证, 正在销售预包装食品。', 'utf8').digest('hex'),
    );
    const evidenceId = evidence.body.evidenceId;
    const custody = await api.command('officer.zhang', id, `evidence/${evidenceId}/custody`, {
      from: api.id('officer.zhang'),
      to: api.id('officer.li'),
      at: ago(30),
      reason: 'to the evidence room keeper',
    });
    expect(custody.status).toBe(200);
    expect(custody.body.recorded).toEqual([{ seq: 4, type: 'CUSTODY_TRANSFERRED' }]);
    const item = await api.get<{ custodian: string; custody: unknown[] }>('officer.zhang', `/cases/${id}/evidence/${evidenceId}`);
    expect(item.body).toMatchObject({ custodian: api.id('officer.li'), custody: [{ from: api.id('officer.zhang'), to: api.id('officer.li') }] });
    const custodyRows = await stack.ds.query('SELECT position, from_user, to_user FROM custody_transfers WHERE case_id = $1 AND evidence_id = $2', [id, evidenceId]);
    expect(custodyRows).toEqual([{ position: 1, from_user: api.id('officer.zhang'), to_user: api.id('officer.li') }]);
    const [itemRow] = await stack.ds.query('SELECT custodian FROM evidence_items WHERE case_id = $1 AND evidence_id = $2', [id, evidenceId]);
    expect(itemRow.custodian).toBe(api.id('officer.li'));

    // 调查终结报告: ¥3,000 for a person needs neither hearing nor legal review; on goods of ¥2,000
    // it is 1.5×, in the GENERAL range (1.25–2.25×) of the benchmark.
    const report = await api.command('officer.li', id, 'investigation-report', {
      findings: 'The party sold substandard goods worth ¥2,000 as standard',
      proposedOutcome: 'PENALTY',
      proposedPenalty: { kinds: ['FINE'], fineAmount: 3000 },
      legalBasis: '《产品质量法》第五十条',
      circumstanceLevel: 'GENERAL',
      discretionBases: [{ kind: 'GOODS_VALUE', value: 2000, note: 'purchase invoices' }],
    });
    expect(report.status).toBe(200);
    expect(report.body.case).toMatchObject({ status: 'INVESTIGATION_REPORTED', flags: [] });
    // No decision yet: the law puts review, notice and the party's defence first (APL 44, 45, 58, 62).
    expect(report.body.case.allowedActions).not.toContain('decision');
    const early = await api.refused(id, () =>
      api.command('head.sun', id, 'decision', { outcome: 'PENALTY', penalty: { kinds: ['FINE'], fineAmount: 3000 }, documentNumber: 'x', text: 'x' }),
    );
    expect(early.body).toMatchObject({ status: 409, code: 'CASE.PRE_DECISION_STEP_MISSING' });
    expect(early.body.errors?.map((e) => e.field)).toEqual(['case-review', 'notice-approval', 'notice', 'defence']);
    expect(deadline(report.body.case, 'caseReview')).toMatchObject({ state: 'OPEN', basis: { days: 10, kind: 'WORKING' } });

    // 审核 by a reviewer who did not investigate, the notice approved by the head and served (告知), 陈述申辩 waived by the party.
    const reviewed = await api.command('reviewer.liu', id, 'case-review', { opinion: 'AGREE', comments: 'facts clear, basis correct' });
    expect(reviewed.status).toBe(200);
    expect(deadline(reviewed.body.case, 'caseReview')?.state).toBe('MET');
    await api.approveNotice(id);
    const noticed = await api.command('officer.zhang', id, 'notice', {
      noticeNumber: '长市监告〔2026〕E2E-1号',
      text: '拟罚款叁仟元; 你有陈述、申辩的权利.',
      hearingRightsNotified: false,
      method: 'DIRECT',
      servedAt: ago(20),
      recipient: '王某',
      proof: '送达回证 No. E2E-N1',
    });
    expect(noticed.status).toBe(200);
    const waived = await api.command('officer.zhang', id, 'defence', { waived: true });
    expect(waived.body.case.status).toBe('DEFENCE_RECORDED');
    const forHead = await api.get<{ allowedActions: string[] }>('head.sun', `/cases/${id}`);
    expect(forHead.body.allowedActions).toContain('decision');

    // 决定 by the head, with its document number: the decision deadline is met, service starts.
    const decided = await api.command('head.sun', id, 'decision', {
      outcome: 'PENALTY',
      penalty: { kinds: ['FINE'], fineAmount: 3000 },
      documentNumber: '长市监罚〔2026〕E2E-1号',
      text: '决定: 罚款人民币叁仟元整. 如不服, 可于六十日内申请行政复议或六个月内提起行政诉讼.',
      ...decisionContents(await api.evidenceIds(id), { legalBasis: '《产品质量法》第五十条' }),
    });
    expect(decided.status).toBe(200);
    expect(decided.body.recorded).toEqual([{ seq: 10, type: 'DECISION_MADE' }]);
    expect(decided.body.case.status).toBe('DECIDED');
    expect(deadline(decided.body.case, 'decision')).toMatchObject({ state: 'MET', dueAt: decisionDue!.dueAt });
    expect(deadline(decided.body.case, 'service')).toMatchObject({ state: 'OPEN', basis: { days: 7, kind: 'WORKING', source: 'APL 61' } });

    // 送达 directly: the 15-day payment period starts.
    const served = await api.command('officer.zhang', id, 'service', {
      method: 'DIRECT',
      servedAt: new Date().toISOString(),
      recipient: '王某',
      proof: '送达回证 No. E2E-1',
    });
    expect(served.status).toBe(200);
    expect(served.body.case.status).toBe('SERVED');
    expect(deadline(served.body.case, 'service')?.state).toBe('MET');
    expect(deadline(served.body.case, 'payment')).toMatchObject({ state: 'OPEN', basis: { days: 15, kind: 'CALENDAR' } });

    // 履行: paid in full.
    const paid = await api.command('officer.li', id, 'payments', { amount: 3000, paidAt: new Date().toISOString(), receipt: '非税收入缴款书 No. E2E-1', collector: { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' } });
    expect(paid.status).toBe(200);
    expect(paid.body.recorded).toEqual([{ seq: 12, type: 'PAYMENT_RECORDED' }]);
    expect(paid.body.case.status).toBe('EXECUTED');
    expect(deadline(paid.body.case, 'payment')?.state).toBe('MET');
    expect(deadline(paid.body.case, 'closure')?.state).toBe('OPEN');

    const closed = await api.command('head.sun', id, 'closure', { summary: '结案审批表: penalty executed in full' });
    expect(closed.status).toBe(200);
    expect(closed.body.case.status).toBe('CLOSED');

    // Archiving is asked for (ARCHIVING, nothing to do for anyone), then the archive job's package seals the case.
    const asked = await api.command('officer.zhang', id, 'archive');
    expect(asked.status).toBe(200);
    expect(asked.body.recorded).toEqual([{ seq: 14, type: 'ARCHIVE_REQUESTED' }]);
    expect(asked.body.case).toMatchObject({ status: 'ARCHIVING', allowedActions: [] });
    await runArchiveJob(stack.archiveJob, stack.ds, id);
    const archived = await api.case('officer.zhang', id);
    // Sealed, but for a challenge the party may still bring (补充归档): its windows outlive the file.
    expect(archived).toMatchObject({ status: 'ARCHIVED', allowedActions: ['challenges'], archive: { package: { throughSeq: 14 } } });
    expect(deadlineStates(archived)).toEqual({
      filingDecision: 'MET',
      decision: 'MET',
      caseReview: 'MET',
      defence: 'MET',
      service: 'MET',
      payment: 'MET',
      closure: 'MET',
      reconsiderationWindow: 'OPEN',
      litigationWindow: 'OPEN',
      // This stack runs no disclosure job: the publication still owed after closing is cancelled by archiving (lifecycle §5).
      disclosure: 'CANCELLED',
    });

    const types = [
      'LEAD_REGISTERED',
      'FILING_APPROVED',
      'EVIDENCE_RECORDED',
      'CUSTODY_TRANSFERRED',
      'INVESTIGATION_REPORTED',
      'CASE_REVIEWED',
      'NOTICE_APPROVED',
      'NOTICE_SERVED',
      'DEFENCE_RECORDED',
      'DECISION_MADE',
      'DECISION_SERVED',
      'PAYMENT_RECORDED',
      'CASE_CLOSED',
      'ARCHIVE_REQUESTED',
      'CASE_ARCHIVED',
    ];
    expect(await api.eventTypes(id)).toEqual(types);
    const timeline = await api.get<{ events: { seq: number; type: string; actor: { userId: string } }[] }>('head.sun', `/cases/${id}/timeline`);
    expect(timeline.body.events.map((e) => e.type)).toEqual(types);
    // Each act is recorded under the person who did it.
    expect(timeline.body.events.map((e) => e.actor.userId)).toEqual(
      [
        'officer.zhang', 'head.sun', 'officer.zhang', 'officer.zhang', 'officer.li', 'reviewer.liu', 'head.sun', 'officer.zhang', 'officer.zhang',
        'head.sun', 'officer.zhang', 'officer.li', 'head.sun', 'officer.zhang', 'system',
      ].map((u) =>
        u === 'system' ? undefined : api.id(u),
      ),
    );
    expect((await api.get('head.sun', `/cases/${id}/timeline/verify`)).body).toEqual({ valid: true, events: types.length });
    archivedCaseId = id;
  });

  it('after archiving, every command but a challenge is 409 with no allowed actions, and nothing is recorded', async () => {
    expect(archivedCaseId).toBeDefined();
    const id = archivedCaseId!;
    const attempts: [string, string, unknown][] = [
      ['head.sun', 'closure', { summary: 'again' }],
      ['officer.zhang', 'archive', {}],
      ['officer.li', 'payments', { amount: 1, paidAt: ago(5), receipt: 'late', collector: { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' } }],
      ['head.sun', 'suspension', { action: 'SUSPEND', reason: 'no' }],
      ['head.sun', 'recusal', { userId: api.id('officer.li'), reason: 'conflict', requestedBy: 'PARTY' }],
    ];
    for (const [user, action, body] of attempts) {
      const res = await api.refused(id, () => api.command(user, id, action, body));
      expect({ action, status: res.status, allowedActions: res.body.allowedActions, state: res.body.state }).toEqual({
        action,
        status: 409,
        allowedActions: [],
        state: 'ARCHIVED',
      });
      expect(['CASE.ARCHIVED', 'CASE.CLOSED_FOR_COMMANDS']).toContain(res.body.code);
    }
    const read = await api.get<CaseBody>('officer.zhang', `/cases/${id}`);
    expect(read.body).toMatchObject({ status: 'ARCHIVED', allowedActions: ['challenges'], lastSeq: 15 });
  });

  it('a declined lead is archived directly', async () => {
    const { id } = await api.register();
    const declined = await api.command('head.sun', id, 'filing', { approve: false, reason: 'not within our jurisdiction' });
    expect(declined.status).toBe(200);
    expect(declined.body.case.status).toBe('FILING_DECLINED');
    expect(deadline(declined.body.case, 'filingDecision')?.state).toBe('MET');
    expect((await api.archive(id, 'officer.li')).status).toBe('ARCHIVED');
    expect(await api.eventTypes(id)).toEqual(['LEAD_REGISTERED', 'FILING_DECLINED', 'ARCHIVE_REQUESTED', 'CASE_ARCHIVED']);
  });

  it('every pre-decision step, a suspension, an extension and a recusal, then a challenge and payment by instalments', async () => {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    expect((await api.textEvidence(id, 'officer.li')).status).toBe(201);

    // 中止 stops the decision clock; after resuming, the paused interval is excluded (APL 60).
    const suspended = await api.command('head.sun', id, 'suspension', { action: 'SUSPEND', reason: 'awaiting a test report (检验)' });
    expect(suspended.status).toBe(200);
    expect(suspended.body.case.status).toBe('SUSPENDED');
    expect(deadline(suspended.body.case, 'decision')?.state).toBe('SUSPENDED');
    const resumed = await api.command('head.sun', id, 'suspension', { action: 'RESUME', reason: 'test report received' });
    expect(resumed.body.case.status).toBe('FILED');
    const dueBefore = deadline(resumed.body.case, 'decision')!;
    expect(dueBefore).toMatchObject({ state: 'OPEN', basis: { pauses: [expect.objectContaining({ from: expect.any(String), to: expect.any(String) })] } });

    // 延期 with the head's approval: 90 + 30 days.
    const extended = await api.command('head.sun', id, 'extension', { deadline: 'decision', reason: 'complex facts' });
    expect(extended.status).toBe(200);
    const dueAfter = deadline(extended.body.case, 'decision')!;
    expect(dueAfter.basis).toMatchObject({ days: 120 });
    // 30 days later, give or take a roll-forward off a non-working day.
    expect(Date.parse(dueAfter.dueAt) - Date.parse(dueBefore.dueAt)).toBeGreaterThan(26 * DAY_MS);

    // 回避: officer.li leaves at the party's request, officer.wang takes the place.
    const recused = await api.command('head.sun', id, 'recusal', {
      userId: api.id('officer.li'),
      reason: 'related to the party',
      requestedBy: 'PARTY',
      replacementId: api.id('officer.wang'),
    });
    expect(recused.status).toBe(200);
    expect(recused.body.case.officers.map((o) => o.userId).sort()).toEqual([api.id('officer.zhang'), api.id('officer.wang')].sort());
    const gone = await api.refused(id, () =>
      api.command('officer.li', id, 'investigation-report', { findings: 'x', proposedOutcome: 'NO_PENALTY', legalBasis: 'x', circumstanceLevel: 'GENERAL' }),
    );
    expect(gone.status).toBe(403);

    // ¥8,000 for a person: a hearing must be offered (≥ ¥5,000), no legal review (≤ ¥10,000);
    // on goods of ¥3,000 it is 2.67×, in the HEAVIER range (2.25–3×) of the benchmark.
    const report = await api.command('officer.wang', id, 'investigation-report', {
      findings: 'Substandard goods worth ¥3,000 sold as standard over three months',
      proposedOutcome: 'PENALTY',
      proposedPenalty: { kinds: ['FINE'], fineAmount: 8000 },
      legalBasis: '《产品质量法》第五十条',
      circumstanceLevel: 'HEAVIER',
      discretionReasons: 'repeated after a warning',
      discretionBases: [{ kind: 'GOODS_VALUE', value: 3000 }],
    });
    expect(report.status).toBe(200);
    expect(report.body.case.flags).toEqual(['HEARING_OFFERED']);

    const reviewed = await api.command('reviewer.liu', id, 'case-review', { opinion: 'AGREE', comments: 'facts clear, basis correct' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.case.status).toBe('CASE_REVIEWED');
    await api.approveNotice(id);

    // A hearing is held at least 7 WD after its notice, on the day the party was summoned to (APL 64): the
    // notice, the request, the hearing notice and the hearing are entered after the fact (补录), dated as they happened.
    const noticed = await api.command('officer.zhang', id, 'notice', {
      noticeNumber: '长市监告〔2026〕E2E-2号',
      text: '拟罚款捌仟元; 你有陈述、申辩和要求听证的权利.',
      hearingRightsNotified: true,
      method: 'DIRECT',
      servedAt: ago(30 * 86400),
      recipient: '王某',
      proof: '送达回证 No. E2E-2',
    });
    expect(noticed.status).toBe(200);
    expect(noticed.body.case.status).toBe('NOTICE_SERVED');
    expect(deadline(noticed.body.case, 'defence')).toMatchObject({ state: 'OPEN', basis: { days: 5, kind: 'WORKING' } });

    // The windows the notice opened ended long ago: the workflow's timers record them missed at once.
    await eventually(async () => (await api.eventTypes(id)).filter((t) => t === 'DEADLINE_MISSED').length === 2);
    const requested = await api.command('officer.zhang', id, 'hearing-request', { requestedAt: ago(29 * 86400), note: 'by phone' });
    expect(requested.status).toBe(200);
    expect(requested.body.case.status).toBe('HEARING_REQUESTED');
    expect(deadline(requested.body.case, 'defence')?.state).toBe('MET');

    // The host is no investigator: the legal reviewer hosts, and records the hearing as host.
    // The 7 WD notice period counts from service of the hearing notice (APL 64).
    const schedule = {
      action: 'SCHEDULE',
      hearingAt: new Date(Date.now() - 3 * DAY_MS).toISOString(),
      hostId: api.id('reviewer.liu'),
      location: '听证室 1',
      isPublic: true,
    };
    const unserved = await api.refused(id, () => api.command('officer.wang', id, 'hearing', schedule));
    expect(unserved.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    expect(unserved.body.errors?.map((e) => e.field)).toContain('noticeService');
    const scheduled = await api.command('officer.wang', id, 'hearing', {
      ...schedule,
      noticeService: { method: 'DIRECT', servedAt: ago(28 * 86400), recipient: '王某', proof: '听证通知书送达回证 No. E2E-2' },
    });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.case.status).toBe('HEARING_SCHEDULED');
    const early = await api.refused(id, () =>
      api.command('reviewer.liu', id, 'hearing', { action: 'RECORD', heldAt: ago(5 * 86400), record: '听证笔录', report: '听证报告' }),
    );
    expect(early.body).toMatchObject({ status: 422, code: 'HEARING.BEFORE_SCHEDULED' });
    const held = await api.command('reviewer.liu', id, 'hearing', {
      action: 'RECORD',
      heldAt: ago(3 * 86400 - 3600),
      record: '听证笔录 (signed)',
      report: '听证报告: the proposed penalty stands',
    });
    expect(held.status).toBe(200);
    expect(held.body.case.status).toBe('HEARING_HELD');

    // The demo policy reviews every decision that went through a hearing (APL 58 (2)); the request names the reviewer.
    expect(held.body.case.flags).toEqual(expect.arrayContaining(['MAJOR_DECISION', 'COLLECTIVE_DISCUSSION_REQUIRED']));
    const toReview = await api.command('officer.zhang', id, 'legal-review-request', { reviewerId: api.id('reviewer.liu'), note: 'submitted after the hearing' });
    expect(toReview.body.case.status).toBe('LEGAL_REVIEW_PENDING');
    const blocked = await api.refused(id, () =>
      api.command('head.sun', id, 'decision', { outcome: 'PENALTY', penalty: { kinds: ['FINE'], fineAmount: 8000 }, documentNumber: 'x', text: 'x' }),
    );
    expect(blocked.body).toMatchObject({ status: 409, code: 'CASE.LEGAL_REVIEW_PENDING', state: 'LEGAL_REVIEW_PENDING' });
    const approved = await api.command('reviewer.liu', id, 'legal-review', { opinion: 'APPROVE', text: '同意' });
    expect(approved.body.case.status).toBe('LEGAL_REVIEW_PASSED');

    // Of the agency's heads together: a legal reviewer is no attendee (APL 57).
    const notHeads = await api.refused(id, () =>
      api.command('head.sun', id, 'collective-discussion', {
        heldAt: ago(5),
        attendeeIds: [api.id('head.sun'), api.id('reviewer.liu')],
        minutes: '集体讨论记录',
        resolution: 'impose the fine of ¥8,000',
      }),
    );
    expect(notHeads.body).toMatchObject({ status: 422, code: 'COLLECTIVE.ATTENDEE_NOT_HEAD' });
    const discussed = await api.command('head.sun', id, 'collective-discussion', {
      heldAt: ago(5),
      attendeeIds: [api.id('head.sun'), api.id('head.qian')],
      minutes: '集体讨论记录',
      resolution: 'impose the fine of ¥8,000',
    });
    expect(discussed.status).toBe(200);
    expect(discussed.body.case.status).toBe('COLLECTIVE_DISCUSSED');

    // After the hearing the penalty may not become heavier than the notice said (APL 45).
    const evidenceIds = await api.evidenceIds(id);
    const heavier = await api.refused(id, () =>
      api.command('head.sun', id, 'decision', {
        outcome: 'PENALTY',
        penalty: { kinds: ['FINE'], fineAmount: 9000 },
        documentNumber: 'x',
        text: 'x',
        ...decisionContents(evidenceIds),
      }),
    );
    expect(heavier.body).toMatchObject({ status: 422, code: 'DECISION.HEAVIER_AFTER_DEFENCE' });
    const decided = await api.command('head.sun', id, 'decision', {
      outcome: 'PENALTY',
      penalty: { kinds: ['FINE'], fineAmount: 8000 },
      documentNumber: '长市监罚〔2026〕E2E-2号',
      text: '决定: 罚款人民币捌仟元整.',
      ...decisionContents(await api.evidenceIds(id)),
    });
    expect(decided.status).toBe(200);
    expect(deadline(decided.body.case, 'decision')?.state).toBe('MET');

    const served = await api.command('officer.wang', id, 'service', {
      method: 'ELECTRONIC',
      servedAt: new Date().toISOString(),
      recipient: 'wang@example.com',
      proof: 'system log 42',
      consentToElectronic: true,
    });
    expect(served.body.case.status).toBe('SERVED');

    const filedChallenge = await api.command('officer.zhang', id, 'challenges', { kind: 'RECONSIDERATION', stage: 'FILED', at: ago(3), body: '长治市人民政府' });
    expect(filedChallenge.status).toBe(200);
    const challengeId = filedChallenge.body.challengeId as string;
    expect(challengeId).toEqual(expect.any(String));
    const decidedChallenge = await api.command('officer.zhang', id, 'challenges', {
      challengeId,
      kind: 'RECONSIDERATION',
      stage: 'DECIDED',
      at: ago(1),
      body: '长治市人民政府',
      result: 'UPHELD',
    });
    expect(decidedChallenge.body.recorded).toEqual([expect.objectContaining({ type: 'CHALLENGE_RECORDED' })]);

    const first = await api.command('officer.zhang', id, 'payments', { amount: 3000, paidAt: ago(1), receipt: 'No. 1', collector: { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' } });
    expect(first.body.case.status).toBe('SERVED');
    const tooMuch = await api.refused(id, () => api.command('officer.zhang', id, 'payments', { amount: 5000.01, paidAt: ago(1), receipt: 'No. 2', collector: { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' } }));
    expect(tooMuch.body).toMatchObject({ status: 422, code: 'PAYMENT.EXCEEDS_AMOUNT_DUE' });
    const rest = await api.command('officer.zhang', id, 'payments', { amount: 5000, paidAt: ago(0), receipt: 'No. 2', collector: { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' } });
    expect(rest.body.case.status).toBe('EXECUTED');

    expect((await api.command('head.sun', id, 'closure', { summary: 'executed in full' })).body.case.status).toBe('CLOSED');
    expect((await api.archive(id, 'officer.wang')).status).toBe('ARCHIVED');
    expect(await api.eventTypes(id)).toEqual([
      'LEAD_REGISTERED',
      'FILING_APPROVED',
      'EVIDENCE_RECORDED',
      'CASE_SUSPENDED',
      'CASE_RESUMED',
      'DEADLINE_EXTENDED',
      'PERSON_RECUSED',
      'INVESTIGATION_REPORTED',
      'CASE_REVIEWED',
      'NOTICE_APPROVED',
      'NOTICE_SERVED',
      'DEADLINE_MISSED',
      'DEADLINE_MISSED',
      'HEARING_REQUESTED',
      'HEARING_SCHEDULED',
      'HEARING_HELD',
      'LEGAL_REVIEW_REQUESTED',
      'LEGAL_REVIEW_RECORDED',
      'COLLECTIVE_DISCUSSION_RECORDED',
      'DECISION_MADE',
      'DECISION_SERVED',
      'CHALLENGE_RECORDED',
      'CHALLENGE_RECORDED',
      'PAYMENT_RECORDED',
      'PAYMENT_RECORDED',
      'CASE_CLOSED',
      'ARCHIVE_REQUESTED',
      'CASE_ARCHIVED',
    ]);
    expect((await api.get('head.sun', `/cases/${id}/timeline/verify`)).body).toEqual({ valid: true, events: 28 });
  });
});
