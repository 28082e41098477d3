import 'reflect-metadata';
import { ConfigError, loadArchiveToolConfig } from '@zhifa/config';
import { verifyArchiveCli } from './verify-archive';

async function main(): Promise<void> {
  let databaseUrl: string;
  try {
    databaseUrl = loadArchiveToolConfig(process.env).databaseUrl;
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  process.exitCode = await verifyArchiveCli(process.argv.slice(2), databaseUrl, { out: (line) => process.stdout.write(`${line}\n`) });
}

main().catch((err: unknown) => {
  process.stderr.write(`verify-archive failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
