import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configOrExit, createLogger } from '@zhifa/config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const cfg = configOrExit();
  const logger = createLogger(cfg);
  // From here on every line, a failure to start included, is written as LOG_FORMAT says.
  Logger.overrideLogger(logger);
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger });
  app.enableShutdownHooks();
  await app.init();
}

main().catch((err: unknown) => {
  new Logger('Worker').fatal(`worker failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
