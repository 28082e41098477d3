import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import type { CaseActivities } from '@zhifa/contracts';
import { createCaseWorker } from '../apps/worker/src/temporal/worker-factory';

// The bare twin's worker (bench/command-path.bench.ts starts it as a process
// of its own, like the real worker): bench/workflows/bare.workflow.ts,
// bundled once, run through the case worker's own factory (createCaseWorker:
// the same Worker options and interceptors) on its own task queue. It has no
// activities: the bare workflow calls none.
// Env: BARE_TEMPORAL_ADDRESS, BARE_NAMESPACE (default), BARE_TASK_QUEUE.

async function main(): Promise<void> {
  const address = process.env.BARE_TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const taskQueue = process.env.BARE_TASK_QUEUE ?? 'zhifa-bench-bare';
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const { code } = await bundleWorkflowCode({ workflowsPath: resolve(__dirname, 'workflows/bare.workflow.js'), logger: new DefaultLogger('WARN') });
  const bundle = join(mkdtempSync(join(tmpdir(), 'zhifa-bare-')), 'bare-bundle.js');
  writeFileSync(bundle, code);
  const connection = await NativeConnection.connect({ address });
  const worker = await createCaseWorker({
    connection,
    namespace: process.env.BARE_NAMESPACE ?? 'default',
    taskQueue,
    activities: {} as CaseActivities,
    workflowBundlePath: bundle,
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => worker.shutdown());
  const running = worker.run();
  console.log(`bare worker ready on ${taskQueue}`);
  await running;
  await connection.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
