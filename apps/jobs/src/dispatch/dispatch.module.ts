import { DynamicModule, Module, Provider } from '@nestjs/common';
import { AppConfigModule } from '@zhifa/config';
import { PersistenceModule } from '@zhifa/persistence';
import { DISPATCH_OPTIONS, DispatchOptions } from './dispatch-options';
import { checkHandlers } from './handler-check';
import { JobRegistry } from './job-registry.service';
import { JobSchedulers } from './job-schedulers.service';
import { OutboxRelayService } from './outbox-relay.service';
import { QueueWorkers } from './queue-workers.service';
import { JobsMetrics } from './jobs-metrics';
import { MetricsModule } from '@zhifa/metrics';
import { TracingModule } from '@zhifa/tracing';

/**
 * The outbox relay, the purpose queues and their workers, for the given
 * routes and handlers (`handlers`: the injectable classes the bindings name).
 * `register` throws, naming every problem, unless each routed job name has
 * exactly one handler whose method exists and each handler has a route: the
 * jobs app does not start with a job no one would take.
 */
@Module({})
export class DispatchModule {
  static register(opts: DispatchOptions & { handlers: Provider[] }): DynamicModule {
    const { handlers, ...options } = opts;
    checkHandlers(options.routes, options.bindings, options.schedules);
    return {
      module: DispatchModule,
      // The jobs app's registry: the app adds its listener (metricsEndpoint); tests of the dispatch alone serve none.
      imports: [AppConfigModule, PersistenceModule, MetricsModule.forApp('jobs'), TracingModule.forApp('jobs')],
      providers: [{ provide: DISPATCH_OPTIONS, useValue: options }, JobRegistry, OutboxRelayService, QueueWorkers, JobSchedulers, JobsMetrics, ...handlers],
      exports: [JobRegistry, OutboxRelayService],
    };
  }
}
