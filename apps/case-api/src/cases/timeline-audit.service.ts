import { Injectable, Logger } from '@nestjs/common';
import { auditTimeline, heldCertificateOn, type DeadlineKind, type DeadlineMark } from '@zhifa/domain';
import { CaseEventStore, CertificateAdminRepository, ReadModelRepository, type CaseAccessRow } from '@zhifa/persistence';
import { DeadlineClock } from './deadline-clock.service';
import type { TimelineEventView } from './timeline.views';

/**
 * A case's timeline with each event's audit: the role its actor acted in, the
 * certificate valid that day where they acted as an officer or reviewer, a
 * liaison's body, and the deadlines it met or missed (the chain folded again,
 * the deadline records compared before and after the event).
 */
@Injectable()
export class TimelineAuditService {
  private readonly logger = new Logger('TimelineAudit');

  constructor(
    private readonly events: CaseEventStore,
    private readonly readModels: ReadModelRepository,
    private readonly certificates: CertificateAdminRepository,
    private readonly clock: DeadlineClock,
  ) {}

  async timeline(row: Pick<CaseAccessRow, 'id' | 'policyVersion'>): Promise<TimelineEventView[]> {
    const stored = await this.events.timeline(row.id);
    const userIds = stored.flatMap((e) => (typeof e.actor.userId === 'string' ? [e.actor.userId] : []));
    // Validity on the event's day, from each certificate's dated status history (a later suspension does not reach back).
    const certificateOn = heldCertificateOn(await this.certificates.recordsOfUsers(userIds));
    let deadlines: (Partial<Record<DeadlineKind, DeadlineMark>> | null)[];
    try {
      // Folded from the rows just read: the chain is read once.
      deadlines = await this.readModels.deadlineMarksAfterEach(row.id, stored);
    } catch (err) {
      // A chain that no longer folds (its policy gone, an event altered beyond reading) still shows; its deadlines are not named.
      this.logger.warn(`case ${row.id}: the chain does not fold (${(err as Error).message}); the timeline names no deadlines`);
      deadlines = stored.map(() => null);
    }
    const { timeZone } = await this.clock.of(row.policyVersion);
    const audits = auditTimeline(
      stored.map((e) => ({ type: e.type, at: e.occurredAt, actor: e.actor as { userId?: string; roles?: string[]; system?: boolean }, payload: e.payload as Record<string, unknown> })),
      deadlines,
      certificateOn,
      timeZone,
    );
    return stored.map((e, i) => ({ ...(e as TimelineEventView), audit: audits[i] }));
  }
}
