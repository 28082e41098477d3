import { randomUUID } from 'node:crypto';
import { type Client, WithStartWorkflowOperation } from '@temporalio/client';
import {
  caseStateQuery,
  caseWorkflowId,
  CASE_WORKFLOW_TYPE,
  executeCommandUpdate,
  publishCalendarUpdate,
  type CaseWorkflowInput,
} from '@zhifa/contracts';
import { CALENDAR_2026, type CaseCommand, type CaseState, type HolidayCalendarYear } from '@zhifa/domain';
import type { CaseEventStore } from '@zhifa/persistence';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { maybeRecordHistory } from '../support/record-history';
import { startWorkflowHarness, type WorkflowHarness } from '../support/workflow-harness';
import { demoActor as actor } from '../support/demo-case-facts';

// Issue 10 items 6 and 7 on the Temporal dev server: a holiday calendar
// published mid-case reaches the running workflow and moves its open
// deadline; a criminal transfer stops the 90 days at the head's approval.
describe('calendars and the decision clock in the case workflow', () => {
  let h: WorkflowHarness;
  let client: Client;
  let store: CaseEventStore;
  let taskQueue: string;

  beforeAll(async () => {
    h = await startWorkflowHarness('cal');
    ({ client, store, taskQueue } = h);
  });
  afterAll(async () => {
    await h?.close();
  });

  const officers = [actor('officer.zhang'), actor('officer.li')];

  /** Starts a case as the API does now: the published calendars travel beside the policy, not in it. */
  async function registerAndFile(caseId: string): Promise<void> {
    const command: CaseCommand = {
      type: 'REGISTER_LEAD',
      caseId,
      caseNumber: `CAL-${caseId.slice(0, 8)}`,
      agencyId: DEMO_AGENCY.id,
      procedure: 'ORDINARY',
      source: 'inspection',
      discoveredAt: new Date(Date.now() - 3_600_000).toISOString(),
      party: { type: 'PERSON', name: '王某' },
      violationCode: 'PRODUCT-FAKE',
      summary: 'integration',
      officers,
      violationAt: '2026-11-18T00:00:00Z',
    };
    const input: CaseWorkflowInput = { caseId, policy: { ...DEMO_POLICY, calendars: [] }, calendars: [CALENDAR_2026] };
    await client.workflow.executeUpdateWithStart(executeCommandUpdate, {
      args: [{ command, actor: actor('officer.zhang') }],
      startWorkflowOperation: new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(caseId),
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    await send(caseId, 'head.sun', { type: 'DECIDE_FILING', approve: true, reason: 'violation likely', officers });
  }

  async function send(caseId: string, user: string, command: CaseCommand): Promise<CaseState> {
    await client.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(executeCommandUpdate, { args: [{ command, actor: actor(user) }] });
    return stateOf(caseId);
  }

  async function stateOf(caseId: string): Promise<CaseState> {
    const { state } = await client.workflow.getHandle(caseWorkflowId(caseId)).query(caseStateQuery);
    return state!;
  }

  it('a calendar published mid-case moves the running decision deadline, recorded with old and new dates; later counts use it', async () => {
    const caseId = randomUUID();
    await registerAndFile(caseId);
    const before = (await stateOf(caseId)).deadlines.decision!;
    expect(before.state).toBe('OPEN');
    // A test calendar (not a real notice) for the year of the due date that makes its last day a day off.
    const year = Number(before.basis.dueDate.slice(0, 4));
    const known = year === CALENDAR_2026.year ? CALENDAR_2026 : undefined;
    const calendar: HolidayCalendarYear = {
      year,
      holidays: [...(known?.holidays ?? []), before.basis.dueDate],
      adjustedWorkingDays: [...(known?.adjustedWorkingDays ?? [])],
      source: `test calendar for ${year} (not a published notice)`,
    };

    const result = await client.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(publishCalendarUpdate, { args: [calendar], updateId: `calendar:${year}` });
    expect(result.recorded).toBe(true);
    const moved = result.changes.find((c) => c.deadline === 'decision');
    expect(moved).toMatchObject({ oldDueAt: before.dueAt });
    expect(Date.parse(moved!.newDueAt)).toBeGreaterThan(Date.parse(before.dueAt));

    const after = (await stateOf(caseId)).deadlines.decision!;
    expect(after.dueAt).toBe(moved!.newDueAt);
    expect(after.basis.holidaysMet).toContain(before.basis.dueDate);
    expect(after.basis.calendarSources).toContain(calendar.source);
    const events = await store.timeline(caseId);
    const recomputed = events.find((e) => e.type === 'DEADLINE_RECOMPUTED');
    expect(recomputed?.payload).toMatchObject({ calendar: { year }, changes: expect.arrayContaining([expect.objectContaining({ deadline: 'decision', oldDueAt: before.dueAt, newDueAt: after.dueAt })]) });

    // The same calendar again (a retried job) records nothing.
    const again = await client.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(publishCalendarUpdate, { args: [calendar] });
    expect(again).toEqual({ year, recorded: false, changes: [] });
    expect((await store.timeline(caseId)).length).toBe(events.length);

    // Later commands count with the adopted calendar (recorded evidence recounts nothing, the basis keeps it).
    const state = await send(caseId, 'officer.zhang', {
      type: 'RECORD_EVIDENCE', evidenceId: 'e1', kind: 'ON_SITE_RECORD', title: '现场笔录', collectedAt: new Date().toISOString(), collectors: officers, location: 'site', sha256: 'a'.repeat(64), sizeBytes: 1, credentialsShown: true, rightsExplained: true,
    });
    expect(state.deadlines.decision?.basis.calendarSources).toContain(calendar.source);
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'calendar-published-mid-case');
  });

  it('a transfer proposal leaves the 90 days running; the head approval stops them (transfer-pause-at-approval patch)', async () => {
    const caseId = randomUUID();
    await registerAndFile(caseId);
    const proposed = await send(caseId, 'officer.zhang', { type: 'PROPOSE_TRANSFER', grounds: 'sales of fake goods above ¥50,000', officers });
    expect(proposed.status).toBe('TRANSFER_PROPOSED');
    expect(proposed.pauses).toEqual([]);
    expect(proposed.deadlines.decision?.state).toBe('OPEN');
    const approved = await send(caseId, 'head.sun', { type: 'DECIDE_TRANSFER', approve: true, reason: 'threshold reached' });
    expect(approved.pauses).toEqual([expect.objectContaining({ reason: 'CRIMINAL_TRANSFER', from: approved.transfer!.approval!.at })]);
    expect(approved.deadlines.decision?.state).toBe('SUSPENDED');
    await maybeRecordHistory(client, caseWorkflowId(caseId), 'transfer-paused-at-approval');
  });
});
