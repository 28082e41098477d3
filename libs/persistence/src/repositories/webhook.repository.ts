import { DataSource, EntityManager } from 'typeorm';
import { AgencyWebhookEntity, WebhookDeliveryEntity } from '../entities';

/** An agency's webhook as the API shows it: never the secret. */
export interface WebhookView {
  agencyId: string;
  url: string;
  active: boolean;
  updatedBy: string;
  updatedAt: string;
}

export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  caseId: string;
  eventType: string;
  url: string;
  attempt: number;
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  attemptedAt: string;
}

/** Each agency's optional webhook, and the log of every attempt to deliver to it. */
export class WebhookRepository {
  constructor(private readonly ds: DataSource) {}

  async view(agencyId: string, m: EntityManager = this.ds.manager): Promise<WebhookView | null> {
    const w = await m.getRepository(AgencyWebhookEntity).findOneBy({ agencyId });
    return w ? { agencyId: w.agencyId, url: w.url, active: w.active, updatedBy: w.updatedBy, updatedAt: w.updatedAt.toISOString() } : null;
  }

  /** The webhook with its secret, for signing a delivery (apps/jobs only). */
  async forDelivery(agencyId: string): Promise<{ url: string; secret: string } | null> {
    const w = await this.ds.getRepository(AgencyWebhookEntity).findOneBy({ agencyId, active: true });
    return w ? { url: w.url, secret: w.secret } : null;
  }

  /** Sets the agency's webhook (inside `m`'s transaction when given); without a secret the stored one is kept (none stored: refused by the caller). */
  async set(agencyId: string, w: { url: string; secret?: string; active: boolean }, by: string, m: EntityManager = this.ds.manager): Promise<WebhookView> {
    const repo = m.getRepository(AgencyWebhookEntity);
    const existing = await repo.findOneBy({ agencyId });
    const secret = w.secret ?? existing?.secret;
    if (!secret) throw new Error('a new webhook needs a secret');
    await repo.save({ agencyId, url: w.url, secret, active: w.active, updatedBy: by, updatedAt: new Date() });
    return (await this.view(agencyId, m))!;
  }

  async hasSecret(agencyId: string): Promise<boolean> {
    return (await this.ds.getRepository(AgencyWebhookEntity).countBy({ agencyId })) > 0;
  }

  async remove(agencyId: string, m: EntityManager = this.ds.manager): Promise<boolean> {
    const r = await m.getRepository(AgencyWebhookEntity).delete({ agencyId });
    return (r.affected ?? 0) > 0;
  }

  /** Whether the event already reached the agency's webhook: a retried job sends nothing again. */
  async delivered(agencyId: string, eventId: string): Promise<boolean> {
    return (await this.ds.getRepository(WebhookDeliveryEntity).countBy({ agencyId, eventId, ok: true })) > 0;
  }

  /** Logs one attempt; its number follows the attempts already logged for the event. */
  async logAttempt(d: Omit<WebhookDeliveryView, 'id' | 'attempt' | 'attemptedAt'> & { agencyId: string; attemptedAt: Date }): Promise<number> {
    const rows: { attempt: number }[] = await this.ds.query(
      `INSERT INTO webhook_deliveries (agency_id, event_id, case_id, event_type, url, attempt, ok, status_code, error, duration_ms, attempted_at)
       SELECT $1, $2, $3, $4, $5, coalesce(max(attempt), 0) + 1, $6, $7, $8, $9, $10 FROM webhook_deliveries WHERE agency_id = $1 AND event_id = $2
       RETURNING attempt`,
      [d.agencyId, d.eventId, d.caseId, d.eventType, d.url, d.ok, d.statusCode, d.error, d.durationMs, d.attemptedAt],
    );
    return rows[0].attempt;
  }

  /** The agency's delivery attempts, newest first. */
  async deliveries(agencyId: string, opts: { page: number; pageSize: number; eventId?: string }): Promise<{ items: WebhookDeliveryView[]; total: number }> {
    const where = opts.eventId ? { agencyId, eventId: opts.eventId } : { agencyId };
    const [rows, total] = await this.ds.getRepository(WebhookDeliveryEntity).findAndCount({
      where,
      order: { id: 'DESC' },
      skip: (opts.page - 1) * opts.pageSize,
      take: opts.pageSize,
    });
    const items = rows.map((r) => ({
      id: String(r.id),
      eventId: r.eventId,
      caseId: r.caseId,
      eventType: r.eventType,
      url: r.url,
      attempt: r.attempt,
      ok: r.ok,
      statusCode: r.statusCode,
      error: r.error,
      durationMs: r.durationMs,
      attemptedAt: r.attemptedAt.toISOString(),
    }));
    return { items, total };
  }
}
