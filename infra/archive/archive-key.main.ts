// `npm run archive-key -- rotate <agencyId>` / `list <agencyId>`: an agency's
// archive-signing keys. Rotation writes the new private key to ARCHIVE_KEY_DIR,
// records its public half as current and closes the old one's validity; the
// old public key stays on record, so every package it signed still verifies.
import 'reflect-metadata';
import { archiveToolConfigOrExit } from '@zhifa/config';
import { ArchiveKeyRepository, createDataSource } from '@zhifa/persistence';
import { PrivateKeyStore, rotateAgencyKey } from '@zhifa/archive';

async function main(): Promise<void> {
  const [command, agencyId] = process.argv.slice(2);
  if (!['rotate', 'list'].includes(command ?? '') || !agencyId) {
    process.stderr.write('usage: npm run archive-key -- rotate|list <agencyId>\n');
    process.exit(2);
  }
  const cfg = archiveToolConfigOrExit();
  const ds = createDataSource(cfg.databaseUrl, { logQueries: false });
  await ds.initialize();
  try {
    const keys = new ArchiveKeyRepository(ds);
    if (command === 'rotate') {
      const key = await rotateAgencyKey(keys, new PrivateKeyStore(cfg.archiveKeyDir), agencyId, new Date());
      process.stdout.write(`agency ${agencyId} signs with ${key.keyId} from ${key.validFrom}\n`);
    }
    for (const k of await keys.ofAgency(agencyId)) process.stdout.write(`${k.keyId}  from ${k.validFrom}  ${k.validUntil ? `until ${k.validUntil}` : 'current'}\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`archive-key failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
