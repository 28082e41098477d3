import { ServiceError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { ActorSnapshot, CaseCommand } from '@zhifa/domain';
import type { CalendarRepository, CaseEntity, CaseEventStore } from '@zhifa/persistence';
import type { TemporalClientProvider } from '../temporal/temporal-client.provider';
import type { CaseDirectoryService } from './case-directory.service';
import { CaseWorkflowClient, sentAgainIfUnprocessed } from './case-workflow.client';

function updateFailure(type: string): WorkflowUpdateFailedError {
  return new WorkflowUpdateFailedError('update failed', ApplicationFailure.create({ type, message: type }));
}

describe('an Update the server gave back unprocessed', () => {
  it('is sent again until it is answered', async () => {
    let calls = 0;
    const answer = await sentAgainIfUnprocessed(async () => {
      calls++;
      if (calls < 3) throw updateFailure('UnprocessedUpdate');
      return 'recorded';
    });
    expect(answer).toBe('recorded');
    expect(calls).toBe(3);
  });

  it("is given up after five attempts, with the server's answer", async () => {
    let calls = 0;
    const err = await sentAgainIfUnprocessed(async () => {
      calls++;
      throw updateFailure('UnprocessedUpdate');
    }).catch((e: unknown) => e);
    expect(calls).toBe(5);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  });

  it('is not sent again for a refusal or any other failure', async () => {
    let calls = 0;
    await expect(
      sentAgainIfUnprocessed(async () => {
        calls++;
        throw updateFailure('CASE.TRANSITION_NOT_ALLOWED');
      }),
    ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    expect(calls).toBe(1);
  });
});

describe('a command the server refused or lost after its events were recorded', () => {
  const busy = new ServiceError('Workflow Update failed', {
    cause: Object.assign(new Error('8 RESOURCE_EXHAUSTED'), { code: 8, details: 'limit on number of concurrent in-flight updates has been reached (10)', metadata: {} }),
  });
  const row = { id: 'case-1', workflowId: 'case-case-1', status: 'INVESTIGATING', state: {} } as unknown as CaseEntity;
  const actor = { userId: 'u1', name: 'officer', roles: ['OFFICER'] } as unknown as ActorSnapshot;
  const command = { type: 'RECORD_EVIDENCE' } as unknown as CaseCommand;

  function client(recorded: { seq: number; type: string }[], asked: string[] = []): CaseWorkflowClient {
    const temporal = { client: { workflow: { getHandle: () => ({ executeUpdate: () => Promise.reject(busy) }) } } } as unknown as TemporalClientProvider;
    const directory = { caseRow: async () => ({ ...row, status: 'INVESTIGATING' }) } as unknown as CaseDirectoryService;
    const events = {
      recordedBy: async (caseId: string, commandId: string) => {
        asked.push(`${caseId} ${commandId}`);
        return recorded;
      },
    } as unknown as CaseEventStore;
    return new CaseWorkflowClient(temporal, directory, {} as CalendarRepository, events);
  }

  it('is answered with what the chain holds for its Update id (adopted by a later command), not refused', async () => {
    const asked: string[] = [];
    const result = await client([{ seq: 7, type: 'EVIDENCE_RECORDED' }], asked).execute(row, actor, command, 'key-1');
    expect(result).toEqual({ caseId: 'case-1', status: 'INVESTIGATING', events: [{ seq: 7, type: 'EVIDENCE_RECORDED' }] });
    expect(asked).toEqual(['case-1 u1:key-1']);
  });

  it("is refused as the server refused it when the chain holds nothing of it (the filter answers 429 CASE.BUSY)", async () => {
    await expect(client([]).execute(row, actor, command, 'key-1')).rejects.toBe(busy);
  });
});
