import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookDeliveryView, WebhookSettingsView } from '@zhifa/api-client';
import { jobIdFor } from '@zhifa/contracts';
import { WebhookDeliveryHandler } from '../../apps/jobs/src/webhooks/webhook-delivery.handler';
import { verifyWebhook } from '../../apps/jobs/src/webhooks/webhook-signature';
import { eventually } from '../support/eventually';
import { http, startStack, Stack } from '../support/stack';
import { Client } from './command-helpers';

/** A receiver as an agency would run one: it fails the first `failures` deliveries of each event, then answers 204. */
class Receiver {
  readonly received: { eventId: string; headers: IncomingHttpHeaders; raw: string; answered: number }[] = [];
  private server?: Server;
  constructor(private readonly failures: number) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const eventId = String(req.headers['x-zhifa-event-id']);
        const seen = this.received.filter((r) => r.eventId === eventId).length;
        const answered = seen < this.failures ? 503 : 204;
        this.received.push({ eventId, headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'), answered });
        res.statusCode = answered;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/zhifa/events`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

describe("an agency's webhook (/admin/webhooks)", () => {
  let stack: Stack;
  let api: Client;
  const receiver = new Receiver(2);
  const secret = 'e2e-webhook-secret-0123456789';

  beforeAll(async () => {
    stack = await startStack({ jobs: true });
    api = new Client(stack);
  });
  afterAll(async () => {
    // The demo agency's webhook must not outlive the suite.
    if (stack) await http(stack, 'DELETE', '/api/v1/admin/webhooks', { token: await api.token('admin') });
    await receiver.stop();
    await stack?.close();
  });

  it('is set by an administrator only; the secret is stored and never returned', async () => {
    const url = await receiver.start();
    const officer = await api.token('officer.zhang');
    const refused = await http(stack, 'PUT', '/api/v1/admin/webhooks', { token: officer, body: { url, secret } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'WEBHOOK.ADMIN_ONLY' });
    expect((await http(stack, 'GET', '/api/v1/admin/webhooks/deliveries', { token: officer })).status).toBe(403);

    const admin = await api.token('admin');
    const noSecret = await http(stack, 'PUT', '/api/v1/admin/webhooks', { token: admin, body: { url } });
    expect(noSecret.status).toBe(400);
    expect(noSecret.body).toMatchObject({ code: 'VALIDATION.FAILED', errors: [{ field: 'secret' }] });
    const badUrl = await http(stack, 'PUT', '/api/v1/admin/webhooks', { token: admin, body: { url: 'ftp://example.org/x', secret } });
    expect(badUrl.status).toBe(400);

    const set = await http<WebhookSettingsView>(stack, 'PUT', '/api/v1/admin/webhooks', { token: admin, body: { url, secret } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ configured: true, url, active: true, secretSet: true });
    expect(JSON.stringify(set.body)).not.toContain(secret);
    const read = await http<WebhookSettingsView>(stack, 'GET', '/api/v1/admin/webhooks', { token: admin });
    expect(read.body).toMatchObject({ configured: true, url, secretSet: true });
    expect(JSON.stringify(read.body)).not.toContain(secret);
    // Changing the URL alone keeps the stored secret.
    expect((await http(stack, 'PUT', '/api/v1/admin/webhooks', { token: admin, body: { url } })).status).toBe(200);
  });

  it('POSTs each event signed over timestamp and raw body; a failing receiver is retried with backoff until it answers, every attempt logged', async () => {
    // A party with personal information (PIPL): none of it leaves by the webhook, not even masked.
    const party = { type: 'PERSON', name: '赵某', idNumber: '140402199001011234', phone: '13835501234', address: '山西省长治市潞州区英雄中路1号' };
    const c = await api.register({ party });
    const [{ event_id: eventId }] = await stack.ds.query('SELECT event_id FROM case_events WHERE case_id = $1 AND seq = 1', [c.id]);

    // Two 503s, then 204: three attempts, the retries spaced by BullMQ's exponential backoff (1 s, 2 s).
    const attempts = await eventually(async () => {
      const got = receiver.received.filter((r) => r.eventId === eventId);
      return got.length === 3 ? got : undefined;
    }, 30000);
    expect(attempts.map((a) => a.answered)).toEqual([503, 503, 204]);
    for (const a of attempts) {
      expect(verifyWebhook(secret, String(a.headers['x-zhifa-timestamp']), a.raw, String(a.headers['x-zhifa-signature']))).toBe(true);
      // Signed with another secret, or the body changed by a byte: it does not verify.
      expect(verifyWebhook('another-secret-0123456789', String(a.headers['x-zhifa-timestamp']), a.raw, String(a.headers['x-zhifa-signature']))).toBe(false);
      expect(verifyWebhook(secret, String(a.headers['x-zhifa-timestamp']), a.raw.replace('"seq":1', '"seq":2'), String(a.headers['x-zhifa-signature']))).toBe(false);
    }
    for (const leak of [party.idNumber, party.phone, party.address, 'idNumber', 'phone', 'address']) expect(attempts[2].raw).not.toContain(leak);
    expect(JSON.parse(attempts[2].raw)).toEqual({
      id: eventId,
      event: { type: 'LEAD_REGISTERED', seq: 1, occurredAt: expect.any(String) },
      case: { id: c.id, caseNumber: c.caseNumber },
      message: { zh: `${c.caseNumber}：案源已登记，待立案审批`, en: `${c.caseNumber}: lead registered, awaiting the filing decision` },
      link: { caseId: c.id, section: 'actions', path: `/console/cases/${c.id}#actions` },
    });

    const admin = await api.token('admin');
    const log = await eventually(async () => {
      const res = await http<{ items: WebhookDeliveryView[]; total: number }>(stack, 'GET', `/api/v1/admin/webhooks/deliveries?eventId=${encodeURIComponent(eventId)}`, { token: admin });
      return res.body.total === 3 ? res.body.items : undefined;
    });
    // Newest first.
    expect(log.map((d) => [d.attempt, d.ok, d.statusCode, d.error])).toEqual([
      [3, true, 204, null],
      [2, false, 503, 'HTTP 503'],
      [1, false, 503, 'HTTP 503'],
    ]);
    expect(log.every((d) => d.caseId === c.id && d.eventType === 'LEAD_REGISTERED')).toBe(true);

    // A retried job after the delivery sends nothing and logs nothing.
    const handler = stack.jobs!.get(WebhookDeliveryHandler);
    const [e] = await stack.ds.query('SELECT payload FROM case_events WHERE event_id = $1', [eventId]);
    const data = { eventId, caseId: c.id, seq: 1, type: 'LEAD_REGISTERED', payload: e.payload };
    expect(await handler.run({ id: jobIdFor(eventId, 'webhooks'), queue: 'webhooks', name: 'LEAD_REGISTERED', data, attempt: 4 })).toBe('ALREADY_DELIVERED');
    expect(receiver.received.filter((r) => r.eventId === eventId)).toHaveLength(3);
    const [{ n }] = await stack.ds.query('SELECT count(*)::int AS n FROM webhook_deliveries WHERE event_id = $1', [eventId]);
    expect(n).toBe(3);
  });

  it('delivers nothing once removed', async () => {
    const admin = await api.token('admin');
    const removed = await http<WebhookSettingsView>(stack, 'DELETE', '/api/v1/admin/webhooks', { token: admin });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ configured: false, secretSet: false });
    expect((await http<WebhookSettingsView>(stack, 'GET', '/api/v1/admin/webhooks', { token: admin })).body).toMatchObject({ configured: false, secretSet: false });
    const c = await api.register();
    const [{ event_id: eventId, payload }] = await stack.ds.query('SELECT event_id, payload FROM case_events WHERE case_id = $1 AND seq = 1', [c.id]);
    expect(await stack.jobs!.get(WebhookDeliveryHandler).handle({ eventId, caseId: c.id, seq: 1, type: 'LEAD_REGISTERED', payload })).toBe('NO_WEBHOOK');
    expect(receiver.received.filter((r) => r.eventId === eventId)).toHaveLength(0);
  });
});
