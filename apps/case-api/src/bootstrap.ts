import { HttpException, type LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig, createLogger } from '@zhifa/config';
import { ApiModule } from './api.module';
import { serveConsole } from './console/serve-console';
import { JOB_BOARD_PATH, JobBoard } from './job-board/job-board.service';
import { validationPipe } from './common/validation';
import { refuseUnstorableText } from './common/storable-text';
import { JSON_BODY_LIMIT, refuseDeclaredOversize } from './common/body-limit';
import { sendProblem } from './common/problem.filter';
import { ProblemException } from './common/problem';
import { requestLog } from './common/request-log.middleware';
import { tracingMiddleware } from './common/tracing.middleware';
import { APP_TRACING, type AppTracing } from '@zhifa/tracing';
import { httpMetrics, installMetricsEndpoint } from './metrics/http-metrics';
import { applyRouting, createOpenApiDocument, OPENAPI_JSON_PATH } from './openapi/openapi-document';

/**
 * Builds the HTTP app, initialised (its routes mounted); used by main.ts and by the e2e tests alike.
 * `middleware` adds the caller's own before the routes (the tests' OpenAPI sample recorder).
 */
export async function createApiApp(
  cfg: AppConfig,
  logger: LoggerService = createLogger(cfg),
  middleware?: (app: NestExpressApplication) => void,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(cfg), { logger });
  // First of all middleware, so every request (a 404, a refused token, a static file) is logged and timed once, with its id.
  app.use(requestLog(logger, httpMetrics(app)));
  // With tracing on (TRACING, OTEL_EXPORTER_OTLP_ENDPOINT), a span per request around everything after the log.
  const tracing = app.get<AppTracing | null>(APP_TRACING);
  if (tracing) app.use(tracingMiddleware(tracing));
  // Text evidence and minutes can be long; files go through multipart streaming instead. A body declared larger is
  // answered at once (the parser would read it all before answering); one that grows past it, once it has.
  app.use(refuseDeclaredOversize(JSON_BODY_LIMIT));
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  // NUL and unpaired surrogates parse as JSON but cannot be stored: refused before any route reads them.
  app.use(refuseUnstorableText);
  installMetricsEndpoint(app, cfg);
  applyRouting(app);
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();

  // The web console (apps/console), when its production build exists.
  serveConsole(app, cfg.consoleDir);
  // 任务队列看板 (bull-board), read-only, for supervisors and administrators.
  app.use(JOB_BOARD_PATH, ...app.get(JobBoard).handler());
  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: OPENAPI_JSON_PATH });
  middleware?.(app);
  await app.init();
  // Nest answers unknown routes and errors under its global prefix only: outside it (/foo, a path whose `..` left
  // /api/v1) Express would answer an HTML page. Mounted after the routes, so only what nothing else took.
  app.use((req: Request, res: Response) => void sendProblem(req, res, new ProblemException(404, 'ROUTE.NOT_FOUND', { en: `Cannot ${req.method} ${req.path}`, zh: '没有该接口' })));
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (err as { status?: unknown } | null)?.status;
    void sendProblem(req, res, typeof status === 'number' && status >= 400 && status < 500 ? new HttpException((err as Error).message, status) : err);
  });
  return app;
}
