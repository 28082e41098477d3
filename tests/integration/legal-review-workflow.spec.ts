import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection, WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { caseWorkflowId, CASE_WORKFLOW_TYPE, executeCommandUpdate, type CaseWorkflowInput } from '@zhifa/contracts';
import type { CaseCommand, JurisdictionPolicy } from '@zhifa/domain';
import { CaseEventStore, createDataSource } from '@zhifa/persistence';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { eventually } from '../support/eventually';
import { fastPolicy } from '../support/policies';
import { maybeRecordHistory } from '../support/record-history';
import { appEnv, TEST_DATABASE_URL } from '../support/test-env';
import { decisionContents, demoActor } from '../support/demo-case-facts';

/** What APL 59 asks a decision to state (the cases here record evidence 'e1'). */
const CONTENTS = decisionContents(['e1']);

// 法制审核 on the real Temporal dev server (APL 57, 58): a major case through
// review, notice, hearing, a legal review RETURNed once and then approved,
// collective discussion and decision; and a review whose own limit runs out,
// reminded, escalated (OVERDUE) and reassigned by the head.

const actor = demoActor;

describe('legal review in the case workflow', () => {
  const taskQueue = `zhifa-lr-${randomUUID()}`;
  let worker: INestApplicationContext;
  let client: Client;
  let connection: Connection;
  let store: CaseEventStore;
  let ds: DataSource;

  beforeAll(async () => {
    Object.assign(process.env, appEnv({ TEMPORAL_TASK_QUEUE: taskQueue }));
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    ds = createDataSource(TEST_DATABASE_URL, { logQueries: false });
    await ds.initialize();
    store = new CaseEventStore(ds);
    connection = await Connection.connect({ address: process.env.ZHIFA_TEST_TEMPORAL_ADDRESS });
    client = new Client({ connection });
  });
  afterAll(async () => {
    await worker?.close();
    await connection?.close();
    await ds?.destroy();
  });

  const officers = () => [actor('officer.zhang'), actor('officer.li')];
  // 《食品安全法》art 122: goods worth ¥12,000, 10–20× → ¥150,000 for an organisation: above the review list's ¥100,000 (exclusive).
  const penalty = { kinds: ['FINE' as const], fineAmount: 150000 };

  async function register(caseId: string, policy: JurisdictionPolicy) {
    const command: CaseCommand = {
      type: 'REGISTER_LEAD',
      caseId,
      caseNumber: `LR-${caseId.slice(0, 8)}`,
      agencyId: DEMO_AGENCY.id,
      procedure: 'ORDINARY',
      source: 'complaint',
      discoveredAt: new Date(Date.now() - 3_600_000).toISOString(),
      party: { type: 'ORGANISATION', name: '长治市某某餐饮管理有限公司', creditCode: '91140400MA0LR0001X' },
      violationCode: 'FOOD-UNLICENSED',
      summary: 'integration: major case',
      officers: officers(),
      violationAt: '2026-11-18T00:00:00Z',
    };
    const input: CaseWorkflowInput = { caseId, policy };
    await client.workflow.executeUpdateWithStart(executeCommandUpdate, {
      args: [{ command, actor: actor('officer.zhang') }],
      startWorkflowOperation: new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(caseId),
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
  }

  async function drive(caseId: string, steps: [string, (now: string) => CaseCommand][]): Promise<string[]> {
    const handle = client.workflow.getHandle(caseWorkflowId(caseId));
    const statuses: string[] = [];
    for (const [user, build] of steps) {
      const result = await handle.executeUpdate(executeCommandUpdate, { args: [{ command: build(new Date().toISOString()), actor: actor(user) }] });
      statuses.push(result.status);
    }
    return statuses;
  }

  async function refusal(caseId: string, user: string, command: CaseCommand): Promise<unknown> {
    const err = await client.workflow
      .getHandle(caseWorkflowId(caseId))
      .executeUpdate(executeCommandUpdate, { args: [{ command, actor: actor(user) }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    return (err as WorkflowUpdateFailedError).cause;
  }

  const report = (fineAmount: number): [string, (now: string) => CaseCommand] => [
    'officer.li',
    () => ({
      type: 'SUBMIT_INVESTIGATION_REPORT',
      findings: 'Sold packaged food worth ¥12,000 without a food business licence',
      proposedOutcome: 'PENALTY',
      proposedPenalty: { kinds: ['FINE'], fineAmount },
      legalBasis: '《食品安全法》第一百二十二条',
      // 《食品安全法》art 122, demo benchmark: goods of ¥12,000 → 10–20×; ¥150,000 is 从轻 (¥120,000–156,000).
      circumstanceLevel: 'LIGHTER',
      discretionReasons: '初次违法, 积极配合调查',
      discretionBases: [{ kind: 'GOODS_VALUE', value: 12000 }],
    }),
  ];
  const notice = (n: string, fineAmount: number): [string, (now: string) => CaseCommand] => [
    'officer.zhang',
    (now) => ({ type: 'SERVE_NOTICE', noticeNumber: `LR-N${n}`, text: `拟罚款${fineAmount}元; 你有陈述、申辩和要求听证的权利`, hearingRightsNotified: true, method: 'DIRECT', servedAt: now, recipient: '法定代表人', proof: '送达回证' }),
  ];

  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

  it('a major case: hearing, a legal review returned once and then approved, collective discussion, decision', async () => {
    const caseId = randomUUID();
    await register(caseId, DEMO_POLICY);
    const first = await drive(caseId, [
      ['head.sun', () => ({ type: 'DECIDE_FILING', approve: true, reason: 'complaint verified', officers: officers() })],
      ['officer.zhang', (now) => ({ type: 'RECORD_EVIDENCE', evidenceId: 'e1', kind: 'DOCUMENTARY', title: '进货单据', collectedAt: now, collectors: officers(), location: 'site', sha256: 'c'.repeat(64), sizeBytes: 1, credentialsShown: true, rightsExplained: true })],
      report(150000),
      ['reviewer.liu', () => ({ type: 'REVIEW_CASE', opinion: 'AGREE', comments: 'facts clear' })],
      ['head.sun', () => ({ type: 'APPROVE_NOTICE' })],
      // A hearing comes at least 7 WD after its notice, on the day summoned (APL 64): the notice, the request,
      // the hearing notice and the hearing are entered after the fact (补录), dated as they happened.
      ['officer.zhang', () => ({ type: 'SERVE_NOTICE', noticeNumber: 'LR-N1', text: '拟罚款150000元; 你有陈述、申辩和要求听证的权利', hearingRightsNotified: true, method: 'DIRECT', servedAt: daysAgo(30), recipient: '法定代表人', proof: '送达回证' })],
    ]);
    // The windows that notice opened ended long ago: the timers record them missed at once.
    await eventually(async () => (await store.timeline(caseId)).filter((e) => e.type === 'DEADLINE_MISSED').length === 2);
    first.push(
      ...(await drive(caseId, [
        ['officer.zhang', () => ({ type: 'REQUEST_HEARING', requestedAt: daysAgo(29) })],
        // The host is no investigator; the hearing is recorded once held.
        ['officer.zhang', () => ({ type: 'SCHEDULE_HEARING', hearingAt: daysAgo(3), host: actor('reviewer.ma'), location: '听证室', isPublic: true, noticeService: { method: 'DIRECT', servedAt: daysAgo(28), recipient: '法定代表人', proof: '听证通知书送达回证' } })],
        ['reviewer.ma', () => ({ type: 'RECORD_HEARING', heldAt: daysAgo(2.9), record: '听证笔录', report: '听证报告' })],
      ])),
    );
    expect(first.at(-1)).toBe('HEARING_HELD');
    // Not decided before the review: the amount and the held hearing both send it there (APL 58 (2), (4)).
    expect(await refusal(caseId, 'head.sun', { type: 'DECIDE', outcome: 'PENALTY', penalty, documentNumber: 'LR-1', text: '罚款', ...CONTENTS })).toMatchObject({
      type: 'CASE.PRE_DECISION_STEP_MISSING',
    });
    expect(await refusal(caseId, 'officer.zhang', { type: 'REQUEST_LEGAL_REVIEW', reviewer: actor('officer.wang') })).toMatchObject({ type: 'LEGAL_REVIEW.NOT_A_REVIEWER' });

    const returned = await drive(caseId, [
      ['officer.zhang', () => ({ type: 'REQUEST_LEGAL_REVIEW', reviewer: actor('reviewer.liu'), note: 'major: amount and hearing' })],
      ['reviewer.liu', () => ({ type: 'RECORD_LEGAL_REVIEW', opinion: 'RETURN', text: '货值计算依据不足', points: ['补充货值计算依据'], returnTo: 'INVESTIGATION' })],
    ]);
    expect(returned).toEqual(['LEGAL_REVIEW_PENDING', 'FILED']);

    // The officers investigate further and propose again: the new report is reviewed, noticed and legally reviewed afresh.
    const second = await drive(caseId, [
      ['officer.zhang', (now) => ({ type: 'RECORD_EVIDENCE', evidenceId: 'e2', kind: 'DOCUMENTARY', title: '销售台账', collectedAt: now, collectors: officers(), location: 'site', sha256: 'd'.repeat(64), sizeBytes: 1, credentialsShown: true, rightsExplained: true })],
      report(150000),
      ['reviewer.liu', () => ({ type: 'REVIEW_CASE', opinion: 'AGREE', comments: 'goods value established' })],
      ['head.sun', () => ({ type: 'APPROVE_NOTICE' })],
      notice('2', 150000),
      ['officer.zhang', () => ({ type: 'RECORD_DEFENCE', waived: true, hearingWaived: true })],
      ['officer.zhang', () => ({ type: 'REQUEST_LEGAL_REVIEW', reviewer: actor('reviewer.liu') })],
      ['reviewer.liu', () => ({ type: 'RECORD_LEGAL_REVIEW', opinion: 'APPROVE', text: '同意' })],
      ['head.sun', (now) => ({ type: 'RECORD_COLLECTIVE_DISCUSSION', purpose: 'DECISION', heldAt: now, attendees: [actor('head.sun'), actor('head.qian')], minutes: '集体讨论记录', resolution: '罚款拾伍万元' })],
      ['head.sun', () => ({ type: 'DECIDE', outcome: 'PENALTY', penalty, documentNumber: 'LR-1', text: '罚款拾伍万元', ...CONTENTS })],
    ]);
    expect(second.slice(-4)).toEqual(['LEGAL_REVIEW_PENDING', 'LEGAL_REVIEW_PASSED', 'COLLECTIVE_DISCUSSED', 'DECIDED']);
    const types = (await store.timeline(caseId)).map((e) => e.type).filter((t) => t.startsWith('LEGAL_REVIEW_'));
    expect(types).toEqual(['LEGAL_REVIEW_REQUESTED', 'LEGAL_REVIEW_RECORDED', 'LEGAL_REVIEW_REQUESTED', 'LEGAL_REVIEW_RECORDED']);
    const [row] = await ds.query('SELECT flags, deadlines FROM cases WHERE id = $1', [caseId]);
    expect((row.deadlines as Record<string, { state: string }>).legalReview.state).toBe('MET');
    expect(await store.verify(caseId)).toMatchObject({ valid: true });
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'major-case-legal-review-returned');
  });

  it('a review not given in time is reminded, escalated (OVERDUE) and reassigned by the head; the new reviewer decides it', async () => {
    const caseId = randomUUID();
    await register(caseId, fastPolicy({ legalReview: { seconds: 4, remindBefore: 2 } }));
    await drive(caseId, [
      ['head.sun', () => ({ type: 'DECIDE_FILING', approve: true, reason: 'complaint verified', officers: officers() })],
      ['officer.zhang', (now) => ({ type: 'RECORD_EVIDENCE', evidenceId: 'e1', kind: 'DOCUMENTARY', title: '进货单据', collectedAt: now, collectors: officers(), location: 'site', sha256: 'e'.repeat(64), sizeBytes: 1, credentialsShown: true, rightsExplained: true })],
      report(150000),
      ['reviewer.liu', () => ({ type: 'REVIEW_CASE', opinion: 'AGREE', comments: 'facts clear' })],
      ['head.sun', () => ({ type: 'APPROVE_NOTICE' })],
      notice('3', 150000),
      ['officer.zhang', () => ({ type: 'RECORD_DEFENCE', waived: true, hearingWaived: true })],
      ['officer.zhang', () => ({ type: 'REQUEST_LEGAL_REVIEW', reviewer: actor('reviewer.liu') })],
    ]);
    const timeline = await eventually(async () => {
      const t = (await store.timeline(caseId)).map((e) => `${e.type}${(e.payload as { deadline?: string }).deadline ? `:${(e.payload as { deadline?: string }).deadline}` : ''}`);
      return t.includes('DEADLINE_MISSED:legalReview') ? t : undefined;
    }, 20000);
    expect(timeline.slice(-2)).toEqual(['DEADLINE_APPROACHING:legalReview', 'DEADLINE_MISSED:legalReview']);
    const [overdue] = await ds.query('SELECT flags, deadlines FROM cases WHERE id = $1', [caseId]);
    expect(overdue.flags).toContain('OVERDUE');
    expect((overdue.deadlines as Record<string, { state: string }>).legalReview.state).toBe('MISSED');

    const statuses = await drive(caseId, [
      ['head.sun', () => ({ type: 'REASSIGN_LEGAL_REVIEW', reviewer: actor('reviewer.ma'), reason: 'review overdue: 刘洋 on leave' })],
      ['reviewer.ma', () => ({ type: 'RECORD_LEGAL_REVIEW', opinion: 'APPROVE', text: '同意' })],
    ]);
    expect(statuses).toEqual(['LEGAL_REVIEW_PENDING', 'LEGAL_REVIEW_PASSED']);
    const [after] = await ds.query('SELECT flags, deadlines, state FROM cases WHERE id = $1', [caseId]);
    expect((after.deadlines as Record<string, { state: string }>).legalReview.state).toBe('MET');
    expect(after.flags).not.toContain('OVERDUE');
    expect((after.state as { legalReview: { assignments: { reason?: string }[] } }).legalReview.assignments.map((a) => a.reason)).toEqual([undefined, 'review overdue: 刘洋 on leave']);
    expect(await store.verify(caseId)).toMatchObject({ valid: true });
  });
});
