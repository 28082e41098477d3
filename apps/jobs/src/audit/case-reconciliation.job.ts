import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { isTerminal } from '@zhifa/domain';
import { CaseEventStore, ReadModelRepository, StuckCaseRepository, type StuckCause, type StuckFinding } from '@zhifa/persistence';
import type { DispatchedJob } from '../dispatch/job-handler';

/** How long Temporal may take to describe one workflow. */
const DESCRIBE_MS = 5_000;

const ENDED: Record<string, StuckCause> = {
  FAILED: 'WORKFLOW_FAILED',
  TERMINATED: 'WORKFLOW_TERMINATED',
  CANCELLED: 'WORKFLOW_CANCELLED',
  TIMED_OUT: 'WORKFLOW_TIMED_OUT',
  COMPLETED: 'WORKFLOW_ENDED_EARLY',
  CONTINUED_AS_NEW: 'WORKFLOW_ENDED_EARLY',
};

/**
 * Finds stuck cases: an open case (its chain folded is not sealed) whose
 * workflow is not running — failed, terminated, cancelled, timed out, ended
 * or missing, as Temporal describes it — and any case whose read model
 * disagrees with its chain folded under the pinned policy (status, last seq,
 * deadlines). The findings replace the previous run's; nothing is repaired here.
 */
@Injectable()
export class CaseReconciliationJob implements OnApplicationShutdown {
  private readonly logger = new Logger('Reconciliation');
  private temporal?: { connection: Connection; client: Client };

  constructor(
    private readonly events: CaseEventStore,
    private readonly readModels: ReadModelRepository,
    private readonly stuck: StuckCaseRepository,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.temporal?.connection.close();
  }

  async handle(_job: DispatchedJob): Promise<{ cases: number; stuck: StuckFinding[] }> {
    const ids = await this.events.caseIds();
    const findings: StuckFinding[] = [];
    for (const caseId of ids) {
      let folded;
      try {
        folded = await this.readModels.fold(caseId);
      } catch (err) {
        findings.push({ caseId, cause: 'READ_MODEL_DIVERGES', detail: { error: (err as Error).message } });
        continue;
      }
      if (!folded) continue;
      const drift = await this.readModels.drift(caseId);
      if (drift.length) {
        findings.push({
          caseId,
          cause: 'READ_MODEL_DIVERGES',
          // Deadlines are long: the finding names the fields, with the values of the short ones.
          detail: { fields: drift.map((d) => d.field), ...Object.fromEntries(drift.filter((d) => d.field !== 'deadlines').map((d) => [d.field, { readModel: d.readModel, chain: d.chain }])) },
        });
      }
      if (isTerminal(folded.state)) continue;
      const workflow = await this.describe(folded.workflowId);
      if (workflow) findings.push({ caseId, cause: workflow.cause, detail: { workflowId: folded.workflowId, status: folded.state.status, ...workflow.detail } });
    }
    await this.stuck.replaceAll(findings);
    this.logger.log(`reconciled ${ids.length} cases: ${findings.length} findings`);
    return { cases: ids.length, stuck: findings };
  }

  /** Why the workflow is not running, or null when it runs. Throws when Temporal does not answer (the run fails and is retried). */
  private async describe(workflowId: string): Promise<{ cause: StuckCause; detail: Record<string, unknown> } | null> {
    const client = this.client();
    try {
      const d = await client.withDeadline(Date.now() + DESCRIBE_MS, () => client.workflow.getHandle(workflowId).describe());
      const status = d.status.name;
      if (status === 'RUNNING') return null;
      return { cause: ENDED[status] ?? 'WORKFLOW_FAILED', detail: { workflowStatus: status, runId: d.runId, closedAt: d.closeTime?.toISOString() ?? null } };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return { cause: 'WORKFLOW_MISSING', detail: { workflowStatus: null } };
      throw err;
    }
  }

  private client(): Client {
    if (!this.temporal) {
      const connection = Connection.lazy({ address: this.cfg.temporal.address });
      this.temporal = { connection, client: new Client({ connection, namespace: this.cfg.temporal.namespace }) };
    }
    return this.temporal.client;
  }
}
