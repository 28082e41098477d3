import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Resource } from '@opentelemetry/resources';
import { makeWorkflowExporter } from '@temporalio/interceptors-opentelemetry/lib/worker';
import { WORKFLOWS_PATH, WORKFLOW_BUNDLER_OPTIONS } from '../../apps/worker/src/temporal/worker-factory';
import { WORKFLOW_TRACING_INTERCEPTORS } from '../../apps/worker/src/temporal/worker-tracing';

// Histories recorded from real runs (see tests/replay/README.md). Replaying
// them against today's workflow code fails on any non-deterministic change
// that is not guarded by patched().
const dir = join(__dirname, 'histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.binpb'));

describe('replay of stored case workflow histories', () => {
  // Bundled once each, as a worker does at start (webpack takes seconds; each history replays in far less).
  let plain: WorkflowBundleWithSourceMap;
  let traced: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // a runtime is already installed in this process
    }
    plain = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, ...WORKFLOW_BUNDLER_OPTIONS });
    traced = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, ...WORKFLOW_BUNDLER_OPTIONS, workflowInterceptorModules: [WORKFLOW_TRACING_INTERCEPTORS] });
  }, 120_000);

  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s replays deterministically', async (file) => {
    const history = temporal.api.history.v1.History.decode(readFileSync(join(dir, file)));
    await Worker.runReplayHistory(
      { workflowBundle: plain, replayName: file },
      history,
      `replay-${file}`,
    );
  });

  // The histories were recorded without tracing: a worker switched to TRACING=otlp (its bundle then has the
  // OpenTelemetry workflow interceptors) must still replay them, so the interceptors emit no command of their own.
  it.each(files)('%s replays deterministically with the tracing interceptors', async (file) => {
    const history = temporal.api.history.v1.History.decode(readFileSync(join(dir, file)));
    const spans = new InMemorySpanExporter();
    await Worker.runReplayHistory(
      {
        workflowBundle: traced,
        replayName: `${file} (tracing)`,
        sinks: { exporter: makeWorkflowExporter(new SimpleSpanProcessor(spans), new Resource({ 'service.name': 'worker' })) },
      },
      history,
      `replay-tracing-${file}`,
    );
  });
});
