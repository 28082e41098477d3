import { randomUUID } from 'node:crypto';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { caseWorkflowId, CASE_WORKFLOW_TYPE, executeCommandUpdate, type CaseWorkflowInput } from '@zhifa/contracts';
import type { CaseCommand, JurisdictionPolicy } from '@zhifa/domain';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { demoActor as actor } from '../support/demo-case-facts';
import { eventually } from '../support/eventually';
import { fastPolicy } from '../support/policies';
import { startStack, Stack } from '../support/stack';

// Deadline reminders and escalations reach the people responsible, through the
// whole path: the workflow's timer records the event, the outbox relays it,
// apps/jobs judges its audience on the case's pinned policy. The case runs on a
// policy whose transfer-dispatch limit is seconds long; it is stored under a
// jurisdiction of its own, so it is no agency's current policy.

describe('deadline notifications on the real stack', () => {
  let stack: Stack;
  let connection: Connection;
  let client: Client;
  const policy: JurisdictionPolicy = fastPolicy({ transferDispatch: { seconds: 4, remindBefore: 2 } });

  beforeAll(async () => {
    stack = await startStack({ jobs: true });
    await stack.ds.query(
      `INSERT INTO policies (version, jurisdiction, published_at, published_by, document) VALUES ($1, $2, now(), 'test', $3) ON CONFLICT (version) DO NOTHING`,
      [policy.version, `test:${policy.version}`, JSON.stringify(policy)],
    );
    connection = await Connection.connect({ address: stack.cfg.temporal.address });
    client = new Client({ connection, namespace: stack.cfg.temporal.namespace });
  });
  afterAll(async () => {
    await connection?.close();
    await stack?.close();
  });

  const officers = () => [actor('officer.zhang'), actor('officer.li')];

  async function drive(caseId: string, steps: [string, CaseCommand][]): Promise<void> {
    const handle = client.workflow.getHandle(caseWorkflowId(caseId));
    for (const [user, command] of steps) await handle.executeUpdate(executeCommandUpdate, { args: [{ command, actor: actor(user) }] });
  }

  /** Who was told of the case's event of `type`, by username, with the reason. */
  async function told(caseId: string, type: string): Promise<Record<string, string>> {
    const rows: { username: string; reason: string }[] = await stack.ds.query(
      `SELECT u.username, n.reason FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.case_id = $1 AND n.event_type = $2`,
      [caseId, type],
    );
    return Object.fromEntries(rows.map((r) => [r.username, r.reason]));
  }

  it("the officers' dispatch limit: its reminder tells the officers; its escalation their heads too; nobody else either time", async () => {
    const caseId = randomUUID();
    const register: CaseCommand = {
      type: 'REGISTER_LEAD',
      caseId,
      caseNumber: `NT-${caseId.slice(0, 8)}`,
      agencyId: DEMO_AGENCY.id,
      procedure: 'ORDINARY',
      source: 'inspection',
      discoveredAt: new Date(Date.now() - 3_600_000).toISOString(),
      party: { type: 'ORGANISATION', name: '长治市某某商贸有限公司', creditCode: '91140400MA0NT0001X' },
      violationCode: 'PRODUCT-FAKE',
      summary: 'integration: notifications of a deadline',
      officers: officers(),
      violationAt: '2026-11-18T00:00:00Z',
    };
    const input: CaseWorkflowInput = { caseId, policy };
    await client.workflow.executeUpdateWithStart(executeCommandUpdate, {
      args: [{ command: register, actor: actor('officer.zhang') }],
      startWorkflowOperation: new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(caseId),
        taskQueue: stack.cfg.temporal.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    await drive(caseId, [
      ['head.sun', { type: 'DECIDE_FILING', approve: true, reason: 'inspection findings verified', officers: officers() }],
      ['officer.zhang', { type: 'PROPOSE_TRANSFER', grounds: '销售伪劣产品, 销售金额达到追诉标准', officers: officers() }],
      // The approval starts the 24 hours to dispatch (here 4 s, reminded 2 s before).
      ['head.sun', { type: 'DECIDE_TRANSFER', approve: true, reason: '同意移送' }],
    ]);

    const reminder = await eventually(async () => {
      const t = await told(caseId, 'DEADLINE_APPROACHING');
      return Object.keys(t).length ? t : undefined;
    }, 20000);
    expect(reminder).toEqual({ 'officer.zhang': 'OFFICER', 'officer.li': 'OFFICER' });

    const escalation = await eventually(async () => {
      const t = await told(caseId, 'DEADLINE_MISSED');
      return Object.keys(t).length ? t : undefined;
    }, 20000);
    expect(escalation).toEqual({ 'officer.zhang': 'OFFICER', 'officer.li': 'OFFICER', 'head.sun': 'HEAD', 'head.qian': 'HEAD' });

    const [missed] = await stack.ds.query(`SELECT message, message_en, section FROM notifications WHERE case_id = $1 AND event_type = 'DEADLINE_MISSED' LIMIT 1`, [caseId]);
    expect(missed.message).toMatch(new RegExp(`^NT-${caseId.slice(0, 8)}：期限已届满（超期），移送期限已于\\d{4}年\\d+月\\d+日届满$`));
    expect(missed.message_en).toMatch(/: deadline missed — the transfer dispatch limit ended on \d{4}-\d{2}-\d{2}$/);
    expect(missed.section).toBe('deadlines');
  });
});
