import { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig, nestLogLevels } from '@zhifa/config';
import { ApiModule } from './api.module';
import { serveConsole } from './console/serve-console';
import { validationPipe } from './common/validation';
import { installHttpMetrics } from './metrics/http-metrics';
import { applyRouting, createOpenApiDocument, OPENAPI_JSON_PATH } from './openapi/openapi-document';

/** Builds the HTTP app; used by main.ts and by the e2e tests alike. */
export async function createApiApp(cfg: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(cfg), { logger: nestLogLevels(cfg.logLevel) });
  // Text evidence and minutes can be long; files go through multipart streaming instead.
  app.useBodyParser('json', { limit: '2mb' });
  installHttpMetrics(app, cfg);
  applyRouting(app);
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();

  // The web console (apps/console), when its production build exists.
  serveConsole(app, cfg.consoleDir);
  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: OPENAPI_JSON_PATH });
  return app;
}
