import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { sentAgainIfUnprocessed } from './case-workflow.client';

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
