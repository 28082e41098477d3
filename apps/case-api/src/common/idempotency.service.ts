import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { canonicalJson } from '@zhifa/domain';
import { IdempotencyRepository } from '@zhifa/persistence';
import { fieldProblem, ProblemException } from './problem';

export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * Idempotency-Key for commands: the first result is stored and replayed for
 * a repeat with the same key and body; the same key with another body is 422.
 * A repeat that arrives while the first attempt runs waits for its answer
 * (up to WAIT_MS, then 409 IDEMPOTENCY.IN_PROGRESS), so concurrent repeats
 * all hear the same answer. A failed first attempt releases its key (a
 * rejected command recorded nothing) and a waiting repeat runs it again;
 * one whose attempt never finished (the process died, or the database went
 * away before the key could be completed or released) is taken over after
 * STALE_MS. Temporal de-duplicates the Update by the same key in between.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly keys: IdempotencyRepository) {}

  /** How long a repeat waits for the first attempt of its key before it answers 409 IDEMPOTENCY.IN_PROGRESS. */
  static readonly WAIT_MS = 15_000;
  static readonly POLL_MS = 50;
  /** A claim PENDING for this long is presumed abandoned (its process died, or the database failed it) and may be taken over. */
  static readonly STALE_MS = 10_000;

  static validKey(key: string): boolean {
    return /^[A-Za-z0-9_\-:.]{8,200}$/.test(key);
  }

  async run(
    scope: { userId: string; key: string; method: string; path: string; body: unknown },
    execute: () => Promise<StoredResponse>,
  ): Promise<StoredResponse & { replayed: boolean }> {
    if (!IdempotencyService.validKey(scope.key)) {
      throw new ProblemException(
        400,
        'IDEMPOTENCY.KEY_INVALID',
        { en: 'Idempotency-Key must be 8-200 characters of A-Z a-z 0-9 _ - : .', zh: 'Idempotency-Key 须为8至200个字符，只能包含 A-Z a-z 0-9 _ - : .' },
        { errors: [fieldProblem('Idempotency-Key', { en: 'must be 8-200 characters of A-Z a-z 0-9 _ - : .', zh: '须为8至200个字符，只能包含 A-Z a-z 0-9 _ - : .' })] },
      );
    }
    // The body as it goes over the wire (a validated DTO is a class instance, its dates Dates): JSON, then hashed canonically.
    const body: unknown = JSON.parse(JSON.stringify(scope.body ?? null));
    const requestHash = createHash('sha256')
      .update(canonicalJson({ method: scope.method, path: scope.path, body }))
      .digest('hex');
    const { userId, key } = scope;
    const claim = { userId, key, method: scope.method, path: scope.path, requestHash };
    const deadline = Date.now() + IdempotencyService.WAIT_MS;
    // A repeat waits for the first attempt's answer and replays it, so callers that send one key at the same time all
    // hear the same answer; a first attempt that failed released the key, and the next waiting repeat runs instead.
    while (!(await this.keys.claim(claim))) {
      // A claim left PENDING by an attempt that never finished is taken over: running the command again is safe, its
      // Update id is the key, so Temporal answers the first run's outcome instead of recording it twice.
      if (await this.keys.takeOver(claim, IdempotencyService.STALE_MS)) break;
      const prior = await this.keys.find(userId, key);
      if (prior && prior.requestHash !== requestHash) {
        throw new ProblemException(422, 'IDEMPOTENCY.KEY_REUSED', {
          en: 'This Idempotency-Key was already used with a different request',
          zh: '该 Idempotency-Key 已用于另一个不同的请求',
        });
      }
      if (prior?.status === 'DONE') return { status: prior.responseStatus, body: prior.responseBody, replayed: true };
      if (Date.now() > deadline) {
        throw new ProblemException(409, 'IDEMPOTENCY.IN_PROGRESS', {
          en: 'A request with this Idempotency-Key is still being processed; retry shortly',
          zh: '使用该 Idempotency-Key 的请求仍在处理中，请稍后重试',
        });
      }
      if (prior) await new Promise((resolve) => setTimeout(resolve, IdempotencyService.POLL_MS));
    }

    try {
      const result = await execute();
      await this.keys.complete(userId, key, result);
      return { ...result, replayed: false };
    } catch (err) {
      await this.keys.release(userId, key);
      throw err;
    }
  }
}
