import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canonicalJson } from '@zhifa/domain';
import { IdempotencyKeyEntity } from '@zhifa/persistence';
import { ProblemException } from './problem';

export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * Idempotency-Key for commands: the first result is stored and replayed for
 * a repeat with the same key and body; the same key with another body is 422.
 * A failed first attempt releases its key (a rejected command recorded
 * nothing); Temporal de-duplicates the Update by the same key in between.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  static validKey(key: string): boolean {
    return /^[A-Za-z0-9_\-:.]{8,200}$/.test(key);
  }

  async run(
    scope: { userId: string; key: string; method: string; path: string; body: unknown },
    execute: () => Promise<StoredResponse>,
  ): Promise<StoredResponse & { replayed: boolean }> {
    if (!IdempotencyService.validKey(scope.key)) {
      throw new ProblemException(400, 'IDEMPOTENCY.KEY_INVALID', 'Idempotency-Key must be 8-200 characters of A-Z a-z 0-9 _ - : .', {
        errors: [{ field: 'Idempotency-Key', message: 'must be 8-200 characters of A-Z a-z 0-9 _ - : .' }],
      });
    }
    const requestHash = createHash('sha256')
      .update(canonicalJson({ method: scope.method, path: scope.path, body: scope.body ?? null }))
      .digest('hex');
    const repo = this.ds.getRepository(IdempotencyKeyEntity);
    const claimed = await repo
      .createQueryBuilder()
      .insert()
      .values({ userId: scope.userId, key: scope.key, method: scope.method, path: scope.path, requestHash, status: 'PENDING' })
      .orIgnore()
      .returning(['key'])
      .execute();

    if (claimed.raw.length === 0) {
      const prior = await repo.findOneByOrFail({ userId: scope.userId, key: scope.key });
      if (prior.requestHash !== requestHash) {
        throw new ProblemException(422, 'IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was already used with a different request');
      }
      if (prior.status === 'PENDING') {
        throw new ProblemException(409, 'IDEMPOTENCY.IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry shortly');
      }
      return { status: prior.responseStatus ?? 200, body: prior.responseBody, replayed: true };
    }

    try {
      const result = await execute();
      await repo.update(
        { userId: scope.userId, key: scope.key },
        { status: 'DONE', responseStatus: result.status, responseBody: result.body as object },
      );
      return { ...result, replayed: false };
    } catch (err) {
      await repo.delete({ userId: scope.userId, key: scope.key });
      throw err;
    }
  }
}
