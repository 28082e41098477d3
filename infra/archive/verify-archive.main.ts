import 'reflect-metadata';
import { archiveToolConfigOrExit } from '@zhifa/config';
import { verifyArchiveCli } from './verify-archive';

async function main(): Promise<void> {
  const { databaseUrl } = archiveToolConfigOrExit();
  process.exitCode = await verifyArchiveCli(process.argv.slice(2), databaseUrl, { out: (line) => process.stdout.write(`${line}\n`) });
}

main().catch((err: unknown) => {
  process.stderr.write(`verify-archive failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
