import { Injectable, Logger } from '@nestjs/common';
import { AlertRepository, CaseEventStore } from '@zhifa/persistence';
import type { DispatchedJob } from '../dispatch/job-handler';

/** What one nightly verification found. */
export interface ChainVerificationRun {
  cases: number;
  /** Cases whose chain breaks, with the first broken event. */
  broken: { caseId: string; seq: number; reason: string }[];
  /** Of those, the cases that got a new alert (the others have one open already). */
  alerted: string[];
}

/**
 * Recomputes every case's hash chain (as GET /cases/:id/timeline/verify does)
 * and raises a supervisor alert naming each case whose chain breaks.
 * Idempotent: a case keeps one open alert until a supervisor acknowledges it.
 */
@Injectable()
export class ChainVerificationJob {
  private readonly logger = new Logger('ChainVerification');

  constructor(
    private readonly events: CaseEventStore,
    private readonly alerts: AlertRepository,
  ) {}

  async handle(_job: DispatchedJob): Promise<ChainVerificationRun> {
    const ids = await this.events.caseIds();
    const out: ChainVerificationRun = { cases: ids.length, broken: [], alerted: [] };
    for (const caseId of ids) {
      const v = await this.events.verify(caseId);
      if (v.valid || !v.brokenAt) continue;
      out.broken.push({ caseId, seq: v.brokenAt.seq, reason: v.brokenAt.reason });
      const raised = await this.alerts.raise({ kind: 'CHAIN_BROKEN', caseId, detail: { events: v.events, brokenAt: v.brokenAt } });
      if (raised) out.alerted.push(caseId);
    }
    this.logger.log(`verified ${out.cases} chains: ${out.broken.length} broken, ${out.alerted.length} newly alerted`);
    return out;
  }
}
