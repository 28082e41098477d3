import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
// Global setup is loaded outside Jest's module mapper: relative imports only.
import { WORKFLOWS_PATH, WORKFLOW_BUNDLER_OPTIONS } from '../../../apps/worker/src/temporal/worker-factory';

/**
 * Once per run of the reliability project: the case workflows bundled once
 * (as `npm run build:workflows` does), so each worker child process — started
 * and restarted many times — loads the file instead of running webpack. No
 * service is started here: every test file starts its own.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.TEMPORAL_CLI) throw new Error('TEMPORAL_CLI is not set: run the tests through `npm test`, which finds or builds the CLI');
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, ...WORKFLOW_BUNDLER_OPTIONS });
  const file = join(mkdtempSync(join(tmpdir(), 'zhifa-rel-bundle-')), 'workflow-bundle.js');
  writeFileSync(file, code);
  process.env.ZHIFA_RELIABILITY_BUNDLE = file;
}
