import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { TestWorkflowEnvironment } from '@temporalio/testing';
// Global setup is loaded outside Jest's module mapper: relative imports only.
import { createDataSource } from '../../libs/persistence/src/data-source';
import { migrate } from '../../libs/persistence/src/migrate';
import { CONTINUE_AS_NEW_AFTER, TEST_DATABASE_URL, assertTestDatabase } from './test-env';

/**
 * Once per Jest run: a clean zhifa_test database with every migration
 * applied, and one real Temporal dev server (the CLI binary, not a mock)
 * shared by all suites through ZHIFA_TEST_TEMPORAL_ADDRESS.
 */
export default async function globalSetup(): Promise<void> {
  assertTestDatabase(TEST_DATABASE_URL);
  await recreateDatabase(TEST_DATABASE_URL);

  const ds = createDataSource(TEST_DATABASE_URL);
  await ds.initialize();
  await migrate(ds);
  await ds.destroy();
  // TypeORM keeps its decorator registry on globalThis; made here, in Jest's own realm, Jest would copy it into
  // every test file's global, and each file's entity classes (and through them its whole module registry) would
  // stay in that one shared registry for the rest of an in-band run. Each test file makes its own instead.
  delete (globalThis as { typeormMetadataArgsStorage?: unknown }).typeormMetadataArgsStorage;

  const cli = process.env.TEMPORAL_CLI;
  if (!cli) throw new Error('TEMPORAL_CLI is not set: run the tests through `npm test`, which finds or installs it');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: cli },
      ip: '127.0.0.1',
      ui: false,
      // A low history limit makes long-case continue-as-new happen in tests,
      // not only after thousands of events in production.
      extraArgs: ['--log-level', 'error', '--dynamic-config-value', `limit.historyCount.suggestContinueAsNew=${CONTINUE_AS_NEW_AFTER}`],
    },
  });
  (globalThis as Record<string, unknown>).__ZHIFA_TEMPORAL__ = env;
  process.env.ZHIFA_TEST_TEMPORAL_ADDRESS = env.address;
  process.env.ZHIFA_TEST_EVIDENCE_DIR = mkdtempSync(join(tmpdir(), 'zhifa-evidence-'));
  process.env.ZHIFA_TEST_ARCHIVE_DIR = mkdtempSync(join(tmpdir(), 'zhifa-archives-'));
  process.env.ZHIFA_TEST_ARCHIVE_KEY_DIR = mkdtempSync(join(tmpdir(), 'zhifa-archive-keys-'));
}

async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.replace(/^\//, '');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
