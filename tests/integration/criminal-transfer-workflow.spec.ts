import { randomUUID } from 'node:crypto';
import { type Client, WithStartWorkflowOperation } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { caseWorkflowId, CASE_WORKFLOW_TYPE, executeCommandUpdate, type CaseWorkflowInput } from '@zhifa/contracts';
import type { CaseCommand, JurisdictionPolicy } from '@zhifa/domain';
import type { CaseEventStore } from '@zhifa/persistence';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { eventually } from '../support/eventually';
import { fastPolicy } from '../support/policies';
import { maybeRecordHistory } from '../support/record-history';
import { startWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';
import { demoActor as actor } from '../support/demo-case-facts';

// 两法衔接 on the real Temporal dev server: R310's limits are deadlines the
// workflow's timers watch — the head's 3 days, the 24-hour dispatch, the
// police's 3 days from receipt — with seconds-long periods where a test must
// see a limit run out.

type Deadlines = Record<string, { state: string; late?: boolean; owner: string }>;

describe('criminal transfer limits in the case workflow', () => {
  let h: WorkflowHarness;
  let client: Client;
  let store: CaseEventStore;
  let ds: DataSource;
  let taskQueue: string;

  beforeAll(async () => {
    h = await startWorkflowHarness('transfer');
    ({ client, store, ds, taskQueue } = h);
  });
  afterAll(async () => {
    await h?.close();
  });

  const officers = () => [actor('officer.zhang'), actor('officer.li')];

  async function filedCase(policy: JurisdictionPolicy): Promise<string> {
    const caseId = randomUUID();
    const command: CaseCommand = {
      type: 'REGISTER_LEAD',
      caseId,
      caseNumber: `TR-${caseId.slice(0, 8)}`,
      agencyId: DEMO_AGENCY.id,
      procedure: 'ORDINARY',
      source: 'inspection',
      discoveredAt: new Date(Date.now() - 3_600_000).toISOString(),
      party: { type: 'ORGANISATION', name: '长治市某某商贸有限公司', creditCode: '91140400MA0TR0001X' },
      violationCode: 'FOOD-UNLICENSED',
      summary: 'integration: suspected crime',
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
    await drive(caseId, [['head.sun', () => ({ type: 'DECIDE_FILING', approve: true, reason: 'inspection findings verified', officers: officers() })]]);
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

  async function row(caseId: string): Promise<{ flags: string[]; deadlines: Deadlines }> {
    const [r] = await ds.query('SELECT flags, deadlines FROM cases WHERE id = $1', [caseId]);
    return r;
  }

  const propose: [string, (now: string) => CaseCommand] = [
    'officer.zhang',
    () => ({ type: 'PROPOSE_TRANSFER', grounds: '销售伪劣产品, 货值金额达到追诉标准', officers: officers(), thresholdFacts: '销售金额¥68,000' }),
  ];
  const dispatch: [string, (now: string) => CaseCommand] = [
    'officer.zhang',
    (now) => ({ type: 'DISPATCH_TRANSFER', sentAt: now, policeAgency: '长治市公安局', procuratorate: '长治市人民检察院', documents: ['移送书', '调查报告', '涉案物品清单'] }),
  ];

  it('approval → dispatch → receipt → acceptance: each limit met in turn', async () => {
    const caseId = await filedCase(DEMO_POLICY);
    const statuses = await drive(caseId, [
      propose,
      ['head.sun', () => ({ type: 'DECIDE_TRANSFER', approve: true, reason: '涉嫌销售伪劣产品罪, 同意移送' })],
      dispatch,
      ['police.wu', (now) => ({ type: 'RECORD_POLICE_DECISION', decision: 'RECEIPT', at: now })],
    ]);
    expect(statuses).toEqual(['TRANSFER_PROPOSED', 'TRANSFER_APPROVED', 'TRANSFERRED', 'TRANSFER_RECEIVED']);
    const received = await row(caseId);
    expect(received.deadlines.transferApproval).toMatchObject({ state: 'MET' });
    expect(received.deadlines.transferDispatch).toMatchObject({ state: 'MET' });
    expect(received.deadlines.policeFilingDecision).toMatchObject({ state: 'OPEN', owner: 'POLICE' });

    expect(await drive(caseId, [['police.wu', (now) => ({ type: 'RECORD_POLICE_DECISION', decision: 'ACCEPT', at: now })]])).toEqual(['TRANSFER_ACCEPTED']);
    const accepted = await row(caseId);
    expect(accepted.deadlines.policeFilingDecision).toMatchObject({ state: 'MET' });
    expect(accepted.flags).not.toContain('OVERDUE');
    expect(await store.verify(caseId)).toMatchObject({ valid: true });
    // The police acted as 长治市公安局, the body the dispatch names ('liaison-bodies').
    const police = (await store.timeline(caseId)).filter((e) => e.type === 'POLICE_DECISION_RECORDED');
    expect(police.map((e) => (e.payload as { body?: string }).body)).toEqual(['长治市公安局', '长治市公安局']);
    // Recorded under 'liaison-bodies' (the history before it is criminal-transfer-accepted).
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'transfer-answered-by-named-body');
  });

  it('a head who does not decide in time is escalated (OVERDUE) and met late once the head decides', async () => {
    const caseId = await filedCase(fastPolicy({ transferApproval: { seconds: 3, remindBefore: 1 } }));
    await drive(caseId, [propose]);
    await eventually(async () => {
      const t = (await store.timeline(caseId)).map((e) => `${e.type}:${(e.payload as { deadline?: string }).deadline ?? ''}`);
      return t.includes('DEADLINE_MISSED:transferApproval') ? t : undefined;
    }, 20000);
    expect((await row(caseId)).flags).toContain('OVERDUE');
    await drive(caseId, [['head.sun', () => ({ type: 'DECIDE_TRANSFER', approve: true, reason: '同意移送' })]]);
    const after = await row(caseId);
    expect(after.deadlines.transferApproval).toMatchObject({ state: 'MET', late: true });
    expect(after.flags).not.toContain('OVERDUE');
  });

  it('a dispatch the police leave unanswered escalates as theirs (TRANSFER_OVERDUE), not the agency\'s', async () => {
    const caseId = await filedCase(fastPolicy({ policeFilingDecision: { seconds: 3 } }));
    await drive(caseId, [propose, ['head.sun', () => ({ type: 'DECIDE_TRANSFER', approve: true, reason: '同意移送' })], dispatch]);
    await eventually(async () => ((await row(caseId)).deadlines.policeFilingDecision?.state === 'MISSED' ? true : undefined), 20000);
    const late = await row(caseId);
    expect(late.flags).toContain('TRANSFER_OVERDUE');
    expect(late.flags).not.toContain('OVERDUE');
  });
});
