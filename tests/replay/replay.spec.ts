import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { WORKFLOWS_PATH, WORKFLOW_BUNDLER_OPTIONS } from '../../apps/worker/src/temporal/worker-factory';

// Histories recorded from real runs (see tests/replay/README.md). Replaying
// them against today's workflow code fails on any non-deterministic change
// that is not guarded by patched().
const dir = join(__dirname, 'histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.binpb'));

describe('replay of stored case workflow histories', () => {
  beforeAll(() => {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // a runtime is already installed in this process
    }
  });

  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s replays deterministically', async (file) => {
    const history = temporal.api.history.v1.History.decode(readFileSync(join(dir, file)));
    await Worker.runReplayHistory(
      { workflowsPath: WORKFLOWS_PATH, bundlerOptions: WORKFLOW_BUNDLER_OPTIONS, replayName: file },
      history,
      `replay-${file}`,
    );
  });
});
