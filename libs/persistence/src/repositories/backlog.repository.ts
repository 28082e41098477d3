import { DataSource } from 'typeorm';

/** What waits or is wrong right now, in a few cheap queries: for the metrics scraped from case-api. */
export interface Backlog {
  /** Outbox rows not yet relayed to the queues. */
  outboxPending: number;
  /** Age in seconds of the oldest of them; 0 when none waits. */
  outboxOldestSeconds: number;
  /** Cases the last reconciliation found stuck, by cause. */
  stuckCases: Record<string, number>;
  /** Alerts no one has acknowledged, by kind. */
  openAlerts: Record<string, number>;
}

export class BacklogRepository {
  constructor(private readonly ds: DataSource) {}

  async read(): Promise<Backlog> {
    // The outbox query runs on the partial index of pending rows; stuck_cases and the open alerts are small.
    const [[outbox], stuck, alerts] = await Promise.all([
      this.ds.query(
        `SELECT count(*)::int AS n, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age FROM outbox WHERE dispatched_at IS NULL`,
      ) as Promise<{ n: number; age: number }[]>,
      this.ds.query(`SELECT cause AS key, count(*)::int AS n FROM stuck_cases GROUP BY cause`) as Promise<{ key: string; n: number }[]>,
      this.ds.query(`SELECT kind AS key, count(*)::int AS n FROM alerts WHERE acknowledged_at IS NULL GROUP BY kind`) as Promise<{ key: string; n: number }[]>,
    ]);
    const byKey = (rows: { key: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.n]));
    return { outboxPending: outbox.n, outboxOldestSeconds: Math.max(0, outbox.age), stuckCases: byKey(stuck), openAlerts: byKey(alerts) };
  }
}
