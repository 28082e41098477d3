import { DataSource } from 'typeorm';
import { IdempotencyKeyEntity } from '../entities';

export interface IdempotencyClaim {
  userId: string;
  key: string;
  method: string;
  path: string;
  /** sha256 of the request, to tell a repeat from a different request under the same key. */
  requestHash: string;
}

export type IdempotencyRecord =
  | { status: 'PENDING'; requestHash: string }
  | { status: 'DONE'; requestHash: string; responseStatus: number; responseBody: unknown };

/** Idempotency keys of commands: claimed before the command runs, completed or released after. */
export class IdempotencyRepository {
  constructor(private readonly ds: DataSource) {}

  /** Claims the key; false when this user already holds it (a repeat, or a request still running). */
  async claim(c: IdempotencyClaim): Promise<boolean> {
    const res = await this.ds
      .getRepository(IdempotencyKeyEntity)
      .createQueryBuilder()
      .insert()
      .values({ userId: c.userId, key: c.key, method: c.method, path: c.path, requestHash: c.requestHash, status: 'PENDING' })
      .orIgnore()
      .returning(['key'])
      .execute();
    return (res.raw as unknown[]).length > 0;
  }

  /**
   * Takes over a claim whose attempt has held it PENDING for longer than
   * `staleMs` (its process died, or the database went away before it could
   * complete or release the key): one caller at a time wins, and the claim's
   * clock restarts. False while the claim is younger, done, or another request's.
   */
  async takeOver(c: IdempotencyClaim, staleMs: number): Promise<boolean> {
    const rows = (await this.ds.query(
      `UPDATE idempotency_keys SET created_at = now()
        WHERE user_id = $1 AND key = $2 AND request_hash = $3 AND status = 'PENDING' AND created_at < now() - make_interval(secs => $4)
        RETURNING key`,
      [c.userId, c.key, c.requestHash, staleMs / 1000],
    )) as [unknown[], number] | unknown[];
    // pg answers an UPDATE … RETURNING through TypeORM as [rows, count].
    const returned = Array.isArray(rows[0]) ? (rows[0] as unknown[]) : rows;
    return returned.length > 0;
  }

  async find(userId: string, key: string): Promise<IdempotencyRecord | null> {
    const row = await this.ds.getRepository(IdempotencyKeyEntity).findOneBy({ userId, key });
    if (!row) return null;
    if (row.status === 'PENDING') return { status: 'PENDING', requestHash: row.requestHash };
    return { status: 'DONE', requestHash: row.requestHash, responseStatus: row.responseStatus ?? 200, responseBody: row.responseBody };
  }

  /** Stores the first answer, to be replayed for repeats. */
  async complete(userId: string, key: string, response: { status: number; body: unknown }): Promise<void> {
    await this.ds
      .getRepository(IdempotencyKeyEntity)
      .update({ userId, key }, { status: 'DONE', responseStatus: response.status, responseBody: response.body as object });
  }

  /** Frees the key after a failed first attempt, which recorded nothing. */
  async release(userId: string, key: string): Promise<void> {
    await this.ds.getRepository(IdempotencyKeyEntity).delete({ userId, key });
  }
}
