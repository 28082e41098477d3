import { Injectable } from '@nestjs/common';
import type { CaseEventMessage } from '@zhifa/contracts';
import { NotificationRepository } from '@zhifa/persistence';
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

  /** Returns how many notifications it added (0 on a retry). */
  async handle(data: CaseEventMessage, _jobId?: string): Promise<number> {
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
