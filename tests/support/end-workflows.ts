import { Client, Connection } from '@temporalio/client';

/**
 * Terminates the workflows still running on a suite's own task queue when
 * the suite ends. Each suite's worker stops with it, so its open cases would
 * otherwise stay open in the shared database with no worker to answer them:
 * a later suite's job that reaches every open case (a published calendar)
 * would wait on them and fail. A terminated workflow answers at once.
 */
export async function endWorkflowsOf(taskQueue: string): Promise<number> {
  const connection = await Connection.connect({ address: process.env.ZHIFA_TEST_TEMPORAL_ADDRESS });
  try {
    const client = new Client({ connection });
    let ended = 0;
    for await (const wf of client.workflow.list({ query: `TaskQueue = "${taskQueue}" AND ExecutionStatus = "Running"` })) {
      await client.workflow
        .getHandle(wf.workflowId, wf.runId)
        .terminate('test suite ended')
        .then(() => (ended += 1))
        .catch(() => undefined); // ended meanwhile
    }
    return ended;
  } finally {
    await connection.close();
  }
}
