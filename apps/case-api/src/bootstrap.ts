import { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, nestLogLevels } from '@zhifa/config';
import { ApiModule } from './api.module';
import { validationPipe } from './common/validation';

export const API_PREFIX = 'api/v1';

/** Builds the HTTP app; used by main.ts and by the e2e tests alike. */
export async function createApiApp(cfg: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(cfg), { logger: nestLogLevels(cfg.logLevel) });
  // Text evidence and minutes can be long; files go through multipart streaming instead.
  app.useBodyParser('json', { limit: '2mb' });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'ready'] });
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();

  const doc = new DocumentBuilder()
    .setTitle('zhifa case API')
    .setDescription('Administrative enforcement cases: commands, reads, supervision. Errors are application/problem+json.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
