import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection, WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { caseStateQuery, caseWorkflowId, CASE_WORKFLOW_TYPE, executeCommandUpdate, jobReportUpdateId, reportJobUpdate, type CaseWorkflowInput } from '@zhifa/contracts';
import type { CaseCommand, JurisdictionPolicy } from '@zhifa/domain';
import { CaseEventStore, createDataSource } from '@zhifa/persistence';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { eventually } from '../support/eventually';
import { fastPolicy } from '../support/policies';
import { maybeRecordHistory } from '../support/record-history';
import { killHard, spawnWorkerProcess } from '../support/worker-process';
import { appEnv, TEST_DATABASE_URL } from '../support/test-env';
import { decisionContents, demoActor } from '../support/demo-case-facts';

/** What APL 59 asks a decision to state (the cases here record evidence 'e1'). */
const CONTENTS = decisionContents(['e1']);

const actor = demoActor;

describe('case workflow on the Temporal dev server', () => {
  const taskQueue = `zhifa-wf-${randomUUID()}`;
  let worker: INestApplicationContext;
  let client: Client;
  let connection: Connection;
  let store: CaseEventStore;
  let ds: DataSource;

  async function startWorker(): Promise<INestApplicationContext> {
    const ctx = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await ctx.init();
    return ctx;
  }

  beforeAll(async () => {
    Object.assign(process.env, appEnv({ TEMPORAL_TASK_QUEUE: taskQueue }));
    worker = await startWorker();
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

  function register(caseId: string, policy: JurisdictionPolicy, discoveredAt: string, procedure: 'ORDINARY' | 'SIMPLE' = 'ORDINARY') {
    const command: CaseCommand = {
      type: 'REGISTER_LEAD',
      caseId,
      caseNumber: `WF-${caseId.slice(0, 8)}`,
      agencyId: DEMO_AGENCY.id,
      procedure,
      source: 'inspection',
      discoveredAt,
      party: { type: 'PERSON', name: '王某' },
      // 《产品质量法》art 50: the demo benchmark's 0.5–3× goods value fits a small fine for a person.
      violationCode: 'PRODUCT-FAKE',
      summary: 'integration',
      officers: procedure === 'SIMPLE' ? [actor('officer.zhang')] : [actor('officer.zhang'), actor('officer.li')],
      violationAt: '2026-11-18T00:00:00Z',
    };
    const input: CaseWorkflowInput = { caseId, policy };
    return client.workflow.executeUpdateWithStart(executeCommandUpdate, {
      args: [{ command, actor: actor('officer.zhang') }],
      startWorkflowOperation: new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(caseId),
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
  }

  it('registers a lead: one event in the chain, the read model projected, the live state queryable', async () => {
    const caseId = randomUUID();
    const result = await register(caseId, DEMO_POLICY, '2026-11-20T02:00:00Z');
    expect(result).toMatchObject({ caseId, status: 'LEAD_REGISTERED', events: [{ seq: 1, type: 'LEAD_REGISTERED' }] });
    // The Update answers with the case as it now stands, so the API need not read the row back.
    // The registering officer may only propose a transfer of a lead under verification (R310 3): filing is the head's.
    expect(result.case).toMatchObject({ lastSeq: 1, policyVersion: DEMO_POLICY.version, flags: [], allowedActions: ['criminal-transfer'] });
    expect(result.case?.deadlines.filingDecision).toMatchObject({ state: 'OPEN', basis: { source: 'MSA 18' } });
    expect((await store.timeline(caseId)).map((e) => e.type)).toEqual(['LEAD_REGISTERED']);
    const live = await client.workflow.getHandle(caseWorkflowId(caseId)).query(caseStateQuery);
    expect(live.seq).toBe(1);
    expect(live.state?.status).toBe('LEAD_REGISTERED');
  });

  it('rejects a command the rules forbid in the validator, recording nothing', async () => {
    const caseId = randomUUID();
    await register(caseId, DEMO_POLICY, '2026-11-20T02:00:00Z');
    const handle = client.workflow.getHandle(caseWorkflowId(caseId));
    const err = await handle
      .executeUpdate(executeCommandUpdate, { args: [{ command: { type: 'ARCHIVE' } as CaseCommand, actor: actor('officer.zhang') }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((err as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'CASE.TRANSITION_NOT_ALLOWED' });
    expect((await store.timeline(caseId)).length).toBe(1);
  });

  /** The archive job's report, as apps/jobs sends it (the package's hashes made up: the workflow only records them). */
  async function reportPackage(caseId: string, jobId = `archive-${caseId}`, throughSeq?: number) {
    const handle = client.workflow.getHandle(caseWorkflowId(caseId));
    const { seq } = await handle.query(caseStateQuery);
    const command: CaseCommand = { type: 'RECORD_ARCHIVE_PACKAGE', manifestSha256: 'c'.repeat(64), signature: 'c2ln', keyId: 'wf-key', throughSeq: throughSeq ?? seq, lastHash: 'd'.repeat(64), files: 2 };
    return handle.executeUpdate(reportJobUpdate, { args: [{ jobId, command }], updateId: jobReportUpdateId(jobId, randomUUID()) });
  }

  /** Sends each command as its actor, in order, with times taken at sending. */
  async function drive(caseId: string, steps: [string, (now: string) => CaseCommand][]): Promise<string[]> {
    const handle = client.workflow.getHandle(caseWorkflowId(caseId));
    const statuses: string[] = [];
    for (const [user, build] of steps) {
      const result = await handle.executeUpdate(executeCommandUpdate, { args: [{ command: build(new Date().toISOString()), actor: actor(user) }] });
      statuses.push(result.status);
    }
    return statuses;
  }

  it('carries a full ordinary case from lead to archive, then completes the workflow', async () => {
    const caseId = randomUUID();
    await register(caseId, DEMO_POLICY, '2026-11-20T02:00:00Z');
    const officers = [actor('officer.zhang'), actor('officer.li')];
    const penalty = { kinds: ['FINE' as const], fineAmount: 3000 };
    const GOODS = 2000; // ¥3,000 is 1.5×: GENERAL (1.25–2.25×)
    const statuses = await drive(caseId, [
      ['head.sun', () => ({ type: 'DECIDE_FILING', approve: true, reason: 'violation likely', officers })],
      ['officer.zhang', (now) => ({ type: 'RECORD_EVIDENCE', evidenceId: 'e1', kind: 'ON_SITE_RECORD', title: '现场笔录', collectedAt: now, collectors: officers, location: 'site', sha256: 'a'.repeat(64), sizeBytes: 1, credentialsShown: true, rightsExplained: true })],
      ['officer.li', () => ({ type: 'SUBMIT_INVESTIGATION_REPORT', findings: 'substandard goods sold as standard', proposedOutcome: 'PENALTY', proposedPenalty: penalty, legalBasis: '《产品质量法》第五十条', circumstanceLevel: 'GENERAL', discretionBases: [{ kind: 'GOODS_VALUE', value: GOODS }] })],
      ['reviewer.liu', () => ({ type: 'REVIEW_CASE', opinion: 'AGREE', comments: 'facts clear' })],
      ['head.sun', () => ({ type: 'APPROVE_NOTICE' })],
      ['officer.zhang', (now) => ({ type: 'SERVE_NOTICE', noticeNumber: 'WF-N0', text: '拟罚款叁仟元', hearingRightsNotified: true, method: 'DIRECT', servedAt: now, recipient: '王某', proof: '送达回证' })],
      ['officer.zhang', () => ({ type: 'RECORD_DEFENCE', waived: true })],
      ['head.sun', () => ({ type: 'DECIDE', outcome: 'PENALTY', penalty, documentNumber: 'WF-1', text: '罚款叁仟元', ...CONTENTS })],
      ['officer.zhang', (now) => ({ type: 'SERVE', method: 'DIRECT', servedAt: now, recipient: '王某', proof: '送达回证' })],
      ['officer.li', (now) => ({ type: 'RECORD_PAYMENT', amount: 3000, paidAt: now, receipt: 'R1', collector: { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' } })],
      ['head.sun', () => ({ type: 'CLOSE', summary: 'executed in full' })],
      ['officer.zhang', () => ({ type: 'ARCHIVE' })],
    ]);
    expect(statuses).toEqual([
      'FILED',
      'FILED',
      'INVESTIGATION_REPORTED',
      'CASE_REVIEWED',
      'CASE_REVIEWED',
      'NOTICE_SERVED',
      'DEFENCE_RECORDED',
      'DECIDED',
      'SERVED',
      'EXECUTED',
      'CLOSED',
      'ARCHIVING',
    ]);
    // Archiving waits for the archive job's package: the workflow runs on until it is reported.
    const handle = client.workflow.getHandle(caseWorkflowId(caseId));
    expect((await handle.describe()).status.name).toBe('RUNNING');
    const stale = await reportPackage(caseId, 'stale-job', 12).catch((e: unknown) => e);
    expect((stale as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'ARCHIVE.PACKAGE_STALE' });
    expect(await reportPackage(caseId, 'job-1')).toMatchObject({ duplicate: false, events: [{ seq: 14, type: 'CASE_ARCHIVED' }] });
    await handle.result();
    expect((await handle.describe()).status.name).toBe('COMPLETED');
    expect(await store.verify(caseId)).toEqual({ valid: true, events: 14 });
    const [row] = await ds.query('SELECT status, deadlines FROM cases WHERE id = $1', [caseId]);
    expect(row.status).toBe('ARCHIVED');
    expect(Object.fromEntries(Object.entries(row.deadlines as Record<string, { state: string }>).map(([k, d]) => [k, d.state]))).toEqual({
      filingDecision: 'MET',
      decision: 'MET',
      caseReview: 'MET',
      defence: 'MET',
      service: 'MET',
      payment: 'MET',
      closure: 'MET',
      // The party's challenge windows outlive the file.
      reconsiderationWindow: 'OPEN',
      litigationWindow: 'OPEN',
      // No disclosure job runs here: the publication still owed is cancelled by archiving (lifecycle §5).
      disclosure: 'CANCELLED',
    });
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'ordinary-case-to-archive');
  });

  it('a revoked decision takes effect (challenge-effects patch); an archived case then takes a supplement in a new run on the same chain', async () => {
    const caseId = randomUUID();
    await register(caseId, DEMO_POLICY, '2026-11-20T02:00:00Z');
    const officers = [actor('officer.zhang'), actor('officer.li')];
    const penalty = { kinds: ['FINE' as const], fineAmount: 3000 };
    const statuses = await drive(caseId, [
      ['head.sun', () => ({ type: 'DECIDE_FILING', approve: true, reason: 'violation likely', officers })],
      ['officer.zhang', (now) => ({ type: 'RECORD_EVIDENCE', evidenceId: 'e1', kind: 'ON_SITE_RECORD', title: '现场笔录', collectedAt: now, collectors: officers, location: 'site', sha256: 'a'.repeat(64), sizeBytes: 1, credentialsShown: true, rightsExplained: true })],
      ['officer.li', () => ({ type: 'SUBMIT_INVESTIGATION_REPORT', findings: 'substandard goods sold as standard', proposedOutcome: 'PENALTY', proposedPenalty: penalty, legalBasis: '《产品质量法》第五十条', circumstanceLevel: 'GENERAL', discretionBases: [{ kind: 'GOODS_VALUE', value: 2000 }] })],
      ['reviewer.liu', () => ({ type: 'REVIEW_CASE', opinion: 'AGREE', comments: 'facts clear' })],
      ['head.sun', () => ({ type: 'APPROVE_NOTICE' })],
      ['officer.zhang', (now) => ({ type: 'SERVE_NOTICE', noticeNumber: 'WF-N9', text: '拟罚款叁仟元', hearingRightsNotified: true, method: 'DIRECT', servedAt: now, recipient: '王某', proof: '送达回证' })],
      ['officer.zhang', () => ({ type: 'RECORD_DEFENCE', waived: true })],
      ['head.sun', () => ({ type: 'DECIDE', outcome: 'PENALTY', penalty, documentNumber: 'WF-9', text: '罚款叁仟元', ...CONTENTS })],
      ['officer.zhang', (now) => ({ type: 'SERVE', method: 'DIRECT', servedAt: now, recipient: '王某', proof: '送达回证' })],
      ['officer.zhang', (now) => ({ type: 'RECORD_CHALLENGE', challengeId: 'r1', kind: 'RECONSIDERATION', stage: 'FILED', at: now, body: '长治市人民政府' })],
      ['officer.zhang', (now) => ({ type: 'RECORD_CHALLENGE', challengeId: 'r1', kind: 'RECONSIDERATION', stage: 'DECIDED', at: now, body: '长治市人民政府', result: 'REVOKED' })],
      ['head.sun', () => ({ type: 'CLOSE', summary: 'decision revoked on reconsideration' })],
      ['officer.zhang', () => ({ type: 'ARCHIVE' })],
    ]);
    expect(statuses.slice(-4)).toEqual(['SERVED', 'SERVED', 'CLOSED', 'ARCHIVING']);
    await reportPackage(caseId);
    const handle = client.workflow.getHandle(caseWorkflowId(caseId));
    await handle.result();
    const [row] = await ds.query('SELECT state, last_seq FROM cases WHERE id = $1', [caseId]);
    expect(row.state.decision).toMatchObject({ amountDue: 0, revoked: true });
    expect(row.state.deadlines.payment.state).toBe('CANCELLED');
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'challenge-revoked-then-archived');

    // 补充归档: a lawsuit the agency learns of later starts a run carrying the chain's state and seq; the run records it and ends.
    const input: CaseWorkflowInput = { caseId, policy: DEMO_POLICY, carried: { state: row.state, seq: row.last_seq } };
    const command: CaseCommand = { type: 'RECORD_CHALLENGE', challengeId: 'l1', kind: 'LITIGATION', stage: 'FILED', at: new Date().toISOString(), body: '长治市潞州区人民法院' };
    const result = await client.workflow.executeUpdateWithStart(executeCommandUpdate, {
      args: [{ command, actor: actor('officer.zhang') }],
      startWorkflowOperation: new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, { workflowId: caseWorkflowId(caseId), taskQueue, args: [input], workflowIdConflictPolicy: 'USE_EXISTING' }),
    });
    expect(result).toMatchObject({ status: 'ARCHIVED', events: [{ seq: 16, type: 'CHALLENGE_RECORDED' }] });
    await client.workflow.getHandle(caseWorkflowId(caseId)).result();
    expect(await store.verify(caseId)).toEqual({ valid: true, events: 16 });
  });

  it('judges a decision on the notice under the lawful-decision rules, recorded as a patch marker for replay', async () => {
    const caseId = randomUUID();
    await register(caseId, DEMO_POLICY, '2026-11-20T02:00:00Z');
    // The run the commands are recorded in: the test server suggests continue-as-new after 120 events, which this case may pass.
    const { runId } = await client.workflow.getHandle(caseWorkflowId(caseId)).describe();
    const officers = [actor('officer.zhang'), actor('officer.li')];
    const penalty = { kinds: ['FINE' as const], fineAmount: 3000 };
    const GOODS = 2000; // ¥3,000 is 1.5×: GENERAL (1.25–2.25×)
    await drive(caseId, [
      ['head.sun', () => ({ type: 'DECIDE_FILING', approve: true, reason: 'violation likely', officers })],
      ['officer.zhang', (now) => ({ type: 'RECORD_EVIDENCE', evidenceId: 'e1', kind: 'ON_SITE_RECORD', title: '现场笔录', collectedAt: now, collectors: officers, location: 'site', sha256: 'a'.repeat(64), sizeBytes: 1, credentialsShown: true, rightsExplained: true })],
      ['officer.li', () => ({ type: 'SUBMIT_INVESTIGATION_REPORT', findings: 'substandard goods sold as standard', proposedOutcome: 'PENALTY', proposedPenalty: penalty, legalBasis: '《产品质量法》第五十条', circumstanceLevel: 'GENERAL', discretionBases: [{ kind: 'GOODS_VALUE', value: GOODS }] })],
      ['reviewer.liu', () => ({ type: 'REVIEW_CASE', opinion: 'AGREE', comments: 'facts clear' })],
      ['head.sun', () => ({ type: 'APPROVE_NOTICE' })],
      ['officer.zhang', (now) => ({ type: 'SERVE_NOTICE', noticeNumber: 'WF-N1', text: '拟罚款叁仟元', hearingRightsNotified: true, method: 'DIRECT', servedAt: now, recipient: '王某', proof: '送达回证' })],
      ['officer.zhang', () => ({ type: 'RECORD_DEFENCE', waived: true })],
    ]);
    const handle = client.workflow.getHandle(caseWorkflowId(caseId));
    const heavier = await handle
      .executeUpdate(executeCommandUpdate, {
        args: [{ command: { type: 'DECIDE', outcome: 'PENALTY', penalty: { kinds: ['FINE'], fineAmount: 3001 }, documentNumber: 'WF-2', text: '罚款', ...CONTENTS }, actor: actor('head.sun') }],
      })
      .catch((e: unknown) => e);
    expect((heavier as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'DECISION.HEAVIER_THAN_NOTICE' });
    const statuses = await drive(caseId, [
      ['head.sun', () => ({ type: 'DECIDE', outcome: 'PENALTY', penalty, documentNumber: 'WF-2', text: '罚款叁仟元', ...CONTENTS })],
      ['officer.zhang', (now) => ({ type: 'SERVE', method: 'DIRECT', servedAt: now, recipient: '王某', proof: '送达回证' })],
    ]);
    expect(statuses).toEqual(['DECIDED', 'SERVED']);
    // Every command after the rules ran under their patch, so this history replays with them.
    const history = await client.workflow.getHandle(caseWorkflowId(caseId), runId).fetchHistory();
    const markers = (history.events ?? []).filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch');
    expect(markers.length).toBeGreaterThan(0);
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'decision-judged-on-notice');
  });

  it('keeps the hearing-request window open past a defence until the party waives its hearing (hearing-window patch)', async () => {
    const caseId = randomUUID();
    await register(caseId, DEMO_POLICY, '2026-11-20T02:00:00Z');
    const officers = [actor('officer.zhang'), actor('officer.li')];
    // ¥6,000 for a person qualifies for a hearing under the demo policy.
    const penalty = { kinds: ['FINE' as const], fineAmount: 6000 };
    const GOODS = 4000; // ¥6,000 is 1.5×: GENERAL (1.25–2.25×)
    await drive(caseId, [
      ['head.sun', () => ({ type: 'DECIDE_FILING', approve: true, reason: 'violation likely', officers })],
      ['officer.zhang', (now) => ({ type: 'RECORD_EVIDENCE', evidenceId: 'e1', kind: 'ON_SITE_RECORD', title: '现场笔录', collectedAt: now, collectors: officers, location: 'site', sha256: 'b'.repeat(64), sizeBytes: 1, credentialsShown: true, rightsExplained: true })],
      ['officer.li', () => ({ type: 'SUBMIT_INVESTIGATION_REPORT', findings: 'substandard goods sold as standard', proposedOutcome: 'PENALTY', proposedPenalty: penalty, legalBasis: '《产品质量法》第五十条', circumstanceLevel: 'GENERAL', discretionBases: [{ kind: 'GOODS_VALUE', value: GOODS }] })],
      ['reviewer.liu', () => ({ type: 'REVIEW_CASE', opinion: 'AGREE', comments: 'facts clear' })],
      ['head.sun', () => ({ type: 'APPROVE_NOTICE' })],
      ['officer.zhang', (now) => ({ type: 'SERVE_NOTICE', noticeNumber: 'WF-N3', text: '拟罚款陆仟元; 你有要求听证的权利', hearingRightsNotified: true, method: 'DIRECT', servedAt: now, recipient: '王某', proof: '送达回证' })],
      ['officer.zhang', () => ({ type: 'RECORD_DEFENCE', waived: true })],
    ]);
    const handle = client.workflow.getHandle(caseWorkflowId(caseId));
    const early = await handle
      .executeUpdate(executeCommandUpdate, { args: [{ command: { type: 'DECIDE', outcome: 'PENALTY', penalty, documentNumber: 'WF-3', text: '罚款陆仟元', ...CONTENTS }, actor: actor('head.sun') }] })
      .catch((e: unknown) => e);
    expect((early as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'CASE.HEARING_WINDOW_RUNNING' });
    const statuses = await drive(caseId, [
      ['officer.zhang', (now) => ({ type: 'WAIVE_HEARING', waivedAt: now })],
      ['head.sun', () => ({ type: 'DECIDE', outcome: 'PENALTY', penalty, documentNumber: 'WF-3', text: '罚款陆仟元', ...CONTENTS })],
    ]);
    expect(statuses).toEqual(['DEFENCE_RECORDED', 'DECIDED']);
    const [row] = await ds.query('SELECT deadlines FROM cases WHERE id = $1', [caseId]);
    expect((row.deadlines as Record<string, { state: string }>).hearingRequest.state).toBe('MET');
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'hearing-window-waived');
  });

  it('closes the defence and the hearing-request windows by timer; the decision waits for both, then states its APL 59 contents', async () => {
    const caseId = randomUUID();
    const policy = fastPolicy({ defence: { seconds: 3 }, hearingRequest: { seconds: 5 } });
    await register(caseId, policy, '2026-11-20T02:00:00Z');
    const officers = [actor('officer.zhang'), actor('officer.li')];
    // ¥6,000 for a person qualifies for a hearing under the demo policy: both windows run from the notice.
    // 《产品质量法》art 50: ¥6,000 on goods of ¥4,000 is 1.5×, GENERAL (1.25–2.25×).
    const penalty = { kinds: ['FINE' as const], fineAmount: 6000 };
    await drive(caseId, [
      ['head.sun', () => ({ type: 'DECIDE_FILING', approve: true, reason: 'violation likely', officers })],
      ['officer.zhang', (now) => ({ type: 'RECORD_EVIDENCE', evidenceId: 'e1', kind: 'ON_SITE_RECORD', title: '现场笔录', collectedAt: now, collectors: officers, location: 'site', sha256: 'c'.repeat(64), sizeBytes: 1, credentialsShown: true, rightsExplained: true })],
      ['officer.li', () => ({ type: 'SUBMIT_INVESTIGATION_REPORT', findings: 'substandard goods sold as standard', proposedOutcome: 'PENALTY', proposedPenalty: penalty, legalBasis: '《产品质量法》第五十条', circumstanceLevel: 'GENERAL', discretionBases: [{ kind: 'GOODS_VALUE', value: 4000 }] })],
      ['reviewer.liu', () => ({ type: 'REVIEW_CASE', opinion: 'AGREE', comments: 'facts clear' })],
      ['head.sun', () => ({ type: 'APPROVE_NOTICE' })],
      ['officer.zhang', (now) => ({ type: 'SERVE_NOTICE', noticeNumber: 'WF-N4', text: '拟罚款陆仟元; 你有要求听证的权利', hearingRightsNotified: true, method: 'DIRECT', servedAt: now, recipient: '王某', proof: '送达回证' })],
    ]);
    const handle = client.workflow.getHandle(caseWorkflowId(caseId));
    const decide = () =>
      handle
        .executeUpdate(executeCommandUpdate, { args: [{ command: { type: 'DECIDE', outcome: 'PENALTY', penalty, documentNumber: 'WF-4', text: '罚款陆仟元', ...CONTENTS }, actor: actor('head.sun') }] })
        .catch((e: unknown) => e);
    expect(((await decide()) as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'CASE.DEFENCE_PERIOD_RUNNING' });
    // Nobody records anything: the workflow's timers end each window at its own time.
    const missed = await eventually(async () => {
      const kinds = (await store.timeline(caseId)).filter((e) => e.type === 'DEADLINE_MISSED').map((e) => (e.payload as { deadline: string }).deadline);
      return kinds.length === 2 ? kinds : undefined;
    }, 20000);
    expect(missed).toEqual(['defence', 'hearingRequest']);
    const late = await handle
      .executeUpdate(executeCommandUpdate, { args: [{ command: { type: 'REQUEST_HEARING', requestedAt: new Date().toISOString() }, actor: actor('officer.zhang') }] })
      .catch((e: unknown) => e);
    expect((late as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'HEARING.REQUEST_LATE' });
    const decided = await decide();
    expect(decided).toMatchObject({ status: 'DECIDED' });
    const [row] = await ds.query('SELECT status, flags, deadlines FROM cases WHERE id = $1', [caseId]);
    expect(row.status).toBe('DECIDED');
    // Windows owned by the party never make the case overdue.
    expect(row.flags).not.toContain('OVERDUE');
    const states = Object.fromEntries(Object.entries(row.deadlines as Record<string, { state: string }>).map(([k, d]) => [k, d.state]));
    expect(states).toMatchObject({ caseReview: 'MET', defence: 'MISSED', hearingRequest: 'MISSED', decision: 'MET' });
    const made = (await store.timeline(caseId)).find((e) => e.type === 'DECISION_MADE')!;
    expect((made.payload as { contents: unknown }).contents).toMatchObject({ evidence: [{ evidenceId: 'e1' }], remedy: { reconsiderationDays: 60, litigationMonths: 6 } });
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'windows-closed-by-timer');
  });

  it('carries a simple case (当场处罚): the party heard and the limitation checked on the spot, decided and served, reported, paid, closed, archived (simple-exits and one-fine-per-act patches)', async () => {
    const caseId = randomUUID();
    await register(caseId, DEMO_POLICY, new Date().toISOString(), 'SIMPLE');
    const statuses = await drive(caseId, [
      ['officer.zhang', (now) => ({
        type: 'SIMPLE_DECIDE',
        facts: 'sold expired food, small amount',
        legalBasis: '《食品安全法》',
        penalty: { kinds: ['FINE'], fineAmount: 200 },
        documentNumber: 'SIMPLE-1',
        text: '当场罚款贰佰元',
        service: { method: 'DIRECT', servedAt: now, recipient: '王某', proof: '当场交付' },
        defence: { waived: false, statement: '称不知已过期', points: [{ point: '不知已过期', adopted: false, reason: '经营者负有查验义务' }] },
        // As the API resolves it: another case already fined the party for this violation (APL 29, one-fine-per-act patch).
        sameActCases: [{ caseId: randomUUID(), caseNumber: 'WF-PRIOR', status: 'SERVED', outcome: 'PENALTY', fineAmount: 100 }],
        sameActOverrideReason: '另一批次的过期食品，系另一违法行为',
      })],
      ['officer.zhang', () => ({ type: 'REPORT_SIMPLE', note: 'filed with the agency' })],
      ['officer.zhang', (now) => ({ type: 'RECORD_PAYMENT', amount: 200, paidAt: now, receipt: 'R2', collector: { kind: 'ON_THE_SPOT', name: '张伟' } })],
      ['head.sun', () => ({ type: 'CLOSE', summary: 'paid' })],
      ['officer.zhang', () => ({ type: 'ARCHIVE' })],
    ]);
    expect(statuses.at(-1)).toBe('ARCHIVING');
    expect(await reportPackage(caseId)).toMatchObject({ events: [{ type: 'CASE_ARCHIVED' }] });
    await client.workflow.getHandle(caseWorkflowId(caseId)).result();
    expect(await store.verify(caseId)).toMatchObject({ valid: true });
    const made = (await store.timeline(caseId)).find((e) => e.type === 'SIMPLE_DECISION_MADE')!;
    expect(made.payload).toMatchObject({
      defence: { waived: false },
      limitation: { source: 'APL 36', violationDate: '2026-11-18' },
      sameActOverride: { reason: '另一批次的过期食品，系另一违法行为', finedCases: [{ caseNumber: 'WF-PRIOR' }] },
    });
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'simple-case-heard-on-the-spot');
  });

  it('pays by instalments through a named bank, then ends execution and closes (execution-ledger patch)', async () => {
    const caseId = randomUUID();
    await register(caseId, DEMO_POLICY, '2026-11-20T02:00:00Z');
    const officers = [actor('officer.zhang'), actor('officer.li')];
    const penalty = { kinds: ['FINE' as const], fineAmount: 3000 };
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const bank = { kind: 'DESIGNATED_BANK' as const, name: '中国工商银行长治分行' };
    const statuses = await drive(caseId, [
      ['head.sun', () => ({ type: 'DECIDE_FILING', approve: true, reason: 'violation likely', officers })],
      ['officer.zhang', (now) => ({ type: 'RECORD_EVIDENCE', evidenceId: 'e1', kind: 'ON_SITE_RECORD', title: '现场笔录', collectedAt: now, collectors: officers, location: 'site', sha256: 'c'.repeat(64), sizeBytes: 1, credentialsShown: true, rightsExplained: true })],
      ['officer.li', () => ({ type: 'SUBMIT_INVESTIGATION_REPORT', findings: 'substandard goods sold as standard', proposedOutcome: 'PENALTY', proposedPenalty: penalty, legalBasis: '《产品质量法》第五十条', circumstanceLevel: 'GENERAL', discretionBases: [{ kind: 'GOODS_VALUE', value: 2000 }] })],
      ['reviewer.liu', () => ({ type: 'REVIEW_CASE', opinion: 'AGREE', comments: 'facts clear' })],
      ['head.sun', () => ({ type: 'APPROVE_NOTICE' })],
      ['officer.zhang', (now) => ({ type: 'SERVE_NOTICE', noticeNumber: 'WF-N9', text: '拟罚款叁仟元', hearingRightsNotified: true, method: 'DIRECT', servedAt: now, recipient: '王某', proof: '送达回证' })],
      ['officer.zhang', () => ({ type: 'RECORD_DEFENCE', waived: true })],
      ['head.sun', () => ({ type: 'DECIDE', outcome: 'PENALTY', penalty, documentNumber: 'WF-9', text: '罚款叁仟元', ...CONTENTS })],
      ['officer.zhang', (now) => ({ type: 'SERVE', method: 'DIRECT', servedAt: now, recipient: '王某', proof: '送达回证' })],
      ['head.sun', () => ({ type: 'APPROVE_PAYMENT_PLAN', kind: 'INSTALMENTS', reason: '确有经济困难', instalments: [{ dueDate: day(30), amount: 1000 }, { dueDate: day(60), amount: 2000 }] })],
      ['officer.li', (now) => ({ type: 'RECORD_PAYMENT', amount: 1000, paidAt: now, receipt: 'R9', collector: bank })],
      ['head.sun', (now) => ({ type: 'END_EXECUTION', reason: 'PARTY_DIED_NO_ESTATE', facts: '当事人死亡，无遗产可供执行', at: now })],
      ['head.sun', () => ({ type: 'CLOSE', summary: 'execution ended (ACL 40)' })],
      ['officer.zhang', () => ({ type: 'ARCHIVE' })],
    ]);
    expect(statuses.slice(-5)).toEqual(['SERVED', 'SERVED', 'SERVED', 'CLOSED', 'ARCHIVING']);
    expect(await reportPackage(caseId)).toMatchObject({ events: [{ type: 'CASE_ARCHIVED' }] });
    await client.workflow.getHandle(caseWorkflowId(caseId)).result();
    const [row] = await ds.query('SELECT state FROM cases WHERE id = $1', [caseId]);
    expect(row.state.payments[0].collector).toEqual(bank);
    expect(row.state.execution).toMatchObject({ plan: { kind: 'INSTALMENTS' }, ended: { reason: 'PARTY_DIED_NO_ESTATE', unpaid: 2000 } });
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'execution-plan-and-end');
  });

  it('records a reminder and an escalation when the filing decision is not made in time', async () => {
    const caseId = randomUUID();
    await register(caseId, fastPolicy({ filingDecision: { seconds: 3, remindBefore: 1 } }), new Date().toISOString());
    const types = await eventually(async () => {
      const t = (await store.timeline(caseId)).map((e) => e.type);
      return t.includes('DEADLINE_MISSED') ? t : undefined;
    }, 20000);
    expect(types).toEqual(['LEAD_REGISTERED', 'DEADLINE_APPROACHING', 'DEADLINE_MISSED']);
    const [row] = await ds.query('SELECT flags FROM cases WHERE id = $1', [caseId]);
    expect(row.flags).toContain('OVERDUE');
    expect(await store.verify(caseId)).toEqual({ valid: true, events: 3 });
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'lead-filing-deadline-missed');
  });

  it('continues as new on a long case, carrying state and sequence, with concurrent commands each recorded once', async () => {
    const caseId = randomUUID();
    await register(caseId, DEMO_POLICY, '2026-11-20T02:00:00Z');
    const handle = client.workflow.getHandle(caseWorkflowId(caseId));
    const firstRunId = (await handle.describe()).runId;
    const officers = [actor('officer.zhang'), actor('officer.li')];
    await handle.executeUpdate(executeCommandUpdate, {
      args: [{ command: { type: 'DECIDE_FILING', approve: true, reason: 'violation likely', officers, violationAt: '2026-11-18T00:00:00Z' }, actor: actor('head.sun') }],
    });
    const evidence = (i: number): CaseCommand => ({
      type: 'RECORD_EVIDENCE',
      evidenceId: `ev-${i}`,
      kind: 'DOCUMENTARY',
      title: `item ${i}`,
      collectedAt: '2026-11-21T02:00:00Z',
      collectors: officers,
      location: 'site',
      sha256: i.toString(16).padStart(64, '0'),
      sizeBytes: 10,
      credentialsShown: true,
      rightsExplained: true,
    });
    for (let i = 0; i < 20; i++) {
      await handle.executeUpdate(executeCommandUpdate, { args: [{ command: evidence(i), actor: actor('officer.zhang') }] });
    }
    await Promise.all(
      Array.from({ length: 10 }, (_, j) =>
        handle.executeUpdate(executeCommandUpdate, { args: [{ command: evidence(100 + j), actor: actor('officer.li') }] }),
      ),
    );

    expect((await handle.describe()).runId).not.toBe(firstRunId);
    const live = await handle.query(caseStateQuery);
    expect(live.seq).toBe(32);
    expect(live.state?.evidence).toHaveLength(30);
    const events = await store.timeline(caseId);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(new Set(events.filter((e) => e.type === 'EVIDENCE_RECORDED').map((e) => e.payload.evidenceId)).size).toBe(30);
    expect(await store.verify(caseId)).toEqual({ valid: true, events: 32 });
  });

  it('survives the worker being killed (SIGKILL) mid-case: the case goes on, no event lost or doubled', async () => {
    // Only the child process polls the task queue while the case starts.
    await worker.close();
    const child = await spawnWorkerProcess(process.env);
    const caseId = randomUUID();
    try {
      await register(caseId, fastPolicy({ filingDecision: { seconds: 6, remindBefore: 3 } }), new Date().toISOString());
      await eventually(async () => (await store.timeline(caseId)).some((e) => e.type === 'DEADLINE_APPROACHING'), 20000);
    } finally {
      await killHard(child);
    }
    // The escalation timer comes due while no worker runs; a new worker picks it up.
    worker = await startWorker();
    const types = await eventually(async () => {
      const t = (await store.timeline(caseId)).map((e) => e.type);
      return t.includes('DEADLINE_MISSED') ? t : undefined;
    }, 30000);
    expect(types).toEqual(['LEAD_REGISTERED', 'DEADLINE_APPROACHING', 'DEADLINE_MISSED']);
    expect(await store.verify(caseId)).toEqual({ valid: true, events: 3 });
  });
});
