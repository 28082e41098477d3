import { endWorkflowsOf } from './end-workflows';
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { CaseEventStore, createDataSource } from '@zhifa/persistence';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { appEnv, TEST_DATABASE_URL } from './test-env';

/** A worker on its own task queue, a Temporal client and the event store: what a workflow integration suite drives. */
export interface WorkflowHarness {
  taskQueue: string;
  client: Client;
  store: CaseEventStore;
  ds: DataSource;
  close(): Promise<void>;
}

/** Starts the real worker app against the shared dev server and test database (tests/support/global-setup.ts). */
export async function startWorkflowHarness(name: string): Promise<WorkflowHarness> {
  const taskQueue = `zhifa-${name}-${randomUUID()}`;
  Object.assign(process.env, appEnv({ TEMPORAL_TASK_QUEUE: taskQueue }));
  const worker: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
  await worker.init();
  const ds = createDataSource(TEST_DATABASE_URL, { logQueries: false });
  await ds.initialize();
  const connection = await Connection.connect({ address: process.env.ZHIFA_TEST_TEMPORAL_ADDRESS });
  return {
    taskQueue,
    client: new Client({ connection }),
    store: new CaseEventStore(ds),
    ds,
    close: async () => {
      // Ended while the worker still answers, so no job of another suite waits on them meanwhile.
      await endWorkflowsOf(taskQueue);
      await worker.close();
      await connection.close();
      await ds.destroy();
    },
  };
}
