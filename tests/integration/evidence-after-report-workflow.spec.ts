import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection, WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { caseWorkflowId, CASE_WORKFLOW_TYPE, executeCommandUpdate, type CaseWorkflowInput } from '@zhifa/contracts';
import type { CaseCommand } from '@zhifa/domain';
import { CaseEventStore, createDataSource } from '@zhifa/persistence';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { maybeRecordHistory } from '../support/record-history';
import { appEnv, TEST_DATABASE_URL } from '../support/test-env';
import { decisionContents, demoActor as actor } from '../support/demo-case-facts';

// The 'evidence-after-report' rule change on the Temporal dev server: the
// party's evidence is recorded during its defence without wiping the notice,
// the decision cites it, and the recorded history guards the change's replay.
describe('evidence after the report in the case workflow', () => {
  const taskQueue = `zhifa-wf-evid-${randomUUID()}`;
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

  it("records the party's evidence in its defence, keeps the notice, and decides citing it (evidence-after-report patch)", async () => {
    const caseId = randomUUID();
    const officers = [actor('officer.zhang'), actor('officer.li')];
    const input: CaseWorkflowInput = { caseId, policy: DEMO_POLICY };
    await client.workflow.executeUpdateWithStart(executeCommandUpdate, {
      args: [
        {
          command: {
            type: 'REGISTER_LEAD',
            caseId,
            caseNumber: `WF-${caseId.slice(0, 8)}`,
            agencyId: DEMO_AGENCY.id,
            procedure: 'ORDINARY',
            source: 'inspection',
            discoveredAt: '2026-11-20T02:00:00Z',
            party: { type: 'PERSON', name: '王某' },
            violationCode: 'PRODUCT-FAKE',
            summary: 'integration',
            officers,
            violationAt: '2026-11-18T00:00:00Z',
          },
          actor: actor('officer.zhang'),
        },
      ],
      startWorkflowOperation: new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, { workflowId: caseWorkflowId(caseId), taskQueue, args: [input], workflowIdConflictPolicy: 'USE_EXISTING' }),
    });
    const handle = client.workflow.getHandle(caseWorkflowId(caseId));
    const send = (user: string, command: CaseCommand) => handle.executeUpdate(executeCommandUpdate, { args: [{ command, actor: actor(user) }] });
    const now = () => new Date().toISOString();
    const item = (evidenceId: string, over: Partial<Extract<CaseCommand, { type: 'RECORD_EVIDENCE' }>> = {}): CaseCommand => ({
      type: 'RECORD_EVIDENCE',
      evidenceId,
      kind: 'DOCUMENTARY',
      title: evidenceId,
      collectedAt: now(),
      collectors: officers,
      location: 'site',
      sha256: evidenceId === 'e1' ? 'd'.repeat(64) : 'e'.repeat(64),
      sizeBytes: 1,
      ...over,
    });
    // ¥3,000 on goods of ¥2,000 is 1.5×: GENERAL (1.25–2.25×); below the hearing threshold.
    const penalty = { kinds: ['FINE' as const], fineAmount: 3000 };

    await send('head.sun', { type: 'DECIDE_FILING', approve: true, reason: 'violation likely', officers });
    const bare = await send('officer.zhang', item('e1')).catch((e: unknown) => e);
    expect((bare as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'EVIDENCE.RIGHTS_NOTICE_MISSING' });
    await send('officer.zhang', item('e1', { credentialsShown: true, rightsExplained: true }));
    await send('officer.li', { type: 'SUBMIT_INVESTIGATION_REPORT', findings: 'substandard goods sold as standard', proposedOutcome: 'PENALTY', proposedPenalty: penalty, legalBasis: '《产品质量法》第五十条', circumstanceLevel: 'GENERAL', discretionBases: [{ kind: 'GOODS_VALUE', value: 2000 }] });
    await send('reviewer.liu', { type: 'REVIEW_CASE', opinion: 'AGREE', comments: 'facts clear' });
    await send('head.sun', { type: 'APPROVE_NOTICE' });
    await send('officer.zhang', { type: 'SERVE_NOTICE', noticeNumber: 'WF-EV1', text: '拟罚款叁仟元', hearingRightsNotified: false, method: 'DIRECT', servedAt: now(), recipient: '王某', proof: '送达回证' });
    const party = await send('officer.zhang', item('e2', { origin: 'PARTY_DEFENCE', source: '当事人陈述申辩时提交' }));
    expect(party.status).toBe('NOTICE_SERVED');
    await send('officer.zhang', { type: 'RECORD_DEFENCE', waived: false, statement: '进货有合法来源' });
    const decide = (evidenceIds: string[]) =>
      send('head.sun', { type: 'DECIDE', outcome: 'PENALTY', penalty, documentNumber: 'WF-EV', text: '罚款叁仟元', ...decisionContents(evidenceIds, { legalBasis: '《产品质量法》第五十条' }) });
    const uncited = await decide(['e1']).catch((e: unknown) => e);
    expect((uncited as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'DECISION.NEW_EVIDENCE_NOT_CITED' });
    expect(await decide(['e1', 'e2'])).toMatchObject({ status: 'DECIDED' });

    const timeline = await store.timeline(caseId);
    expect(timeline.filter((e) => e.type === 'EVIDENCE_RECORDED').map((e) => (e.payload as { origin: string }).origin)).toEqual(['INITIAL', 'PARTY_DEFENCE']);
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'evidence-after-report');
  });
});
