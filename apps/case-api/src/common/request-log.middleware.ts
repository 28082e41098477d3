import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { REQUEST_ID_HEADER, requestIdFrom, runInRequest, type RequestContext } from './request-context';

/**
 * The matched route's pattern (`/api/v1/cases/:id/filing`), never the raw URL;
 * absent when no route matched — including Nest's own catch-all under the
 * global prefix (`/api/v1*path`), which only answers 404.
 */
export function routePattern(req: Request): string | undefined {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  if (typeof route?.path !== 'string' || route.path.includes('*')) return undefined;
  return `${req.baseUrl ?? ''}${route.path}`;
}

/** The path as the client sent it, without its query (req.path is relative to a router's mount point). */
export function pathOf(req: Request): string {
  return req.originalUrl.split('?')[0];
}

/** The case a route names: `:caseId`, or the `:id` of a `/cases/:id…` route. */
function caseIdOf(req: Request, route: string | undefined): string | undefined {
  const params = (req.params ?? {}) as Record<string, string | undefined>;
  if (params.caseId) return params.caseId;
  return route && /\/cases\/:id(\/|$)/.test(route) ? params.id : undefined;
}

/** Told of each response sent in full, with its duration in seconds (HTTP metrics). */
export type ResponseObserver = (req: Request, res: Response, seconds: number) => void;

/**
 * Gives each request its id (the caller's `X-Request-Id` if sane, else a
 * new one, echoed in the response) and logs it once when the response has
 * been sent or the connection dropped: method, route pattern, status,
 * duration, request id, and the case and workflow it touched. The one clock
 * of a request: `observers` hear of each response sent in full with the
 * same duration.
 */
export function requestLog(logger: LoggerService, ...observers: ResponseObserver[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const ctx: RequestContext = { requestId: requestIdFrom(req.headers[REQUEST_ID_HEADER.toLowerCase()]) };
    res.setHeader(REQUEST_ID_HEADER, ctx.requestId);
    let logged = false;
    const done = (): void => {
      if (logged) return;
      logged = true;
      const route = routePattern(req);
      const caseId = ctx.caseId ?? caseIdOf(req, route);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const durationMs = Math.round(seconds * 1e4) / 10;
      // A response cut short (the client went away) is logged with the status it would have had, and says so.
      const aborted = !res.writableFinished;
      if (!aborted) for (const observe of observers) observe(req, res, seconds);
      logger.log(
        {
          message: `${req.method} ${route ?? pathOf(req)} ${res.statusCode} ${durationMs}ms`,
          method: req.method,
          ...(route ? { route } : { path: pathOf(req) }),
          status: res.statusCode,
          durationMs,
          requestId: ctx.requestId,
          ...(caseId ? { caseId } : {}),
          ...(ctx.workflowId ? { workflowId: ctx.workflowId } : {}),
          ...(aborted ? { aborted: true } : {}),
        },
        'Http',
      );
    };
    res.once('finish', done);
    res.once('close', done);
    runInRequest(ctx, next);
  };
}
