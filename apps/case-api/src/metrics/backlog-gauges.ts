import { Injectable, OnModuleInit } from '@nestjs/common';
import { JOB_QUEUES } from '@zhifa/contracts';
import { AppMetrics } from '@zhifa/metrics';
import { BacklogRepository } from '@zhifa/persistence';
import { FailedJobsService, QUEUE_STATES } from '../supervision/failed-jobs.service';

/** A scrape waits at most this long for Postgres or Redis; a late answer leaves the gauges out of that scrape. */
const READ_TIMEOUT_MS = 2_000;

/**
 * Gauges read when Prometheus scrapes case-api: the outbox backlog and its
 * lag, the jobs in each BullMQ queue by state, the cases the reconciliation
 * found stuck and the unacknowledged alerts. Each source is read once per
 * scrape, within READ_TIMEOUT_MS; a source that fails or is late shows NaN
 * (outbox) or no series (the labelled gauges) and counts in
 * zhifa_metrics_read_failures_total.
 */
@Injectable()
export class BacklogGauges implements OnModuleInit {
  constructor(
    private readonly metrics: AppMetrics,
    private readonly backlog: BacklogRepository,
    private readonly queues: FailedJobsService,
  ) {}

  onModuleInit(): void {
    const backlog = this.metrics.reading('postgres', () => this.backlog.read(), { timeoutMs: READ_TIMEOUT_MS });
    const counts = this.metrics.reading('redis', () => this.queues.jobCounts(), { timeoutMs: READ_TIMEOUT_MS });

    this.metrics.gauge({
      name: 'zhifa_outbox_pending',
      help: 'Outbox rows (side effects of recorded events) not yet relayed to the job queues',
      async collect() {
        this.set((await backlog())?.outboxPending ?? NaN);
      },
    });
    this.metrics.gauge({
      name: 'zhifa_outbox_lag_seconds',
      help: 'Age of the oldest outbox row not yet relayed to the job queues (0 when none waits)',
      async collect() {
        this.set((await backlog())?.outboxOldestSeconds ?? NaN);
      },
    });
    this.metrics.gauge({
      name: 'zhifa_queue_jobs',
      help: 'Jobs in each BullMQ queue by state (waiting, active, delayed, prioritized, waiting-children, failed)',
      labelNames: ['queue', 'state'] as const,
      async collect() {
        this.reset();
        const c = await counts();
        if (!c) return;
        for (const queue of JOB_QUEUES) for (const state of QUEUE_STATES) this.set({ queue, state }, c[queue][state] ?? 0);
      },
    });
    this.metrics.gauge({
      name: 'zhifa_stuck_cases',
      help: 'Cases the last reconciliation run found stuck, by cause (workflow missing or ended, read model diverging)',
      labelNames: ['cause'] as const,
      async collect() {
        this.reset();
        const b = await backlog();
        for (const [cause, n] of Object.entries(b?.stuckCases ?? {})) this.set({ cause }, n);
      },
    });
    this.metrics.gauge({
      name: 'zhifa_open_alerts',
      help: 'Supervisor alerts (a broken hash chain) no one has acknowledged, by kind',
      labelNames: ['kind'] as const,
      async collect() {
        this.reset();
        const b = await backlog();
        for (const [kind, n] of Object.entries(b?.openAlerts ?? {})) this.set({ kind }, n);
      },
    });
  }
}
