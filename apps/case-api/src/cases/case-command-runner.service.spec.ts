import type { Request, Response } from 'express';
import type { ActorSnapshot, CaseCommand } from '@zhifa/domain';
import type { CommandResult } from '@zhifa/contracts';
import type { CaseEntity } from '@zhifa/persistence';
import type { ActorService } from '../auth/actor.service';
import type { IdempotencyService } from '../common/idempotency.service';
import type { CaseDirectoryService } from './case-directory.service';
import { CaseCommandRunner, type CaseCall } from './case-command-runner.service';
import type { CaseWorkflowClient } from './case-workflow.client';
import type { DeadlineClock } from './deadline-clock.service';
import type { ApiMetrics } from '../metrics/api-metrics';

// The runner's bookkeeping with stand-ins for its services (the HTTP path
// itself runs against real Postgres and Temporal in tests/e2e): how often a
// command reads the case row, and what it answers with.

const actor: ActorSnapshot = { userId: 'u1', name: '张伟', agencyId: 'a1', roles: ['OFFICER'], certificates: [] };
const row = { id: 'c1', workflowId: 'case-c1', status: 'FILED', state: {}, policyVersion: 'p1' } as unknown as CaseEntity;

function result(withCase: boolean): CommandResult {
  return {
    caseId: 'c1',
    status: 'FILED',
    events: [{ seq: 2, type: 'FILING_APPROVED' }],
    ...(withCase
      ? {
          case: {
            caseNumber: 'CZSJ-2026-00001',
            agencyId: 'a1',
            procedure: 'ORDINARY',
            violationCode: 'FOOD-UNLICENSED',
            party: { type: 'PERSON', name: '王某' },
            officers: [],
            flags: [],
            deadlines: {},
            policyVersion: 'p1',
            lastSeq: 2,
            registeredAt: '2026-11-20T02:00:00.000Z',
            updatedAt: '2026-11-21T02:00:00.000Z',
            allowedActions: ['evidence'],
          },
        }
      : {}),
  };
}

function setup(withCase = true) {
  const reads: string[] = [];
  const sent: CaseCommand[] = [];
  const directory = {
    caseRow: async (id: string) => {
      reads.push(id);
      return { ...row, lastSeq: 2, registeredAt: new Date(), updatedAt: new Date(), deadlines: {}, flags: [], officers: [] };
    },
    assertCanRead: () => undefined,
  } as unknown as CaseDirectoryService;
  const workflows = {
    execute: async (_row: CaseEntity, _actor: ActorSnapshot, command: CaseCommand) => (sent.push(command), result(withCase)),
    register: async (_actor: ActorSnapshot, lead: CaseCommand) => (sent.push(lead), result(withCase)),
    allowedFor: async () => ['evidence'],
    authorisationRefusal: async () => null,
  } as unknown as CaseWorkflowClient;
  const actors = { caller: async () => actor, named: async () => [actor] } as unknown as ActorService;
  const clock = { of: async () => ({ now: '2026-11-21T03:00:00.000Z', timeZone: 'Asia/Shanghai' }) } as unknown as DeadlineClock;
  const runner = new CaseCommandRunner(actors, workflows, directory, {} as IdempotencyService, clock, { workflowWaits: { observe: () => undefined } } as unknown as ApiMetrics);
  const headers: Record<string, string> = {};
  let status = 0;
  const call = (id: string, code = 200, access?: CaseCall['access']): CaseCall => ({
    id,
    commands: [id ? 'ARCHIVE' : 'REGISTER_LEAD'],
    ...(access ? { access } : {}),
    principal: { sub: 'u1', agencyId: 'a1', roles: [] },
    key: undefined,
    status: code,
    req: { path: '/cases', baseUrl: '/api/v1' } as Request,
    res: { status: (s: number) => (status = s), setHeader: (k: string, v: string) => (headers[k] = v) } as unknown as Response,
  });
  return { runner, reads, sent, call, headers, status: () => status };
}

describe('CaseCommandRunner', () => {
  it('a command on a case reads its row once and answers from the Update result', async () => {
    const t = setup();
    const out = await t.runner.run(t.call('c1'), {}, () => ({ type: 'ARCHIVE' }));
    expect(t.reads).toEqual(['c1']);
    expect(out).toMatchObject({ recorded: [{ seq: 2, type: 'FILING_APPROVED' }], case: { id: 'c1', lastSeq: 2, allowedActions: ['evidence'] } });
    expect(t.status()).toBe(200);
  });

  it('the case the route guard authorised is not read again', async () => {
    const t = setup();
    const access = await t.runner.authorise({ sub: 'u1', agencyId: 'a1', roles: [] }, 'c1', ['ARCHIVE'], {});
    await t.runner.run(t.call('c1', 200, access), {}, () => ({ type: 'ARCHIVE' }));
    expect(t.reads).toEqual(['c1']);
  });

  it('a route that read the case before the body (evidence) is not read again', async () => {
    const t = setup();
    const access = await t.runner.access(t.call('c1', 201));
    await t.runner.run(t.call('c1', 201), {}, () => ({ type: 'ARCHIVE' }), { access });
    expect(t.reads).toEqual(['c1']);
    expect(t.status()).toBe(201);
  });

  it('registration reads no row, answers 201 with the case and its Location', async () => {
    const t = setup();
    const view = await t.runner.register(t.call('', 201), {}, async (people) => ({
      type: 'REGISTER_LEAD',
      procedure: 'ORDINARY',
      source: 'inspection',
      discoveredAt: '2026-11-20T02:00:00.000Z',
      party: { type: 'PERSON', name: '王某' },
      violationCode: 'FOOD-UNLICENSED',
      summary: 'x',
      officers: await people.named(['u1'], 'officerIds'),
    }));
    expect(t.reads).toEqual([]);
    expect(view).toMatchObject({ id: 'c1', caseNumber: 'CZSJ-2026-00001', status: 'FILED' });
    expect(t.headers.Location).toBe('/api/v1/cases/c1');
    expect(t.status()).toBe(201);
  });

  it('a result recorded before the Update carried the case falls back to one read of the row', async () => {
    const t = setup(false);
    await t.runner.run(t.call('c1'), {}, () => ({ type: 'ARCHIVE' }));
    expect(t.reads).toEqual(['c1', 'c1']);
  });
});
