import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '@zhifa/config';
import { AppMetrics, answerScrape, secondsSince } from '@zhifa/metrics';
import { ApiMetrics, type CommandOutcome } from './api-metrics';
import { pathOf, routePattern } from '../common/request-log.middleware';

/** Where Prometheus scrapes case-api: outside /api/v1 and outside authentication (METRICS_TOKEN, when set, guards it). */
export const METRICS_PATH = '/metrics';

/**
 * Installs GET /metrics and the request timing on the express app, ahead of
 * Nest's routes (call before the app is initialised). A request is timed from
 * its arrival to the end of its response and labelled by the route pattern it
 * matched; a command route's request also counts in zhifa_commands_total with
 * the problem code it was refused with.
 */
export function installHttpMetrics(app: NestExpressApplication, cfg: AppConfig): void {
  const metrics = app.get(AppMetrics);
  const { requests, commands } = app.get(ApiMetrics);
  const express = app.getHttpAdapter().getInstance() as { get(path: string, h: (req: Request, res: Response) => void): void };

  app.use((req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      const status = res.statusCode;
      requests.observe({ method: req.method, route: routeOf(req), status: String(status) }, secondsSince(start));
      const action = res.locals.commandAction as string | undefined;
      if (action) {
        const outcome: CommandOutcome = status < 400 ? 'accepted' : status < 500 ? 'refused' : 'error';
        commands.inc({ action, outcome, code: outcome === 'accepted' ? '' : ((res.locals.problemCode as string | undefined) ?? `HTTP.${status}`) });
      }
    });
    next();
  });
  express.get(METRICS_PATH, (req, res) => void answerScrape(metrics, cfg.metrics.token, req, res));
}

/** The matched route's pattern (`/api/v1/cases/:id/filing`); requests no route matched (404s, console files) share one label. */
function routeOf(req: Request): string {
  return routePattern(req) ?? (pathOf(req).startsWith('/console') ? '/console/*' : 'unmatched');
}
