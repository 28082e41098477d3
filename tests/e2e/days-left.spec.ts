import type { ApiClient } from '@zhifa/api-client';
import { agencyToday, daysBetween, leadDueIn } from '../support/due-leads';
import { eventually } from '../support/eventually';
import { startStack, Stack } from '../support/stack';
import { Client } from './command-helpers';

// Days left to a deadline are the API's to count, on its clock and in the
// agency's zone: GET /me/tasks and GET /cases/{id} give them with each
// deadline, and My work lists the overdue first.
describe('days left to a deadline, as the API counts them', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  async function lead(as: ApiClient, due: { discoveredAt: string; violationAt: string }): Promise<{ id: string; caseNumber: string }> {
    const { data, error, response } = await as.POST('/api/v1/cases', {
      body: {
        source: 'inspection',
        discoveredAt: due.discoveredAt,
        violationAt: due.violationAt,
        party: { type: 'PERSON', name: '赵某' },
        violationCode: 'FOOD-UNLICENSED',
        summary: 'e2e days left',
        procedure: 'ORDINARY',
        officerIds: [api.id('officer.zhang'), api.id('officer.li')],
      },
    });
    expect({ status: response.status, error }).toEqual({ status: 201, error: undefined });
    return { id: data!.id, caseNumber: data!.caseNumber };
  }

  it('gives each task its days left and whether it is overdue, the overdue first', async () => {
    const zhang = api.as('officer.zhang');
    // Registered in this order: the one due later first, so the order cannot come from registration.
    const later = leadDueIn(8, 20);
    const near = leadDueIn(1, 3);
    const past = leadDueIn(-20, -3);
    const laterCase = await lead(zhang, later);
    const nearCase = await lead(zhang, near);
    const pastCase = await lead(zhang, past);
    const today = agencyToday();

    // The filing limit that passed is escalated at once by the workflow's timer.
    await eventually(async () => (await api.case('head.sun', pastCase.id)).deadlines.find((d) => d.kind === 'filingDecision')?.state === 'MISSED');

    const ids = [laterCase.id, nearCase.id, pastCase.id];
    const { items } = await api.myTasks('head.sun');
    const mine = items.filter((t) => ids.includes(t.caseId));
    expect(mine.map((t) => [t.caseId, t.action, t.deadline, t.daysLeft, t.overdue])).toEqual([
      [pastCase.id, 'filing', 'filingDecision', daysBetween(today, past.dueDate), true],
      [nearCase.id, 'filing', 'filingDecision', daysBetween(today, near.dueDate), false],
      [laterCase.id, 'filing', 'filingDecision', daysBetween(today, later.dueDate), false],
    ]);
    expect(mine[0].daysLeft).toBeLessThan(0);
    // Every overdue task of the head comes before every other, across all their cases.
    const firstOnTime = items.findIndex((t) => !t.overdue);
    expect(items.slice(firstOnTime === -1 ? items.length : firstOnTime).every((t) => !t.overdue)).toBe(true);
    // A task with a deadline always says how it stands; one without says nothing of days.
    for (const t of items) expect(t.daysLeft === undefined).toBe(t.dueAt === undefined);
  });

  it("gives the case's deadlines still owed their days left; deadlines met or cancelled have none", async () => {
    const near = leadDueIn(1, 3);
    const { id } = await lead(api.as('officer.zhang'), near);
    const registered = await api.case('supervisor.zhou', id);
    const filing = registered.deadlines.find((d) => d.kind === 'filingDecision')!;
    expect(filing).toMatchObject({ state: 'OPEN', daysLeft: daysBetween(agencyToday(), near.dueDate), overdue: false });
    expect(filing.basis.dueDate).toBe(near.dueDate);

    // Filed: the filing limit is met (no days left to it), the decision limit runs (90 calendar days).
    const filed = await api.as('head.sun').POST('/api/v1/cases/{id}/filing', {
      params: { path: { id } },
      body: { approve: true, reason: 'facts verified on inspection', officerIds: [api.id('officer.zhang'), api.id('officer.li')] },
    });
    expect(filed.response.status).toBe(200);
    // The command's answer counts as the read does.
    const answered = filed.data!.case.deadlines;
    const read = (await api.case('head.sun', id)).deadlines;
    for (const deadlines of [answered, read]) {
      const met = deadlines.find((d) => d.kind === 'filingDecision')!;
      expect(met.state).toBe('MET');
      expect(met).not.toHaveProperty('daysLeft');
      expect(met).not.toHaveProperty('overdue');
      const decision = deadlines.find((d) => d.kind === 'decision')!;
      expect(decision).toMatchObject({ state: 'OPEN', overdue: false, daysLeft: daysBetween(agencyToday(), decision.basis.dueDate) });
      expect(decision.daysLeft).toBeGreaterThanOrEqual(89);
    }
  });
});
