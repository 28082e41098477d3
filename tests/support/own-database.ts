import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource } from '@zhifa/persistence';
import { migrate } from '../../libs/persistence/src/migrate';
import { TEST_DATABASE_URL } from './test-env';

/** A database of one suite's own, beside the shared test database, with every migration applied; dropped when done. */
export async function ownDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const url = new URL(TEST_DATABASE_URL);
  const name = `${url.pathname.replace(/^\//, '')}_${randomUUID().slice(0, 8)}`;
  url.pathname = `/${name}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const ds = createDataSource(url.toString(), { logQueries: false });
  await ds.initialize();
  try {
    await migrate(ds);
  } finally {
    await ds.destroy();
  }
  return { url: url.toString(), drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)) };
}

async function admin(run: (c: Client) => Promise<unknown>): Promise<void> {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}
