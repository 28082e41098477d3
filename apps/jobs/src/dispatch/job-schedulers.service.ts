import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { DISPATCH_OPTIONS, DispatchOptions, queueSettings } from './dispatch-options';
import { producerConnection } from './redis-connection';

/**
 * Puts the clock's jobs in place: one BullMQ job scheduler per schedule, keyed
 * `<queue>/<name>`, upserted at each start so a changed pattern replaces the
 * old one. Several jobs processes upserting the same scheduler make one
 * scheduler, so each run happens once.
 */
@Injectable()
export class JobSchedulers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobSchedulers');
  private readonly queues: Queue[] = [];
  private connection?: Redis;

  constructor(
    @Inject(DISPATCH_OPTIONS) private readonly opts: DispatchOptions,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const schedules = this.opts.schedules ?? [];
    if (!schedules.length) return;
    if (!this.connection) {
      this.connection = producerConnection(this.opts.redisUrl ?? this.cfg.redisUrl);
      this.connection.on('error', () => undefined);
    }
    for (const s of schedules) {
      let queue = this.queues.find((q) => q.name === s.queue);
      if (!queue) {
        queue = new Queue(s.queue, { connection: this.connection });
        queue.on('error', () => undefined);
        this.queues.push(queue);
      }
      const settings = queueSettings(this.opts, s.queue);
      const pattern = s.pattern(this.cfg);
      try {
        await queue.upsertJobScheduler(
          `${s.queue}/${s.name}`,
          { pattern, tz: this.cfg.timeZone },
          { name: s.name, data: {}, opts: { attempts: settings.attempts, backoff: { type: 'exponential', delay: settings.backoffMs }, removeOnComplete: { age: 30 * 24 * 3600 }, removeOnFail: false } },
        );
        this.logger.log(`${s.queue}/${s.name} scheduled at "${pattern}" (${this.cfg.timeZone})`);
      } catch (err) {
        // Redis is down at start: the scheduler kept from an earlier start still runs; the next start puts it in place.
        this.logger.warn(`cannot schedule ${s.queue}/${s.name}: ${(err as Error).message}`);
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close()));
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}
