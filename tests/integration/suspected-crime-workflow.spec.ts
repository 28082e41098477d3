import { randomUUID } from 'node:crypto';
import { type Client, WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { caseWorkflowId, CASE_WORKFLOW_TYPE, executeCommandUpdate, type CaseWorkflowInput } from '@zhifa/contracts';
import type { CaseCommand } from '@zhifa/domain';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { maybeRecordHistory } from '../support/record-history';
import { startWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';
import { demoActor as actor } from '../support/demo-case-facts';

// The suspected-crime flag on the real Temporal dev server (rule change
// 'criminal-thresholds'): evidence stating sales past the demo policy's
// prosecution threshold flags the case, the head decides not to transfer,
// an officer flags it again after a report. Its history is stored for replay.
// Under 'threshold-facts' and 'transfer-team-recusal': two earlier penalties
// recorded at registration flag an emissions lead, and a recused officer is
// refused on the transfer team; that history is stored too.
describe('the suspected-crime flag in the case workflow', () => {
  let h: WorkflowHarness;
  let client: Client;
  let ds: DataSource;
  let taskQueue: string;

  beforeAll(async () => {
    h = await startWorkflowHarness('suspicion');
    ({ client, ds, taskQueue } = h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a threshold reached on evidence flags the case; a head clears it with reasons; an officer flags it again', async () => {
    const caseId = randomUUID();
    const officers = [actor('officer.zhang'), actor('officer.li')];
    const register: CaseCommand = {
      type: 'REGISTER_LEAD',
      caseId,
      caseNumber: `SC-${caseId.slice(0, 8)}`,
      agencyId: DEMO_AGENCY.id,
      procedure: 'ORDINARY',
      source: 'inspection',
      discoveredAt: new Date(Date.now() - 3_600_000).toISOString(),
      party: { type: 'ORGANISATION', name: '长治市某某电器有限公司', creditCode: '91140400MA0SC0001X' },
      violationCode: 'PRODUCT-FAKE',
      summary: 'integration: suspected crime flag',
      officers,
      violationAt: '2026-11-18T00:00:00Z',
    };
    const input: CaseWorkflowInput = { caseId, policy: DEMO_POLICY };
    await client.workflow.executeUpdateWithStart(executeCommandUpdate, {
      args: [{ command: register, actor: actor('officer.zhang') }],
      startWorkflowOperation: new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(caseId),
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    const handle = client.workflow.getHandle(caseWorkflowId(caseId));
    const send = (user: string, command: CaseCommand) => handle.executeUpdate(executeCommandUpdate, { args: [{ command, actor: actor(user) }] });
    const row = async (): Promise<{ flags: string[]; state: { noTransferDecisions?: unknown[]; suspicion?: Record<string, unknown> } }> =>
      ((await ds.query('SELECT flags, state FROM cases WHERE id = $1', [caseId])) as never[])[0];

    await send('head.sun', { type: 'DECIDE_FILING', approve: true, reason: 'violation likely', officers });
    await send('officer.zhang', {
      type: 'RECORD_EVIDENCE',
      evidenceId: 'ledger',
      kind: 'DOCUMENTARY',
      title: '销售台账',
      collectedAt: new Date().toISOString(),
      collectors: officers,
      location: 'site',
      sha256: 'f'.repeat(64),
      sizeBytes: 1,
      credentialsShown: true,
      rightsExplained: true,
      amounts: [{ kind: 'SALES', value: 68000 }],
    });
    const afterEvidence = await row();
    expect(afterEvidence.flags).toContain('SUSPECTED_CRIME');
    expect(afterEvidence.state.suspicion).toMatchObject({ raisedBy: 'THRESHOLD', thresholdsMet: [expect.objectContaining({ evidenceId: 'ledger', value: 68000 })] });
    await send('head.sun', { type: 'DECIDE_NOT_TO_TRANSFER', reasons: '台账含退货重复记录，核实销售金额三万一千元，未达追诉标准' });
    expect((await row()).flags).not.toContain('SUSPECTED_CRIME');
    await send('officer.li', { type: 'SUBMIT_INVESTIGATION_REPORT', findings: 'substandard heaters sold as standard', proposedOutcome: 'NO_PENALTY', legalBasis: '《产品质量法》第五十条', circumstanceLevel: 'GENERAL' });
    await send('officer.zhang', { type: 'FLAG_SUSPECTED_CRIME', grounds: '证人证言显示另有门店销售', threshold: '销售金额五万元以上' });
    const flagged = await row();
    expect(flagged.flags).toContain('SUSPECTED_CRIME');
    expect(flagged.state.noTransferDecisions).toHaveLength(1);
    expect(flagged.state.suspicion).toMatchObject({ raisedBy: 'OFFICER', threshold: '销售金额五万元以上' });
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'suspected-crime-flag-and-no-transfer');
  });

  it('earlier penalties flag a lead at registration; a recused officer is refused on the transfer team, a team without one is recorded', async () => {
    const caseId = randomUUID();
    const officers = [actor('officer.zhang'), actor('officer.li')];
    const prior = (n: number, decidedOn: string) => ({ decisionNumber: `长生环罚〔2025〕IT-${n}号`, agency: '长治市生态环境局', decidedOn, act: '重污染天气预警期间超标排放氮氧化物' });
    const register: CaseCommand = {
      type: 'REGISTER_LEAD',
      caseId,
      caseNumber: `TF-${caseId.slice(0, 8)}`,
      agencyId: DEMO_AGENCY.id,
      procedure: 'ORDINARY',
      source: 'inspection',
      discoveredAt: new Date(Date.now() - 3_600_000).toISOString(),
      party: { type: 'ORGANISATION', name: '长治市某某化工有限公司', creditCode: '91140400MA0TF0001X' },
      violationCode: 'AIR-EXCESS',
      summary: 'integration: repeat offence',
      officers,
      violationAt: '2026-11-18',
      priorPenalties: [prior(1, '2025-03-02'), prior(2, '2026-01-15')],
    };
    await client.workflow.executeUpdateWithStart(executeCommandUpdate, {
      args: [{ command: register, actor: actor('officer.zhang') }],
      startWorkflowOperation: new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(caseId),
        taskQueue,
        args: [{ caseId, policy: DEMO_POLICY } satisfies CaseWorkflowInput],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    const handle = client.workflow.getHandle(caseWorkflowId(caseId));
    const send = (user: string, command: CaseCommand) => handle.executeUpdate(executeCommandUpdate, { args: [{ command, actor: actor(user) }] });
    const row = async (): Promise<{ flags: string[]; state: { suspicion?: Record<string, unknown>; priorPenalties?: unknown[] } }> =>
      ((await ds.query('SELECT flags, state FROM cases WHERE id = $1', [caseId])) as never[])[0];

    const registered = await row();
    expect(registered.flags).toContain('SUSPECTED_CRIME');
    expect(registered.state.suspicion).toMatchObject({ raisedBy: 'THRESHOLD', thresholdsMet: [expect.objectContaining({ rule: 'REPEAT', value: 2, from: 'REGISTRATION' })] });
    expect(registered.state.priorPenalties).toHaveLength(2);

    await send('head.sun', { type: 'DECIDE_FILING', approve: true, reason: 'violation likely', officers });
    await send('head.sun', { type: 'RECUSE', userId: actor('officer.li').userId, reason: '与当事人有利害关系', requestedBy: 'PARTY', replacement: actor('officer.wang') });
    const refused = await send('officer.zhang', { type: 'PROPOSE_TRANSFER', grounds: '二年内两次受罚又实施', officers }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((refused as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'CASE.NOT_AN_OFFICER' });
    await send('officer.zhang', { type: 'PROPOSE_TRANSFER', grounds: '二年内两次受罚又实施', officers: [actor('officer.zhang'), actor('officer.wang')] });
    expect((await row()).flags).toContain('SUSPECTED_CRIME');
    const [{ count }] = (await ds.query(`SELECT count(*)::int AS count FROM case_events WHERE case_id = $1 AND type = 'TRANSFER_PROPOSED'`, [caseId])) as { count: number }[];
    expect(count).toBe(1);
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'repeat-offence-and-recused-team');
  });
});
