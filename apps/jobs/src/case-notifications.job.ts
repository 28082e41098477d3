import { Injectable } from '@nestjs/common';
import type { CaseEventMessage } from '@zhifa/contracts';
import { NotificationRepository } from '@zhifa/persistence';
import type { DispatchedJob } from './dispatch/job-handler';

/**
 * Tells the people on a case what happened on it. Idempotent: one
 * notification per (event, user), so a retried job adds nothing.
 */
@Injectable()
export class CaseNotificationsJob {
  constructor(private readonly notifications: NotificationRepository) {}

  async handle(job: DispatchedJob<CaseEventMessage>): Promise<number> {
    const event = job.data;
    const audience = await this.notifications.audience(event.caseId);
    if (!audience) throw new Error(`case ${event.caseId} not projected yet`);
    const message = `${audience.caseNumber}: ${event.type.replace(/_/g, ' ').toLowerCase()} (event ${event.seq})`;
    return this.notifications.add({ caseId: event.caseId, eventId: event.eventId, userIds: audience.userIds, message });
  }
}
