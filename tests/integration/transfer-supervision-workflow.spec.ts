import { randomUUID } from 'node:crypto';
import { type Client, WithStartWorkflowOperation } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { caseWorkflowId, CASE_WORKFLOW_TYPE, executeCommandUpdate, type CaseWorkflowInput } from '@zhifa/contracts';
import type { CaseCommand, JurisdictionPolicy } from '@zhifa/domain';
import type { CaseEventStore } from '@zhifa/persistence';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { decisionContents, demoActor as actor } from '../support/demo-case-facts';
import { eventually } from '../support/eventually';
import { fastPolicy } from '../support/policies';
import { maybeRecordHistory } from '../support/record-history';
import { startWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';

// 两法衔接 after the police refuse, on the real Temporal dev server (rule
// change 'transfer-body-limits'): reconsideration refused, filing supervision
// with its 7-day steps (the procuratorate asks the police to explain, the
// police explain), the refusal upheld, the case back on its track to a
// penalty decision; and the limits the police and the procuratorate answer for
// running out in seconds-long test periods, flagged as theirs.

type Deadlines = Record<string, { state: string; late?: boolean; owner: string }>;
type Step = [string, (now: string) => CaseCommand];

describe('filing supervision and the outside bodies’ limits in the case workflow', () => {
  let h: WorkflowHarness;
  let client: Client;
  let store: CaseEventStore;
  let ds: DataSource;
  let taskQueue: string;

  beforeAll(async () => {
    h = await startWorkflowHarness('transfer-supervision');
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
      caseNumber: `TS-${caseId.slice(0, 8)}`,
      agencyId: DEMO_AGENCY.id,
      procedure: 'ORDINARY',
      source: 'inspection',
      discoveredAt: new Date(Date.now() - 3_600_000).toISOString(),
      party: { type: 'PERSON', name: '王某' },
      violationCode: 'PRODUCT-FAKE',
      summary: 'integration: a transfer the police refuse',
      officers: officers(),
      violationAt: '2026-11-18T00:00:00Z',
    };
    const input: CaseWorkflowInput = { caseId, policy };
    await client.workflow.executeUpdateWithStart(executeCommandUpdate, {
      args: [{ command, actor: actor('officer.zhang') }],
      startWorkflowOperation: new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, { workflowId: caseWorkflowId(caseId), taskQueue, args: [input], workflowIdConflictPolicy: 'USE_EXISTING' }),
    });
    await drive(caseId, [['head.sun', () => ({ type: 'DECIDE_FILING', approve: true, reason: 'inspection findings verified', officers: officers() })]]);
    return caseId;
  }

  async function drive(caseId: string, steps: Step[]): Promise<string[]> {
    const handle = client.workflow.getHandle(caseWorkflowId(caseId));
    const statuses: string[] = [];
    for (const [user, build] of steps) {
      const result = await handle.executeUpdate(executeCommandUpdate, { args: [{ command: build(new Date().toISOString()), actor: actor(user) }] });
      statuses.push(result.status);
    }
    return statuses;
  }

  async function row(caseId: string): Promise<{ status: string; flags: string[]; deadlines: Deadlines }> {
    const [r] = await ds.query('SELECT status, flags, deadlines FROM cases WHERE id = $1', [caseId]);
    return r;
  }

  /** Waits until the workflow's timer has escalated `kind`. */
  async function missed(caseId: string, kind: string): Promise<void> {
    await eventually(async () => ((await row(caseId)).deadlines[kind]?.state === 'MISSED' ? true : undefined), 20000);
  }

  const toDispatched: Step[] = [
    ['officer.zhang', () => ({ type: 'PROPOSE_TRANSFER', grounds: '销售伪劣产品，销售金额达到追诉标准', officers: officers(), thresholdFacts: '销售金额¥68,000' })],
    ['head.sun', () => ({ type: 'DECIDE_TRANSFER', approve: true, reason: '涉嫌销售伪劣产品罪，同意移送' })],
    ['officer.zhang', (now) => ({ type: 'DISPATCH_TRANSFER', sentAt: now, policeAgency: '长治市公安局', procuratorate: '长治市人民检察院', documents: ['移送书', '调查报告', '涉案物品清单'] })],
  ];
  const toSupervised: Step[] = [
    ...toDispatched,
    ['police.wu', (now) => ({ type: 'RECORD_POLICE_DECISION', decision: 'RECEIPT', at: now })],
    ['police.wu', (now) => ({ type: 'RECORD_POLICE_DECISION', decision: 'DECLINE', at: now, reason: '销售金额中含退货，未达追诉标准' })],
    ['officer.zhang', () => ({ type: 'REQUEST_TRANSFER_RECONSIDERATION', reason: '销售账册显示实际销售金额¥68,000' })],
    ['police.wu', () => ({ type: 'ANSWER_TRANSFER_RECONSIDERATION', accept: false, reason: '维持不予立案决定' })],
    ['officer.zhang', () => ({ type: 'REQUEST_TRANSFER_SUPERVISION', reason: '不予立案理由不能成立，提请立案监督' })],
  ];

  it('refused → reconsideration refused → supervision with its explanation steps → refusal upheld → back on the track → penalty decision', async () => {
    const caseId = await filedCase(DEMO_POLICY);
    const transfer = await drive(caseId, [
      ...toDispatched,
      ['police.wu', (now) => ({ type: 'RECORD_POLICE_DECISION', decision: 'RECEIPT', at: now })],
      // Competent, the material complete: the 24 hours of R310 7 are met by the review itself.
      ['police.wu', (now) => ({ type: 'CONFIRM_TRANSFER_INTAKE', at: now })],
      ...toSupervised.slice(toDispatched.length + 1),
    ]);
    expect(transfer).toEqual([
      'TRANSFER_PROPOSED', 'TRANSFER_APPROVED', 'TRANSFERRED', 'TRANSFER_RECEIVED', 'TRANSFER_RECEIVED',
      'TRANSFER_DECLINED', 'TRANSFER_RECONSIDERATION_REQUESTED', 'TRANSFER_DECLINED', 'TRANSFER_SUPERVISION_REQUESTED',
    ]);
    const supervised = await row(caseId);
    expect(supervised.deadlines.policeIntakeReview).toMatchObject({ state: 'MET', owner: 'POLICE' });
    expect(supervised.deadlines.supervisionExplanationRequest).toMatchObject({ state: 'OPEN', owner: 'PROCURATORATE' });

    const explained = await drive(caseId, [
      ['procurator.zheng', (now) => ({ type: 'REQUEST_NON_FILING_EXPLANATION', at: now, reason: '需公安机关说明不立案理由' })],
      ['police.wu', (now) => ({ type: 'EXPLAIN_NON_FILING', at: now, explanation: '经核实，退货部分不计入销售金额，实际销售金额¥31,000，未达追诉标准' })],
      ['procurator.zheng', () => ({ type: 'RESOLVE_TRANSFER_SUPERVISION', outcome: 'REFUSAL_UPHELD', reason: '不立案理由成立' })],
      ['head.sun', () => ({ type: 'RESUME_ADMINISTRATIVE_CASE', reason: '依法继续办理行政处罚案件（《行政执法机关移送涉嫌犯罪案件的规定》第10条）' })],
    ]);
    expect(explained).toEqual(['TRANSFER_SUPERVISION_REQUESTED', 'TRANSFER_SUPERVISION_REQUESTED', 'TRANSFER_DECLINED', 'FILED']);
    const back = await row(caseId);
    expect(back.deadlines.supervisionExplanationRequest).toMatchObject({ state: 'MET' });
    expect(back.deadlines.policeNonFilingExplanation).toMatchObject({ state: 'MET', owner: 'POLICE' });
    expect(back.deadlines.decision).toMatchObject({ state: 'OPEN' });
    expect(back.flags).toEqual([]);

    // Back on the ordinary track: nothing stands in the way of the fine any more (R310 10).
    const penalty = { kinds: ['FINE' as const], fineAmount: 3000 };
    const decided = await drive(caseId, [
      ['officer.zhang', (now) => ({ type: 'RECORD_EVIDENCE', evidenceId: 'e1', kind: 'ON_SITE_RECORD', title: '现场笔录', collectedAt: now, collectors: officers(), location: 'site', sha256: 'b'.repeat(64), sizeBytes: 1, credentialsShown: true, rightsExplained: true })],
      ['officer.li', () => ({ type: 'SUBMIT_INVESTIGATION_REPORT', findings: 'substandard goods sold as standard', proposedOutcome: 'PENALTY', proposedPenalty: penalty, legalBasis: '《产品质量法》第五十条', circumstanceLevel: 'GENERAL', discretionBases: [{ kind: 'GOODS_VALUE', value: 2000 }] })],
      ['reviewer.liu', () => ({ type: 'REVIEW_CASE', opinion: 'AGREE', comments: 'facts clear' })],
      ['head.sun', () => ({ type: 'APPROVE_NOTICE' })],
      ['officer.zhang', (now) => ({ type: 'SERVE_NOTICE', noticeNumber: 'TS-N0', text: '拟罚款叁仟元', hearingRightsNotified: true, method: 'DIRECT', servedAt: now, recipient: '王某', proof: '送达回证' })],
      ['officer.zhang', () => ({ type: 'RECORD_DEFENCE', waived: true })],
      ['head.sun', () => ({ type: 'DECIDE', outcome: 'PENALTY', penalty, documentNumber: 'TS-1', text: '罚款叁仟元', ...decisionContents(['e1'], { legalBasis: '《产品质量法》第五十条' }) })],
    ]);
    expect(decided.at(-1)).toBe('DECIDED');
    const timeline = await store.timeline(caseId);
    const bodies = timeline.filter((e) => ['NON_FILING_EXPLANATION_REQUESTED', 'NON_FILING_EXPLAINED', 'TRANSFER_INTAKE_CONFIRMED'].includes(e.type)).map((e) => [e.type, (e.payload as { body?: string }).body]);
    expect(bodies).toEqual([
      ['TRANSFER_INTAKE_CONFIRMED', '长治市公安局'],
      ['NON_FILING_EXPLANATION_REQUESTED', '长治市人民检察院'],
      ['NON_FILING_EXPLAINED', '长治市公安局'],
    ]);
    expect(await store.verify(caseId)).toMatchObject({ valid: true });
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'transfer-supervision-explained');
  });

  it("the police's 24 hours after receipt run out: flagged as theirs, and a late forwarding is recorded, met late", async () => {
    const caseId = await filedCase(fastPolicy({ policeIntakeReview: { seconds: 3 } }));
    await drive(caseId, [...toDispatched, ['police.wu', (now) => ({ type: 'RECORD_POLICE_DECISION', decision: 'RECEIPT', at: now })]]);
    await missed(caseId, 'policeIntakeReview');
    const late = await row(caseId);
    expect(late.flags).toContain('TRANSFER_OVERDUE');
    expect(late.flags).not.toContain('OVERDUE');
    const statuses = await drive(caseId, [['police.wu', (now) => ({ type: 'FORWARD_TRANSFER', policeAgency: '长治市公安局潞州分局', at: now, reason: '违法行为发生地在潞州区，由潞州分局管辖' })]]);
    expect(statuses).toEqual(['TRANSFERRED']);
    const forwarded = await row(caseId);
    expect(forwarded.deadlines.policeIntakeReview).toMatchObject({ state: 'MET', late: true });
    expect(forwarded.flags).not.toContain('TRANSFER_OVERDUE');
  });

  it("the procuratorate's and the police's 7 days run out in turn: each flagged, and the procuratorate then orders filing without the explanation", async () => {
    const caseId = await filedCase(fastPolicy({ supervisionExplanationRequest: { seconds: 3 }, policeNonFilingExplanation: { seconds: 3 } }));
    await drive(caseId, toSupervised);
    await missed(caseId, 'supervisionExplanationRequest');
    expect((await row(caseId)).flags).toContain('TRANSFER_OVERDUE');
    await drive(caseId, [['procurator.zheng', (now) => ({ type: 'REQUEST_NON_FILING_EXPLANATION', at: now, reason: '需公安机关说明不立案理由' })]]);
    const asked = await row(caseId);
    expect(asked.deadlines.supervisionExplanationRequest).toMatchObject({ state: 'MET', late: true });
    expect(asked.flags).not.toContain('TRANSFER_OVERDUE');

    await missed(caseId, 'policeNonFilingExplanation');
    expect((await row(caseId)).flags).toContain('TRANSFER_OVERDUE');
    const filed = await drive(caseId, [['procurator.zheng', () => ({ type: 'RESOLVE_TRANSFER_SUPERVISION', outcome: 'POLICE_TO_FILE', reason: '公安机关逾期未说明理由，通知立案' })]]);
    expect(filed).toEqual(['TRANSFER_ACCEPTED']);
    const accepted = await row(caseId);
    expect(accepted.deadlines.policeNonFilingExplanation).toMatchObject({ state: 'CANCELLED' });
    expect(accepted.deadlines.transferHandover).toMatchObject({ state: 'OPEN', owner: 'AGENCY' });
    expect(accepted.flags).not.toContain('TRANSFER_OVERDUE');
  });
});
