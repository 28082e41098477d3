import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * The real worker app as a separate process (TypeScript through
 * @swc-node/register), so a test can kill it without a chance to clean up.
 */
export async function spawnWorkerProcess(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const root = join(__dirname, '../..');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: root,
    env: { ...env, SWC_NODE_PROJECT: join(root, 'tsconfig.json'), LOG_LEVEL: 'log' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('ready: polling task queue')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker process exited (${code}) before it was ready:\n${output}`)));
  });
  return child;
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
