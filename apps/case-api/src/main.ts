import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { configOrExit } from '@zhifa/config';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const cfg = configOrExit();
  const app = await createApiApp(cfg);
  await app.listen(cfg.port, '0.0.0.0');
  new Logger('CaseApi').log(`ready: http://127.0.0.1:${cfg.port}/api/v1 (OpenAPI at /api/docs)`);
}

main().catch((err: unknown) => {
  process.stderr.write(`case-api failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
