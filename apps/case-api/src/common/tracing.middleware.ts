import type { NextFunction, Request, Response } from 'express';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { AppTracing } from '@zhifa/tracing';
import { REQUEST_ID_HEADER } from './request-context';
import { pathOf, routePattern } from './request-log.middleware';

/**
 * One server span per request, named by its route pattern once routing has
 * matched (`POST /api/v1/cases/:id/commands`), never the raw URL (ids would
 * make every span name unique). A caller's `traceparent` becomes its parent.
 * The handler runs inside the span's context, so the Temporal client
 * interceptor's Update span is its child. Only installed with tracing on.
 */
export function tracingMiddleware(tracing: AppTracing) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracing.tracer.startSpan(
      `${req.method}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': pathOf(req) } },
      parent,
    );
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      const route = routePattern(req);
      if (route) span.setAttribute('http.route', route);
      span.updateName(`${req.method} ${route ?? ''}`.trim());
      span.setAttribute('http.response.status_code', res.statusCode);
      const requestId = res.getHeader(REQUEST_ID_HEADER);
      if (typeof requestId === 'string') span.setAttribute('zhifa.request_id', requestId);
      // Semantic conventions: a server span is an error for 5xx only; a 4xx is the client's.
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      if (!res.writableFinished) span.setAttribute('zhifa.aborted', true);
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    context.with(trace.setSpan(parent, span), next);
  };
}
