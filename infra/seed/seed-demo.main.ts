import 'reflect-metadata';
import { configOrExit } from '@zhifa/config';
import { ArchiveKeyRepository, createDataSource, migrate } from '@zhifa/persistence';
import { ensureAgencyKey, PrivateKeyStore } from '@zhifa/archive';
import { DEMO_AGENCY } from './demo-people';
import { DEMO_POLICY } from './demo-policy';
import { seedDemo } from './seed';

/** `node dist/infra/seed/seed-demo.main.js`: migrate, then seed the demo agency and its archive-signing key. */
async function main(): Promise<void> {
  const cfg = configOrExit();
  const ds = createDataSource(cfg.databaseUrl);
  await ds.initialize();
  try {
    const applied = await migrate(ds);
    if (applied.length) process.stdout.write(`Applied migrations: ${applied.join(', ')}\n`);
    await seedDemo(ds, DEMO_POLICY);
    process.stdout.write(`Seeded demo agency and policy ${DEMO_POLICY.version}\n`);
    // The demo agency signs its archive packages: a key in ARCHIVE_KEY_DIR, its public half on record.
    const key = await ensureAgencyKey(new ArchiveKeyRepository(ds), new PrivateKeyStore(cfg.archiveKeyDir), DEMO_AGENCY.id, new Date());
    process.stdout.write(`Archive signing key of the demo agency: ${key.keyId}\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
