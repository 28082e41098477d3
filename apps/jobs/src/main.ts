import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configOrExit, createLogger } from '@zhifa/config';
import { JobRegistry } from './dispatch/job-registry.service';

async function main(): Promise<void> {
  const cfg = configOrExit();
  const logger = createLogger(cfg);
  // From here on every line, a failure to start included, is written as LOG_FORMAT says.
  Logger.overrideLogger(logger);
  // Loaded here so that a handler missing for a routed job (checked as the module is built) is reported below, in one message.
  const { JobsModule } = await import('./jobs.module');
  const app = await NestFactory.createApplicationContext(JobsModule, { logger });
  app.enableShutdownHooks();
  await app.init();
  new Logger('Jobs').log(`ready: relaying the outbox and processing ${app.get(JobRegistry).queues().join(', ')}`);
}

main().catch((err: unknown) => {
  new Logger('Jobs').fatal(`jobs failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
