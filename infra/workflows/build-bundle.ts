// `npm run build:workflows [out-file]`: bundles the case workflows once, at
// build time, into one file (default dist/workflow-bundle.js). The worker
// loads it when WORKFLOW_BUNDLE names it, instead of running webpack at every
// start; the image builds it and sets WORKFLOW_BUNDLE (see Dockerfile).
// `--tracing` adds the OpenTelemetry workflow interceptors (for a worker run
// with tracing on; docs/operations.md, Tracing); without it the bundle is as
// it always was.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOWS_PATH, WORKFLOW_BUNDLER_OPTIONS } from '../../apps/worker/src/temporal/worker-factory';
import { WORKFLOW_TRACING_INTERCEPTORS } from '../../apps/worker/src/temporal/worker-tracing';

export const DEFAULT_BUNDLE_FILE = 'dist/workflow-bundle.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const tracing = args.includes('--tracing');
  const out = resolve(__dirname, '..', '..', args.find((a) => !a.startsWith('--')) ?? DEFAULT_BUNDLE_FILE);
  const started = Date.now();
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    ...WORKFLOW_BUNDLER_OPTIONS,
    ...(tracing ? { workflowInterceptorModules: [WORKFLOW_TRACING_INTERCEPTORS] } : {}),
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, code);
  console.log(`workflow bundle: ${out} (${Math.round(code.length / 1024)} KiB, ${Date.now() - started} ms${tracing ? ', with tracing interceptors' : ''})`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
