import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { eventually } from '../../support/eventually';
import { Child } from './child';
import { closed, freePort } from './ports';

/**
 * A Temporal dev server of the test's own (`temporal server start-dev`, the
 * CLI binary in $TEMPORAL_CLI), its state in a SQLite file in a temporary
 * directory, so a restart — even after SIGKILL — keeps its workflows. It
 * listens on free loopback ports; the shared dev server is never touched.
 */
export class PrivateTemporal {
  private child?: Child;

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly httpPort: number,
    private readonly metricsPort: number,
  ) {}

  static async start(): Promise<PrivateTemporal> {
    const dir = mkdtempSync(join(tmpdir(), 'zhifa-rel-temporal-'));
    const server = new PrivateTemporal(dir, await freePort(), await freePort(), await freePort());
    await server.start();
    return server;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get log(): string {
    return this.child?.log ?? '';
  }

  async start(): Promise<void> {
    const cli = process.env.TEMPORAL_CLI;
    if (!cli) throw new Error('TEMPORAL_CLI is not set: run the tests through `npm test`, which finds or builds the CLI');
    // prettier-ignore
    const args = [
      'server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--log-level', 'error',
      '--db-filename', join(this.dir, 'temporal.db'),
      '--port', String(this.port), '--http-port', String(this.httpPort), '--metrics-port', String(this.metricsPort),
    ];
    this.child = Child.spawn('temporal', cli, args, { cwd: this.dir });
    await eventually(() => this.answering(), 60_000, 200);
  }

  /** The workflow service answers a real call (the namespace described), not just a port open. */
  async answering(): Promise<boolean> {
    if (this.child && !this.child.running) throw new Error(`temporal dev server exited:\n${this.child.log}`);
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address: this.address, connectTimeout: 1000 });
      await connection.workflowService.describeNamespace({ namespace: 'default' });
      return true;
    } catch {
      return false;
    } finally {
      await connection?.close().catch(() => undefined);
    }
  }

  /** Ends the server (SIGKILL: a crash; SIGTERM: a shutdown) and waits until its port is free. */
  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.child?.stop(signal);
    this.child = undefined;
    await closed(this.port);
  }

  async restart(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.stop(signal);
    await this.start();
  }

  async destroy(): Promise<void> {
    await this.stop('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
