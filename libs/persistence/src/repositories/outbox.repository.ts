import { DataSource } from 'typeorm';
import type { JsonDoc } from '../entities/json';

export interface OutboxMessage {
  id: string;
  eventId: string;
  topic: string;
  payload: JsonDoc;
}

/** Outbox rows written in the events' transactions, waiting to be sent on. */
export class OutboxRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Hands up to `limit` pending rows to `send`, oldest first, and marks them
   * dispatched in the same transaction. Rows another relay holds are skipped;
   * if `send` throws, none of the batch is marked and all are offered again.
   */
  async dispatch(limit: number, send: (message: OutboxMessage) => Promise<void>): Promise<number> {
    return this.ds.transaction(async (m) => {
      const rows: { id: string; event_id: string; topic: string; payload: JsonDoc }[] = await m.query(
        `SELECT id, event_id, topic, payload FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      for (const r of rows) await send({ id: r.id, eventId: r.event_id, topic: r.topic, payload: r.payload });
      if (rows.length) {
        await m.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      }
      return rows.length;
    });
  }
}
