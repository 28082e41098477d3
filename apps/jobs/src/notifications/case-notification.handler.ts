import { Injectable } from '@nestjs/common';
import type { CaseEventMessage } from '@zhifa/contracts';
import { NotificationRepository } from '@zhifa/persistence';
import type { DispatchedJob } from '../dispatch/job-handler';
import { CaseNoticeService } from './case-notice.service';

/**
 * In-app notifications of one case event: one row per (event, person) told,
 * in one statement, so a retried job adds nothing.
 */
@Injectable()
export class CaseNotificationHandler {
  constructor(
    private readonly notices: CaseNoticeService,
    private readonly notifications: NotificationRepository,
  ) {}

  /** The notifications queue's entry (every case event). */
  run(job: DispatchedJob<CaseEventMessage>): Promise<number> {
    return this.handle(job.data);
  }

  /** Returns how many notifications it added (0 on a retry). */
  async handle(data: CaseEventMessage): Promise<number> {
    const n = await this.notices.noticeFor(data);
    return this.notifications.add({
      caseId: n.caseId,
      eventId: n.eventId,
      eventType: n.eventType,
      seq: n.seq,
      message: n.notice.message,
      section: n.notice.section,
      recipients: n.notice.recipients,
    });
  }
}
