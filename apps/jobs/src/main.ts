import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configOrExit, nestLogLevels } from '@zhifa/config';
import { JobsModule } from './jobs.module';
import { QUEUES } from './queues';

async function main(): Promise<void> {
  const cfg = configOrExit();
  const app = await NestFactory.createApplicationContext(JobsModule, { logger: nestLogLevels(cfg.logLevel) });
  app.enableShutdownHooks();
  await app.init();
  new Logger('Jobs').log(`ready: relaying the outbox and processing ${QUEUES.join(', ')}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`jobs failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
