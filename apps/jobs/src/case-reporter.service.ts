import { randomUUID } from 'node:crypto';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { caseWorkflowId, jobReportUpdateId, reportJobUpdate, type JobReportResult } from '@zhifa/contracts';
import type { CaseCommand } from '@zhifa/domain';

/** How long one report may take before the job fails and is retried. */
const REPORT_MS = 15_000;

/**
 * How a job leaves its trace on a case: it never writes case tables; it sends
 * a system command to the case's workflow, the single writer, as a reportJob
 * Update carrying the job's id (each attempt its own Update id). Sent again (a
 * retried job), it records nothing new and answers `duplicate`.
 */
@Injectable()
export class CaseReporter implements OnApplicationShutdown {
  private temporal?: { connection: Connection; client: Client };

  constructor(@Inject(APP_CONFIG) private readonly cfg: AppConfig) {}

  private client(): Client {
    if (!this.temporal) {
      const connection = Connection.lazy({ address: this.cfg.temporal.address });
      this.temporal = { connection, client: new Client({ connection, namespace: this.cfg.temporal.namespace }) };
    }
    return this.temporal.client;
  }

  /** Records `command` on the case for job `jobId`; a refusal of the case rejects with the domain's rejection in the failure's details. */
  async report(caseId: string, jobId: string, command: CaseCommand): Promise<JobReportResult> {
    const client = this.client();
    return client.withDeadline(Date.now() + REPORT_MS, () =>
      client.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(reportJobUpdate, { args: [{ jobId, command }], updateId: jobReportUpdateId(jobId, randomUUID()) }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.temporal?.connection.close();
  }
}
