import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { JobQueue } from '@zhifa/contracts';
import { DISPATCH_OPTIONS, DispatchOptions } from './dispatch-options';
import { queuesByType } from './handler-check';
import type { JobHandlerFn } from './job-handler';

/** The handler of every routed job, resolved once at start-up (`DispatchModule.register` checked them). */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, JobHandlerFn>();
  readonly routes: Map<string, JobQueue[]>;

  constructor(
    @Inject(DISPATCH_OPTIONS) private readonly opts: DispatchOptions,
    private readonly moduleRef: ModuleRef,
  ) {
    this.routes = queuesByType(opts.routes);
  }

  onModuleInit(): void {
    for (const b of this.opts.bindings) {
      const instance = this.moduleRef.get(b.use, { strict: false }) as Record<string, unknown>;
      const fn = instance[b.method ?? 'handle'] as (job: unknown) => unknown;
      const bound: JobHandlerFn = (job) => Promise.resolve(fn.call(instance, job));
      for (const name of b.names) this.handlers.set(`${b.queue}/${name}`, bound);
    }
  }

  /** The queues that have handlers (the others get no worker). */
  queues(): JobQueue[] {
    return [...new Set(this.opts.bindings.map((b) => b.queue))];
  }

  handler(queue: JobQueue, name: string): JobHandlerFn | undefined {
    return this.handlers.get(`${queue}/${name}`);
  }
}
