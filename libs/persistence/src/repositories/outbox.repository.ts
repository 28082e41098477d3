import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { JsonDoc } from '../entities/json';

export interface OutboxMessage {
  id: string;
  eventId: string;
  topic: string;
  payload: JsonDoc;
}

/** The channel a trigger on `outbox` notifies, at commit, when rows are inserted. */
export const OUTBOX_CHANNEL = 'zhifa_outbox';

/** A LISTEN on the outbox channel; `close` ends it. */
export interface OutboxListener {
  close(): Promise<void>;
}

/** Outbox rows written in the events' transactions, waiting to be sent on. */
export class OutboxRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Hands up to `limit` pending rows to `send` in one batch, oldest first, and
   * marks them dispatched in the same transaction. Rows another relay holds
   * are skipped; if `send` throws, none of the batch is marked and all are
   * offered again.
   */
  async dispatch(limit: number, send: (messages: OutboxMessage[]) => Promise<void>): Promise<number> {
    return this.ds.transaction(async (m) => {
      const rows: { id: string; event_id: string; topic: string; payload: JsonDoc }[] = await m.query(
        `SELECT id, event_id, topic, payload FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (!rows.length) return 0;
      await send(rows.map((r) => ({ id: r.id, eventId: r.event_id, topic: r.topic, payload: r.payload })));
      await m.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  /** How many rows wait to be sent on. */
  async pending(): Promise<number> {
    const [{ n }]: { n: number }[] = await this.ds.query(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`);
    return n;
  }

  /**
   * Calls `wake` whenever a transaction that wrote outbox rows commits, on a
   * connection of its own (a pooled one would lose the LISTEN). `lost` is
   * called once if that connection breaks; the caller listens again.
   */
  async listen(wake: () => void, lost: (err: Error) => void): Promise<OutboxListener> {
    const url = (this.ds.options as { url?: string }).url;
    const client = new Client({ connectionString: url, application_name: 'zhifa-outbox-listener' });
    let closing = false;
    let reported = false;
    const fail = (err: Error) => {
      if (closing || reported) return;
      reported = true;
      lost(err);
    };
    client.on('notification', (n) => {
      if (n.channel === OUTBOX_CHANNEL) wake();
    });
    client.on('error', fail);
    client.on('end', () => fail(new Error('outbox listener connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (err) {
      closing = true;
      await client.end().catch(() => undefined);
      throw err;
    }
    return {
      close: async () => {
        closing = true;
        await client.end().catch(() => undefined);
      },
    };
  }
}
