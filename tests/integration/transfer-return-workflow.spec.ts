import { randomUUID } from 'node:crypto';
import { type Client, WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { caseWorkflowId, CASE_WORKFLOW_TYPE, executeCommandUpdate, type CaseWorkflowInput } from '@zhifa/contracts';
import type { CaseCommand } from '@zhifa/domain';
import type { CaseEventStore } from '@zhifa/persistence';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { maybeRecordHistory } from '../support/record-history';
import { startWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';
import { demoActor as actor } from '../support/demo-case-facts';

// 两法衔接 from a lead under verification on the real Temporal dev server
// (rule change 'transfer-from-any-point'): the police ask for material, file
// the case, receive the items, then find no crime and return it (APL 27); the
// lead comes back with a fresh filing limit and is filed. And a transfer
// forwarded to the competent unit ('forward-readdresses', R310 7): that unit's
// liaison receives and accepts it, the forwarding unit's is refused.

type Deadlines = Record<string, { state: string; owner: string }>;

describe('a transfer from a lead, returned by the police, in the case workflow', () => {
  let h: WorkflowHarness;
  let client: Client;
  let store: CaseEventStore;
  let ds: DataSource;
  let taskQueue: string;

  beforeAll(async () => {
    h = await startWorkflowHarness('transfer-return');
    ({ client, store, ds, taskQueue } = h);
  });
  afterAll(async () => {
    await h?.close();
  });

  const officers = () => [actor('officer.zhang'), actor('officer.li')];

  async function lead(): Promise<string> {
    const caseId = randomUUID();
    const command: CaseCommand = {
      type: 'REGISTER_LEAD',
      caseId,
      caseNumber: `TRR-${caseId.slice(0, 8)}`,
      agencyId: DEMO_AGENCY.id,
      procedure: 'ORDINARY',
      source: 'inspection',
      discoveredAt: new Date(Date.now() - 3_600_000).toISOString(),
      party: { type: 'ORGANISATION', name: '长治市某某电线经销部', creditCode: '91140400MA0TR0002X' },
      violationCode: 'FOOD-UNLICENSED',
      summary: 'integration: a lead found to be a suspected crime',
      officers: officers(),
      violationAt: '2026-11-18T00:00:00Z',
    };
    const input: CaseWorkflowInput = { caseId, policy: DEMO_POLICY };
    await client.workflow.executeUpdateWithStart(executeCommandUpdate, {
      args: [{ command, actor: actor('officer.zhang') }],
      startWorkflowOperation: new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(caseId),
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    return caseId;
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

  async function deadlines(caseId: string): Promise<Deadlines> {
    const [r] = await ds.query('SELECT deadlines FROM cases WHERE id = $1', [caseId]);
    return r.deadlines as Deadlines;
  }

  it('lead → transfer → material → filed by the police → items handed over → returned (APL 27) → filed by the agency', async () => {
    const caseId = await lead();
    const statuses = await drive(caseId, [
      ['officer.zhang', () => ({ type: 'PROPOSE_TRANSFER', grounds: '核查中发现销售伪劣产品，销售金额达到追诉标准', officers: officers() })],
      ['head.sun', () => ({ type: 'DECIDE_TRANSFER', approve: true, reason: '同意移送' })],
      ['officer.zhang', (now) => ({ type: 'DISPATCH_TRANSFER', sentAt: now, policeAgency: '长治市公安局', procuratorate: '长治市人民检察院', documents: ['移送书', '涉案物品清单'] })],
      ['police.wu', (now) => ({ type: 'RECORD_POLICE_DECISION', decision: 'RECEIPT', at: now })],
      ['police.wu', (now) => ({ type: 'REQUEST_TRANSFER_MATERIAL', materials: ['检验报告原件'], at: now })],
      ['officer.zhang', (now) => ({ type: 'SUPPLY_TRANSFER_MATERIAL', documents: ['检验报告原件'], at: now })],
      ['police.wu', (now) => ({ type: 'RECORD_POLICE_DECISION', decision: 'ACCEPT', at: now })],
    ]);
    expect(statuses).toEqual(['TRANSFER_PROPOSED', 'TRANSFER_APPROVED', 'TRANSFERRED', 'TRANSFER_RECEIVED', 'TRANSFER_RECEIVED', 'TRANSFER_RECEIVED', 'TRANSFER_ACCEPTED']);
    const accepted = await deadlines(caseId);
    expect(accepted.transferMaterialSupply).toMatchObject({ state: 'MET', owner: 'AGENCY' });
    expect(accepted.transferHandover).toMatchObject({ state: 'OPEN', owner: 'AGENCY' });
    expect(accepted.filingDecision).toMatchObject({ state: 'CANCELLED' });

    const back = await drive(caseId, [
      ['officer.zhang', (now) => ({ type: 'RECORD_TRANSFER_HANDOVER', inventory: ['伪劣电线 40 卷', '案卷 1 册'], at: now })],
      ['police.wu', (now) => ({ type: 'RETURN_TRANSFERRED_CASE', at: now, reason: '经审查没有犯罪事实' })],
      ['head.sun', () => ({ type: 'DECIDE_FILING', approve: true, reason: '公安机关移回，依法立案', officers: officers() })],
    ]);
    expect(back).toEqual(['TRANSFER_ACCEPTED', 'LEAD_REGISTERED', 'FILED']);
    const filed = await deadlines(caseId);
    expect(filed.transferHandover).toMatchObject({ state: 'MET' });
    expect(filed.decision).toMatchObject({ state: 'OPEN' });
    expect(await store.verify(caseId)).toMatchObject({ valid: true });
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'transfer-from-lead-returned-by-police');
  });

  it('forwarded to the competent unit: its liaison receives and accepts, recording its body; the forwarding unit is refused acting', async () => {
    const caseId = await lead();
    const statuses = await drive(caseId, [
      ['officer.zhang', () => ({ type: 'PROPOSE_TRANSFER', grounds: '核查中发现销售伪劣产品，销售金额达到追诉标准', officers: officers() })],
      ['head.sun', () => ({ type: 'DECIDE_TRANSFER', approve: true, reason: '同意移送' })],
      ['officer.zhang', (now) => ({ type: 'DISPATCH_TRANSFER', sentAt: now, policeAgency: '长治市公安局', procuratorate: '长治市人民检察院', documents: ['移送书'] })],
      ['police.wu', (now) => ({ type: 'RECORD_POLICE_DECISION', decision: 'RECEIPT', at: now })],
      ['police.wu', (now) => ({ type: 'FORWARD_TRANSFER', policeAgency: '长治市公安局潞州分局', at: now, reason: '违法行为发生地在潞州区' })],
      ['police.tian', (now) => ({ type: 'RECORD_POLICE_DECISION', decision: 'RECEIPT', at: now })],
    ]);
    expect(statuses.slice(-3)).toEqual(['TRANSFER_RECEIVED', 'TRANSFERRED', 'TRANSFER_RECEIVED']);
    const handle = client.workflow.getHandle(caseWorkflowId(caseId));
    const err = await handle
      .executeUpdate(executeCommandUpdate, { args: [{ command: { type: 'RECORD_POLICE_DECISION', decision: 'ACCEPT', at: new Date().toISOString() }, actor: actor('police.wu') }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((err as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'AUTH.BODY_MISMATCH' });
    expect(await drive(caseId, [['police.tian', (now) => ({ type: 'RECORD_POLICE_DECISION', decision: 'ACCEPT', at: now })]])).toEqual(['TRANSFER_ACCEPTED']);
    const police = (await store.timeline(caseId)).filter((e) => e.type === 'POLICE_DECISION_RECORDED');
    expect(police.map((e) => (e.payload as { body?: string }).body)).toEqual(['长治市公安局', '长治市公安局潞州分局', '长治市公安局潞州分局']);
    expect(await store.verify(caseId)).toMatchObject({ valid: true });
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'transfer-forwarded-to-competent-unit');
  });
});
