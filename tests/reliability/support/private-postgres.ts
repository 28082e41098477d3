import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createDataSource } from '@zhifa/persistence';
import { migrate } from '../../../libs/persistence/src/migrate';
import { eventually } from '../../support/eventually';
import { freePort } from './ports';

const run = promisify(execFile);

/** The newest PostgreSQL server binaries Debian installed (initdb, pg_ctl, pg_isready). */
function pgBin(tool: string): string {
  const root = '/usr/lib/postgresql';
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error(`no PostgreSQL under ${root}: install Debian's postgresql package`);
  return join(root, versions[0], 'bin', tool);
}

/** initdb and the server refuse to run as root: then they run as the `postgres` user. */
async function serverUser(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}

/**
 * A PostgreSQL cluster of the test's own: initdb in a temporary directory,
 * the server on a free loopback port (pg_ctl), so a test can stop it in the
 * middle of appends and start it again on the same data — never the shared
 * server on 5432.
 */
export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly user: { uid?: number; gid?: number },
  ) {}

  static async start(database = 'zhifa_test_reliability'): Promise<{ pg: PrivatePostgres; url: string }> {
    const user = await serverUser();
    const dir = mkdtempSync(join(tmpdir(), 'zhifa-rel-pg-'));
    if (user.uid !== undefined) chownSync(dir, user.uid, user.gid!);
    const pg = new PrivatePostgres(dir, await freePort(), user);
    await pg.exec(pgBin('initdb'), ['-D', pg.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    await pg.start();
    const admin = new Client({ connectionString: pg.url('postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const url = pg.url(database);
    const ds = createDataSource(url, { logQueries: false });
    await ds.initialize();
    try {
      await migrate(ds);
    } finally {
      await ds.destroy();
    }
    return { pg, url };
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private async exec(cmd: string, args: string[]): Promise<void> {
    await run(cmd, args, { ...this.user, cwd: this.dir });
  }

  /** pg_ctl start on the same data directory and port, then until pg_isready says it accepts connections. */
  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
    await this.exec(pgBin('pg_ctl'), ['start', '-D', this.dataDir, '-l', join(this.dir, 'server.log'), '-o', options, '-w', '-t', '30']);
    await eventually(() => this.ready(), 30_000);
  }

  async ready(): Promise<boolean> {
    try {
      await run(pgBin('pg_isready'), ['-h', '127.0.0.1', '-p', String(this.port), '-t', '2']);
      return true;
    } catch {
      return false;
    }
  }

  /** pg_ctl stop: `fast` ends every session at once (as a restart does); waits until the server is gone. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.exec(pgBin('pg_ctl'), ['stop', '-D', this.dataDir, '-m', mode, '-w', '-t', '30']);
    await eventually(async () => !(await this.ready()), 15_000);
  }

  /** Stops the server if it runs and removes its directory. */
  async destroy(): Promise<void> {
    if (await this.ready()) await this.stop('immediate');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
