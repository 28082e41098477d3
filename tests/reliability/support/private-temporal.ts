import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { eventually } from '../../support/eventually';
import { Child } from './child';
import { closed, freePort } from './ports';

/** Dynamic config the server starts with (`--dynamic-config-value KEY=JSON`), e.g. `{ 'history.maxInFlightUpdates': 2 }`. */
export type DynamicConfig = Record<string, string | number | boolean>;

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
    private readonly dynamicConfig: DynamicConfig,
  ) {}

  static async start(dynamicConfig: DynamicConfig = {}): Promise<PrivateTemporal> {
    const dir = mkdtempSync(join(tmpdir(), 'zhifa-rel-temporal-'));
    const server = new PrivateTemporal(dir, await freePort(), await freePort(), await freePort(), dynamicConfig);
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
      ...Object.entries(this.dynamicConfig).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${JSON.stringify(value)}`]),
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

  /**
   * A counter of the server's Prometheus metrics (`--metrics-port`), summed
   * over its labels: what the server itself counted, e.g. the Updates its
   * limits refused (`workflow_update_request_rate_limited`).
   */
  async counter(name: string): Promise<number> {
    const text = await (await fetch(`http://127.0.0.1:${this.metricsPort}/metrics`)).text();
    return text
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
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
