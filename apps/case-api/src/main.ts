import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { configOrExit, createLogger } from '@zhifa/config';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const cfg = configOrExit();
  const logger = createLogger(cfg);
  // From here on every line, a failure to start included, is written as LOG_FORMAT says.
  Logger.overrideLogger(logger);
  const app = await createApiApp(cfg, logger);
  await app.listen(cfg.port, '0.0.0.0');
  new Logger('CaseApi').log(`ready: http://127.0.0.1:${cfg.port}/api/v1 (OpenAPI at /api/docs)`);
}

main().catch((err: unknown) => {
  new Logger('CaseApi').fatal(`case-api failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
