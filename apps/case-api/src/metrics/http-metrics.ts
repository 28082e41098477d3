import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import type { AppConfig } from '@zhifa/config';
import { AppMetrics, answerScrape } from '@zhifa/metrics';
import { ApiMetrics, type CommandOutcome } from './api-metrics';
import { pathOf, routePattern, type ResponseObserver } from '../common/request-log.middleware';

/** Where Prometheus scrapes case-api: outside /api/v1 and outside authentication (METRICS_TOKEN, when set, guards it). */
export const METRICS_PATH = '/metrics';

/**
 * The request timing, for the request log to call (it holds the one clock of
 * a request): each response sent in full is labelled by the route pattern it
 * matched; a command route's request also counts in zhifa_commands_total with
 * the problem code it was refused with.
 */
export function httpMetrics(app: NestExpressApplication): ResponseObserver {
  const { requests, commands } = app.get(ApiMetrics);
  return (req, res, seconds) => {
    const status = res.statusCode;
    requests.observe({ method: req.method, route: routeOf(req), status: String(status) }, seconds);
    const action = res.locals.commandAction as string | undefined;
    if (action) {
      const outcome: CommandOutcome = status < 400 ? 'accepted' : status < 500 ? 'refused' : 'error';
      commands.inc({ action, outcome, code: outcome === 'accepted' ? '' : ((res.locals.problemCode as string | undefined) ?? `HTTP.${status}`) });
    }
  };
}

/** GET /metrics on the express app, ahead of Nest's routes (call before the app is initialised). */
export function installMetricsEndpoint(app: NestExpressApplication, cfg: AppConfig): void {
  const metrics = app.get(AppMetrics);
  const express = app.getHttpAdapter().getInstance() as { get(path: string, h: (req: Request, res: Response) => void): void };
  express.get(METRICS_PATH, (req, res) => void answerScrape(metrics, cfg.metrics.token, req, res));
}

/** The matched route's pattern (`/api/v1/cases/:id/filing`); requests no route matched (404s, console files) share one label. */
function routeOf(req: Request): string {
  return routePattern(req) ?? (pathOf(req).startsWith('/console') ? '/console/*' : 'unmatched');
}
