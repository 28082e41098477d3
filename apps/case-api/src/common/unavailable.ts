import { isGrpcServiceError, ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ProblemException } from './problem';

/** gRPC status codes of a Temporal server that is down or did not answer in time (UNAVAILABLE, DEADLINE_EXCEEDED). */
const TEMPORAL_DOWN = new Set([14, 4]);
/** gRPC RESOURCE_EXHAUSTED: the server's limit of Updates in flight on one workflow (history.maxInFlightUpdates, 10), among others. */
const RESOURCE_EXHAUSTED = 8;
/** gRPC FAILED_PRECONDITION: the one the server's limit of Updates per run (history.maxTotalUpdates, 2,000) answers with … */
const FAILED_PRECONDITION = 9;
/** … when its message says so (FAILED_PRECONDITION means other things too). */
const TOTAL_UPDATES_LIMIT = /limit on the total number of distinct updates/i;
const BUSY_RETRY_AFTER_SECONDS = 1;
/** A Postgres connection refused, reset or ended by a server shutting down (SQLSTATE class 08, 57P01–57P03). */
const DATABASE_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03']);
const DATABASE_DOWN_MESSAGE = /Connection terminated|terminating connection|the database system is (starting up|shutting down)|timeout exceeded when trying to connect/i;

/**
 * A service the request needed did not answer: the workflow service
 * (Temporal) or the database. The answer is a 503 problem the caller can act
 * on, not a 500: the outcome of a command is then unknown, and repeating it
 * with the same Idempotency-Key is safe (its Update id is the key).
 */
export function unavailableProblem(err: unknown): ProblemException | null {
  if (temporalDown(err)) {
    return new ProblemException(503, 'TEMPORAL.UNAVAILABLE', {
      en: 'The workflow service did not answer; whether the command took effect is unknown: repeat it with the same Idempotency-Key shortly',
      zh: '工作流服务暂时无法连接，操作是否生效未知：请稍后使用相同的 Idempotency-Key 重试',
    });
  }
  if (databaseDown(err)) {
    return new ProblemException(503, 'DATABASE.UNAVAILABLE', {
      en: 'The database did not answer; repeat the request shortly (a command with the same Idempotency-Key)',
      zh: '数据库暂时无法连接，请稍后重试（操作请使用相同的 Idempotency-Key）',
    });
  }
  return null;
}

/**
 * The Temporal server refused the command for the case's load, not for its
 * content: too many Updates in flight on its workflow (after the client's own
 * retries), or the run's total of Updates reached before its continue-as-new
 * (the workflow continues as new once its queue drains, so a repeat shortly
 * after is taken). 429 CASE.BUSY with Retry-After, never a 500. Nothing was
 * recorded, unless the server had dropped this Update while a worker was
 * recording it (a failed workflow task): a repeat under the same
 * Idempotency-Key is then answered with that record, never recorded twice.
 * docs/architecture.md, "Temporal's limits".
 */
export function caseBusy(err: unknown): ProblemException | null {
  const grpc = isGrpcServiceError(err) ? err : err instanceof Error && isGrpcServiceError(err.cause) ? err.cause : undefined;
  const busy = grpc?.code === RESOURCE_EXHAUSTED || (grpc?.code === FAILED_PRECONDITION && TOTAL_UPDATES_LIMIT.test(grpc.details ?? grpc.message));
  if (!busy) return null;
  const problem = new ProblemException(429, 'CASE.BUSY', {
    en: 'The case is taking more commands at once than it accepts; this one was not taken: send it again shortly with the same Idempotency-Key',
    zh: '该案件同时提交的操作过多，本次操作未被受理，请稍后使用相同的 Idempotency-Key 重新提交',
  });
  problem.retryAfter = BUSY_RETRY_AFTER_SECONDS;
  return problem;
}

function temporalDown(err: unknown): boolean {
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  if (!(err instanceof ServiceError)) return false;
  const code = (err.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' && TEMPORAL_DOWN.has(code);
}

function databaseDown(err: unknown): boolean {
  // TypeORM wraps the driver's error (QueryFailedError.driverError); a pool that cannot connect throws it bare.
  // Duck-typed: an error of Node's own sockets need not be an `instanceof Error` of this realm.
  let e = err as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 3; depth++) {
    if (typeof e.code === 'string' && (DATABASE_DOWN_CODES.has(e.code) || e.code.startsWith('08'))) return true;
    if (typeof e.message === 'string' && DATABASE_DOWN_MESSAGE.test(e.message)) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}
