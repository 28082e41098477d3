import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { publishCalendarUpdate, type CalendarPublishedMessage } from '@zhifa/contracts';
import { CalendarRepository, CaseReadRepository } from '@zhifa/persistence';
import type { DispatchedJob } from './dispatch/job-handler';

/** What one run of the job did. */
export interface CalendarDelivery {
  year: number;
  /** Cases whose running deadlines it moved (a DEADLINE_RECOMPUTED event each). */
  recomputed: string[];
  /** Cases that adopted it without a change to a running deadline. */
  adopted: string[];
  /** Cases whose workflow had already ended. */
  ended: string[];
  /** Cases whose workflow did not answer in time (no worker polling its queue): the job fails and is retried. */
  unreachable: string[];
}

/** How long one case's workflow may take to take the calendar. */
const PER_CASE_MS = 5_000;
/** Cases reached at once. */
const PARALLEL = 8;

/**
 * A published holiday calendar reaches the running cases: each open case's
 * workflow gets it as an Update, adopts it for every later count, and records
 * the deadlines it moves. Idempotent: a case that has the calendar already
 * (a retried job) recounts to the same dates and records nothing.
 */
@Injectable()
export class CalendarPublishedJob implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('CalendarPublished');
  private temporal?: { connection: Connection; client: Client };
  private stopping = false;

  constructor(
    private readonly calendars: CalendarRepository,
    private readonly cases: CaseReadRepository,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const connection = Connection.lazy({ address: this.cfg.temporal.address });
    this.temporal = { connection, client: new Client({ connection, namespace: this.cfg.temporal.namespace }) };
  }

  /** A delivery in progress stops after the cases it is reaching now (its worker waits for it); the job is retried later. */
  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  /** After the workers have closed. */
  async onApplicationShutdown(): Promise<void> {
    await this.temporal?.connection.close();
  }

  async handle({ data: job }: DispatchedJob<CalendarPublishedMessage>): Promise<CalendarDelivery> {
    const calendar = await this.calendars.year(job.year);
    if (!calendar) throw new Error(`calendar ${job.year} is not published`);
    const out: CalendarDelivery = { year: job.year, recomputed: [], adopted: [], ended: [], unreachable: [] };
    const client = this.temporal!.client;
    const deliver = async ({ caseId, workflowId }: { caseId: string; workflowId: string }) => {
      try {
        const r = await client.withDeadline(Date.now() + PER_CASE_MS, () =>
          client.workflow.getHandle(workflowId).executeUpdate(publishCalendarUpdate, { args: [calendar], updateId: `calendar:${job.year}` }),
        );
        (r.recorded ? out.recomputed : out.adopted).push(caseId);
      } catch (err) {
        if (err instanceof WorkflowNotFoundError || /already completed/i.test(String(err))) out.ended.push(caseId);
        else out.unreachable.push(caseId);
      }
    };
    const open = await this.cases.openWorkflows();
    for (let i = 0; i < open.length; i += PARALLEL) {
      if (this.stopping) throw new Error(`calendar ${job.year}: stopped after ${i} of ${open.length} cases; retried`);
      await Promise.all(open.slice(i, i + PARALLEL).map(deliver));
    }
    this.logger.log(
      `calendar ${job.year}: ${out.recomputed.length} cases recomputed, ${out.adopted.length} adopted, ${out.ended.length} ended, ${out.unreachable.length} unreachable`,
    );
    // Retried: the cases reached already recount to the same dates and record nothing (one Update id per year).
    if (out.unreachable.length) throw new Error(`calendar ${job.year} did not reach ${out.unreachable.length} cases: ${out.unreachable.join(', ')}`);
    return out;
  }
}
