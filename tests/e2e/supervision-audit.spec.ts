import { Client as TemporalClient, Connection } from '@temporalio/client';
import { closeTestQueue, openTestQueue } from '../support/test-queue';
import { caseWorkflowId } from '@zhifa/contracts';
import { JobSchedulers } from '../../apps/jobs/src/dispatch/job-schedulers.service';
import { runAuditJob } from '../support/audit-jobs';
import { eventually } from '../support/eventually';
import { startStack, Stack } from '../support/stack';
import { Client } from './command-helpers';

// The record's own audit on real services: the jobs app's audit queue runs
// the chain verification and the reconciliation (as their schedulers would),
// the API lists what they found, acknowledges alerts and repairs read models.
describe('supervision: chain alerts, stuck cases and read-model repair', () => {
  let stack: Stack;
  let api: Client;
  let temporal: { connection: Connection; client: TemporalClient };

  beforeAll(async () => {
    stack = await startStack({ jobs: true });
    api = new Client(stack);
    const connection = await Connection.connect({ address: stack.cfg.temporal.address });
    temporal = { connection, client: new TemporalClient({ connection, namespace: stack.cfg.temporal.namespace }) };
  });
  afterAll(async () => {
    await temporal?.connection.close();
    await stack?.close();
  });

  const alerts = (username = 'supervisor.zhou') => api.as(username).GET('/api/v1/supervision/alerts', { params: { query: {} } });
  const stuck = (username = 'supervisor.zhou') => api.as(username).GET('/api/v1/supervision/stuck');
  const repair = (caseId: string, username = 'supervisor.zhou') =>
    api.as(username).POST('/api/v1/supervision/stuck/{caseId}/repair', { params: { path: { caseId } } });

  /**
   * A filed case once the jobs app has issued its filing approval form (立案审批表, a DOCUMENT_ISSUED event): the
   * chain stops moving, so what the audit finds is the test's doing alone. Its last seq.
   */
  async function settledFiledCase(): Promise<{ id: string; lastSeq: number }> {
    const id = await api.filedCase();
    const types = await eventually(async () => {
      const t = await api.eventTypes(id);
      return t.includes('DOCUMENT_ISSUED') ? t : null;
    }, 60_000);
    return { id, lastSeq: types.length };
  }

  it('the jobs app puts both audit runs on the clock, nightly in the cases\' time zone, as configured', async () => {
    const q = openTestQueue('audit', stack.cfg.redisUrl);
    try {
      // Gone (a Redis emptied since), they are put back at the jobs app's start.
      await q.removeJobScheduler('audit/CHAIN_VERIFICATION');
      await q.removeJobScheduler('audit/CASE_RECONCILIATION');
      expect(await q.getJobSchedulers()).toEqual([]);
      await stack.jobs!.get(JobSchedulers).onApplicationBootstrap();
      const schedulers = await q.getJobSchedulers();
      const byId = Object.fromEntries(schedulers.map((s) => [s.key, { name: s.name, pattern: s.pattern, tz: s.tz }]));
      expect(byId).toMatchObject({
        'audit/CHAIN_VERIFICATION': { name: 'CHAIN_VERIFICATION', pattern: '0 2 * * *', tz: 'Asia/Shanghai' },
        'audit/CASE_RECONCILIATION': { name: 'CASE_RECONCILIATION', pattern: '30 2 * * *', tz: 'Asia/Shanghai' },
      });
    } finally {
      await closeTestQueue(q);
    }
  });

  it('the nightly verification alerts a chain broken behind the trigger\'s back, once, until a supervisor acknowledges it', async () => {
    const clean = (await settledFiledCase()).id;
    const { id: broken, lastSeq: events } = await settledFiledCase();
    await stack.ds.transaction(async (m) => {
      await m.query('ALTER TABLE case_events DISABLE TRIGGER case_events_append_only');
      await m.query(`UPDATE case_events SET payload = jsonb_set(payload, '{reason}', '"rewritten later"') WHERE case_id = $1 AND seq = 2`, [broken]);
      await m.query('ALTER TABLE case_events ENABLE TRIGGER case_events_append_only');
    });

    const run = await runAuditJob<{ cases: number; broken: { caseId: string }[]; alerted: string[] }>(stack.cfg.redisUrl, 'CHAIN_VERIFICATION');
    expect(run.broken.map((b) => b.caseId)).toContain(broken);
    expect(run.broken.map((b) => b.caseId)).not.toContain(clean);
    expect(run.alerted).toContain(broken);

    const { data, response } = await alerts();
    expect(response.status).toBe(200);
    const mine = data!.items.filter((a) => a.caseId === broken);
    const caseNumber = (await api.case('officer.zhang', broken)).caseNumber;
    expect(mine).toEqual([
      expect.objectContaining({
        kind: 'CHAIN_BROKEN',
        caseId: broken,
        caseNumber,
        detail: { events, brokenAt: { seq: 2, eventId: `case-${broken}:2`, reason: 'hash does not match the event content' } },
        acknowledgedBy: null,
        acknowledgedAt: null,
      }),
    ]);
    expect(data!.items.some((a) => a.caseId === clean)).toBe(false);

    // The next night: still broken, still one open alert.
    const again = await runAuditJob<{ alerted: string[] }>(stack.cfg.redisUrl, 'CHAIN_VERIFICATION');
    expect(again.alerted).not.toContain(broken);
    expect((await alerts()).data!.items.filter((a) => a.caseId === broken)).toHaveLength(1);

    // Only supervisors read or acknowledge alerts.
    expect((await alerts('officer.zhang')).response.status).toBe(403);
    const id = mine[0].id;
    const ack = (username = 'supervisor.zhou') => api.as(username).POST('/api/v1/supervision/alerts/{id}/acknowledge', { params: { path: { id } } });
    expect((await ack('officer.zhang')).response.status).toBe(403);
    const acked = await ack();
    expect(acked.response.status).toBe(200);
    expect(acked.data).toMatchObject({ id, acknowledgedBy: api.id('supervisor.zhou'), acknowledgedByName: '周督察' });
    const first = acked.data!.acknowledgedAt;
    expect((await ack()).data!.acknowledgedAt).toBe(first);
    const open = await api.as('supervisor.zhou').GET('/api/v1/supervision/alerts', { params: { query: { open: true } } });
    expect(open.data!.items.some((a) => a.id === id)).toBe(false);
    const missing = await api.as('supervisor.zhou').POST('/api/v1/supervision/alerts/{id}/acknowledge', { params: { path: { id: '999999999' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ code: 'SUPERVISION.ALERT_NOT_FOUND' });
  });

  it('lists a case whose workflow was terminated as stuck, and leaves a running one out', async () => {
    const running = await api.filedCase();
    const terminated = await api.filedCase();
    await temporal.client.workflow.getHandle(caseWorkflowId(terminated)).terminate('e2e: an operator ended it by hand');

    await runAuditJob(stack.cfg.redisUrl, 'CASE_RECONCILIATION');
    const { data, response } = await stuck();
    expect(response.status).toBe(200);
    expect(data!.items.filter((s) => s.caseId === terminated)).toEqual([
      expect.objectContaining({
        cause: 'WORKFLOW_TERMINATED',
        detail: expect.objectContaining({ workflowId: caseWorkflowId(terminated), status: 'FILED', workflowStatus: 'TERMINATED' }),
      }),
    ]);
    // Neither its read model nor the running case's disagrees with the chain.
    expect(data!.items.filter((s) => s.caseId === running)).toEqual([]);
    expect((await stuck('officer.zhang')).response.status).toBe(403);
  });

  it('lists a read model altered behind the chain\'s back, and a supervisor rebuilds it from the chain, once and again', async () => {
    const { id, lastSeq } = await settledFiledCase();
    const before = await api.case('officer.zhang', id);
    await stack.ds.query(`UPDATE cases SET status = 'CLOSED', last_seq = 1, deadlines = '{}'::jsonb WHERE id = $1`, [id]);

    await runAuditJob(stack.cfg.redisUrl, 'CASE_RECONCILIATION');
    const listed = (await stuck()).data!.items.filter((s) => s.caseId === id);
    expect(listed).toEqual([
      expect.objectContaining({
        cause: 'READ_MODEL_DIVERGES',
        detail: { fields: ['status', 'lastSeq', 'deadlines'], status: { readModel: 'CLOSED', chain: 'FILED' }, lastSeq: { readModel: 1, chain: lastSeq } },
      }),
    ]);

    expect((await repair(id, 'officer.zhang')).response.status).toBe(403);
    const fixed = await repair(id);
    expect(fixed.response.status).toBe(200);
    expect(fixed.data).toMatchObject({ caseId: id, changed: true, repairedBy: api.id('supervisor.zhou'), repairedByName: '周督察' });
    expect(fixed.data!.drift.map((d) => d.field)).toEqual(['status', 'lastSeq', 'deadlines']);
    const after = await api.case('officer.zhang', id);
    expect({ status: after.status, deadlines: after.deadlines }).toEqual({ status: before.status, deadlines: before.deadlines });
    const [row] = await stack.ds.query(`SELECT last_seq FROM cases WHERE id = $1`, [id]);
    expect(row.last_seq).toBe(lastSeq);
    expect((await stuck()).data!.items.filter((s) => s.caseId === id)).toEqual([]);

    // Again: nothing differs, nothing changes, and the repair is still recorded.
    const again = await repair(id);
    expect(again.data).toMatchObject({ changed: false, drift: [] });
    const audit = await stack.ds.query(`SELECT changed, repaired_by_name FROM read_model_repairs WHERE case_id = $1 ORDER BY id`, [id]);
    expect(audit).toEqual([
      { changed: true, repaired_by_name: '周督察' },
      { changed: false, repaired_by_name: '周督察' },
    ]);
    // The workflow carries on from the repaired read model: a next reconciliation finds nothing.
    await runAuditJob(stack.cfg.redisUrl, 'CASE_RECONCILIATION');
    expect((await stuck()).data!.items.filter((s) => s.caseId === id)).toEqual([]);

    const unknown = await repair('00000000-0000-4000-8000-000000000000');
    expect(unknown.response.status).toBe(404);
  });
});
