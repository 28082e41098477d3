import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What one request's log line says besides its HTTP facts: filled in as the request learns it. */
export interface RequestContext {
  requestId: string;
  /** The case the request acted on, once known (a registration learns it mid-way). */
  caseId?: string;
  /** The workflow the request sent an Update to. */
  workflowId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` (the rest of the request's handling) with `ctx` as the current request. */
export function runInRequest<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

/** The request being handled, if any (none in a job, a test calling a service directly, or start-up). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A caller's id is kept if it is a short token of safe characters (it goes into logs and headers as is). */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The caller's `X-Request-Id` when it is sane, else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}
