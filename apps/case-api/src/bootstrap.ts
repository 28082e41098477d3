import type { LoggerService } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig, createLogger } from '@zhifa/config';
import { ApiModule } from './api.module';
import { serveConsole } from './console/serve-console';
import { JOB_BOARD_PATH, JobBoard } from './job-board/job-board.service';
import { validationPipe } from './common/validation';
import { refuseUnstorableText } from './common/storable-text';
import { requestLog } from './common/request-log.middleware';
import { tracingMiddleware } from './common/tracing.middleware';
import { APP_TRACING, type AppTracing } from '@zhifa/tracing';
import { httpMetrics, installMetricsEndpoint } from './metrics/http-metrics';
import { applyRouting, createOpenApiDocument, OPENAPI_JSON_PATH } from './openapi/openapi-document';

/** Builds the HTTP app; used by main.ts and by the e2e tests alike. */
export async function createApiApp(cfg: AppConfig, logger: LoggerService = createLogger(cfg)): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(cfg), { logger });
  // First of all middleware, so every request (a 404, a refused token, a static file) is logged and timed once, with its id.
  app.use(requestLog(logger, httpMetrics(app)));
  // With tracing on (TRACING, OTEL_EXPORTER_OTLP_ENDPOINT), a span per request around everything after the log.
  const tracing = app.get<AppTracing | null>(APP_TRACING);
  if (tracing) app.use(tracingMiddleware(tracing));
  // Text evidence and minutes can be long; files go through multipart streaming instead.
  app.useBodyParser('json', { limit: '2mb' });
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
  return app;
}
