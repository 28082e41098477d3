import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configOrExit, nestLogLevels } from '@zhifa/config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const cfg = configOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: nestLogLevels(cfg.logLevel) });
  app.enableShutdownHooks();
  await app.init();
}

main().catch((err: unknown) => {
  process.stderr.write(`worker failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
