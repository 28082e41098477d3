import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { caseStateQuery, caseWorkflowId, CASE_WORKFLOW_TYPE, executeCommandUpdate, type CaseWorkflowInput } from '@zhifa/contracts';
import { decide, evolve, withCalendars, type CaseCommand, type CaseState } from '@zhifa/domain';
import { CaseEventStore, createDataSource, projectCase, touchedEvidence } from '@zhifa/persistence';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { maybeRecordHistory } from '../support/record-history';
import { appEnv, TEST_DATABASE_URL } from '../support/test-env';
import { demoActor as actor } from '../support/demo-case-facts';

// The case workflow records with a local activity, inside its workflow task.
// When that task fails after the append (the worker died, the server refused
// its completion), the server runs it again at a later workflow time: the
// same commands decide events with other timestamps. Here the failed
// attempt's append is made directly in the store, exactly as the activity
// would have made it, and the command is then sent as the retried task would
// run it: the workflow adopts what the chain holds instead of breaking it.
describe('a workflow task run again after its append', () => {
  const taskQueue = `zhifa-retry-${randomUUID()}`;
  let worker: INestApplicationContext;
  let client: Client;
  let connection: Connection;
  let store: CaseEventStore;
  let ds: DataSource;
  const policy = withCalendars(DEMO_POLICY, DEMO_POLICY.calendars);
  const officers = [actor('officer.zhang'), actor('officer.li')];

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

  /** A filed case (seq 2), ready for evidence. */
  async function filedCase(): Promise<string> {
    const caseId = randomUUID();
    const command: CaseCommand = {
      type: 'REGISTER_LEAD',
      caseId,
      caseNumber: `RT-${caseId.slice(0, 8)}`,
      agencyId: DEMO_AGENCY.id,
      procedure: 'ORDINARY',
      source: 'inspection',
      discoveredAt: new Date().toISOString(),
      party: { type: 'PERSON', name: '王某' },
      violationCode: 'PRODUCT-FAKE',
      summary: 'workflow task retry',
      officers,
      violationAt: '2026-11-18T00:00:00Z',
    };
    const input: CaseWorkflowInput = { caseId, policy: DEMO_POLICY };
    await client.workflow.executeUpdateWithStart(executeCommandUpdate, {
      args: [{ command, actor: actor('officer.zhang') }],
      startWorkflowOperation: new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, { workflowId: caseWorkflowId(caseId), taskQueue, args: [input], workflowIdConflictPolicy: 'USE_EXISTING' }),
    });
    await send(caseId, 'head.sun', { type: 'DECIDE_FILING', approve: true, reason: 'violation likely', officers });
    return caseId;
  }

  function send(caseId: string, user: string, command: CaseCommand, updateId?: string) {
    return client.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(executeCommandUpdate, { args: [{ command, actor: actor(user) }], ...(updateId ? { updateId } : {}) });
  }

  function evidence(id: string, collectedAt: string): CaseCommand {
    return { type: 'RECORD_EVIDENCE', evidenceId: id, kind: 'ON_SITE_RECORD', title: '现场笔录', collectedAt, collectors: officers, location: 'site', sha256: 'a'.repeat(64), sizeBytes: 1, credentialsShown: true, rightsExplained: true };
  }

  /** What the failed attempt appended: the command decided a minute ago on the state the workflow holds, under its command id. */
  async function appendAsFailedAttempt(caseId: string, command: CaseCommand, commandId: string, at: string): Promise<void> {
    const { state, seq } = await client.workflow.getHandle(caseWorkflowId(caseId)).query(caseStateQuery);
    const decision = decide(state, command, { actor: actor('officer.zhang'), policy, now: at });
    if (!decision.ok) throw new Error(`the command does not apply: ${decision.rejection.code}`);
    let next: CaseState | null = state;
    for (const e of decision.events) next = evolve(next, e, { at, policy });
    const events = decision.events.map((e, i) => ({
      seq: seq + 1 + i,
      type: e.type,
      actor: { userId: actor('officer.zhang').userId, name: actor('officer.zhang').name, roles: [...actor('officer.zhang').roles] },
      occurredAt: at,
      payload: e as unknown as Record<string, unknown>,
    }));
    await store.append({ workflowId: caseWorkflowId(caseId), caseId, commandId, outboxTopics: [], events, projection: projectCase(next!, DEMO_POLICY.version, touchedEvidence(events)) });
  }

  it('answers the same command with the events the failed attempt recorded for it, recording nothing twice', async () => {
    const caseId = await filedCase();
    const earlier = new Date(Date.now() - 60_000).toISOString();
    const command = evidence('e1', earlier);
    await appendAsFailedAttempt(caseId, command, 'retried-update', earlier);

    const result = await send(caseId, 'officer.zhang', command, 'retried-update');
    expect(result.events).toEqual([{ seq: 3, type: 'EVIDENCE_RECORDED' }]);
    expect(result.case?.lastSeq).toBe(3);
    const timeline = await store.timeline(caseId);
    expect(timeline.map((e) => [e.seq, e.type])).toEqual([
      [1, 'LEAD_REGISTERED'],
      [2, 'FILING_APPROVED'],
      [3, 'EVIDENCE_RECORDED'],
    ]);
    // The chain keeps what the failed attempt recorded, at its time.
    expect(timeline[2].occurredAt).toBe(earlier);

    // The case goes on from there.
    const next = await send(caseId, 'officer.zhang', evidence('e2', new Date().toISOString()));
    expect(next.events).toEqual([{ seq: 4, type: 'EVIDENCE_RECORDED' }]);
    expect(await store.verify(caseId)).toEqual({ valid: true, events: 4 });
    const live = await client.workflow.getHandle(caseWorkflowId(caseId)).query(caseStateQuery);
    expect(live.seq).toBe(4);
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'local-activity-adopts-failed-task');
  });

  it('adopts another command the failed attempt recorded first, then records this one after it', async () => {
    const caseId = await filedCase();
    const earlier = new Date(Date.now() - 60_000).toISOString();
    await appendAsFailedAttempt(caseId, evidence('e1', earlier), 'recorded-first', earlier);

    const result = await send(caseId, 'officer.zhang', evidence('e2', new Date().toISOString()), 'arrived-second');
    expect(result.events).toEqual([{ seq: 4, type: 'EVIDENCE_RECORDED' }]);
    const live = await client.workflow.getHandle(caseWorkflowId(caseId)).query(caseStateQuery);
    expect(live.seq).toBe(4);
    expect(live.state?.evidence.map((e) => e.evidenceId)).toEqual(['e1', 'e2']);
    expect((await store.timeline(caseId)).map((e) => e.payload.evidenceId ?? null)).toEqual([null, null, 'e1', 'e2']);
    expect(await store.verify(caseId)).toEqual({ valid: true, events: 4 });

    // The first command, arriving again under its own id, is answered with its record, not recorded twice.
    const again = await send(caseId, 'officer.zhang', evidence('e1', earlier), 'recorded-first');
    expect(again.events).toEqual([{ seq: 3, type: 'EVIDENCE_RECORDED' }]);
    expect(await store.verify(caseId)).toEqual({ valid: true, events: 4 });
  });
});
