import { join } from 'node:path';
import { Child } from './child';

const ROOT = join(__dirname, '../../..');

/**
 * The real worker app (apps/worker/src/main.ts through @swc-node/register)
 * as a child process, so a test can SIGKILL it mid-burst and start another.
 * It loads the workflow bundle the reliability global setup built once
 * (WORKFLOW_BUNDLE), so a restart does not run webpack again.
 */
export class WorkerChild {
  private child?: Child;

  constructor(private readonly env: Record<string, string>) {}

  get log(): string {
    return this.child?.log ?? '';
  }

  async start(): Promise<void> {
    const child = Child.spawn('worker', process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'), LOG_LEVEL: 'log', LOG_FORMAT: 'text' },
    });
    this.child = child;
    await child.waitFor('ready: polling task queue', 90_000);
  }

  /** SIGKILL: the worker gets no chance to finish or hand back its tasks. */
  async kill(): Promise<void> {
    await this.child?.stop('SIGKILL');
  }

  /** SIGTERM: the worker's own shutdown (in-flight work finished), for the end of a test; SIGKILL if it has not ended in 20 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), 20_000)));
    const ended = await Promise.race([child.stop('SIGTERM'), late]);
    clearTimeout(timer);
    if (ended === 'late') await child.stop('SIGKILL');
  }
}
