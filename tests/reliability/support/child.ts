import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';

/**
 * A long-running child process whose output is kept (the last 64 KiB) to
 * explain a failure, and that can be stopped with a chosen signal: SIGKILL
 * is a crash, SIGTERM/SIGINT a shutdown. Only the process it started is ever signalled.
 */
export class Child {
  private output = '';
  private exited?: Promise<number | null>;

  private constructor(
    readonly name: string,
    readonly process: ChildProcess,
  ) {
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString()).slice(-65_536);
    };
    process.stdout?.on('data', keep);
    process.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
  }

  static spawn(name: string, command: string, args: string[], options: SpawnOptions): Child {
    return new Child(name, spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  get running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  get log(): string {
    return this.output;
  }

  /** Resolves when `text` appears in the output; rejects if the process ends first or the time is up. */
  async waitFor(text: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    await new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (this.output.includes(text)) return resolve();
        if (!this.running) return reject(new Error(`${this.name} exited before "${text}":\n${this.output}`));
        if (Date.now() > deadline) return reject(new Error(`${this.name}: no "${text}" within ${timeoutMs} ms:\n${this.output}`));
        setTimeout(check, 50);
      };
      check();
    });
  }

  /** Signals the process and waits for it to end. */
  async stop(signal: NodeJS.Signals): Promise<void> {
    if (!this.running) return;
    this.process.kill(signal);
    await this.exited;
  }
}
