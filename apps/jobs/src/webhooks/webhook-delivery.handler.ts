import { Injectable } from '@nestjs/common';
import type { CaseEventMessage } from '@zhifa/contracts';
import { WebhookRepository } from '@zhifa/persistence';
import type { DispatchedJob } from '../dispatch/job-handler';
import { CaseNoticeService } from '../notifications/case-notice.service';
import { EVENT_HEADER, signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook-signature';

/** How long a receiver may take to answer one delivery. */
const TIMEOUT_MS = 10_000;

export type WebhookOutcome = 'NO_WEBHOOK' | 'ALREADY_DELIVERED' | 'DELIVERED';

/**
 * POSTs one case event to its agency's webhook, signed, and logs the
 * attempt. A receiver that fails (no 2xx, no answer in time) fails the job,
 * which the webhooks queue retries with exponential backoff; each attempt is one row in
 * the delivery log. Idempotent on the event: once delivered, a retried job
 * sends nothing.
 */
@Injectable()
export class WebhookDeliveryHandler {
  constructor(
    private readonly notices: CaseNoticeService,
    private readonly webhooks: WebhookRepository,
  ) {}

  /** The webhooks queue's entry (every case event). */
  run(job: DispatchedJob<CaseEventMessage>): Promise<WebhookOutcome> {
    return this.handle(job.data);
  }

  async handle(data: CaseEventMessage): Promise<WebhookOutcome> {
    const agencyId = await this.notices.agencyOf(data.caseId);
    if (!agencyId) throw new Error(`case ${data.caseId} is not projected yet`);
    const hook = await this.webhooks.forDelivery(agencyId);
    if (!hook) return 'NO_WEBHOOK';
    if (await this.webhooks.delivered(agencyId, data.eventId)) return 'ALREADY_DELIVERED';

    const n = await this.notices.noticeFor(data);
    const body = JSON.stringify({
      id: n.eventId,
      event: { type: n.eventType, seq: n.seq, occurredAt: n.occurredAt },
      case: { id: n.caseId, caseNumber: n.caseNumber },
      message: n.notice.message,
      link: { caseId: n.caseId, section: n.notice.section, path: `/console/cases/${n.caseId}#${n.notice.section}` },
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [EVENT_HEADER]: n.eventId,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(hook.secret, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      statusCode = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (err) {
      error = (err as Error).message;
    }
    const attempt = await this.webhooks.logAttempt({
      agencyId,
      eventId: n.eventId,
      caseId: n.caseId,
      eventType: n.eventType,
      url: hook.url,
      ok: error === null,
      statusCode,
      error,
      durationMs: Date.now() - started,
      attemptedAt: new Date(started),
    });
    if (error !== null) throw new Error(`webhook of agency ${agencyId}, event ${n.eventId}, attempt ${attempt}: ${error}`);
    return 'DELIVERED';
  }
}
