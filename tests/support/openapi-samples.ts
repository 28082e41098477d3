import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { routePattern } from '../../apps/case-api/src/common/request-log.middleware';

/**
 * One exchange the API answered with success, as `npm run openapi:examples`
 * reads it: the operation (OpenAPI path template), the JSON sent and the
 * JSON answered.
 */
export interface OpenApiSample {
  operation: string;
  status: number;
  request?: unknown;
  response?: unknown;
}

/** Where the e2e run writes its samples when ZHIFA_OPENAPI_SAMPLES names a directory (else nothing is recorded). */
export const SAMPLES_DIR_ENV = 'ZHIFA_OPENAPI_SAMPLES';

/**
 * Records every successful JSON exchange of the app into `<dir>/<pid>.jsonl`:
 * the operation's examples in the OpenAPI document are taken from what the
 * tests really sent and received, not typed by hand. Install before the app
 * is initialised (express runs middleware in the order it was added).
 */
export function recordOpenApiSamples(app: INestApplication, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${process.pid}.jsonl`);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const send = res.send.bind(res);
    let answered: unknown;
    res.send = (body?: unknown) => {
      if (answered === undefined) answered = body;
      return send(body);
    };
    res.once('finish', () => {
      const route = routePattern(req);
      if (!route || res.statusCode >= 300 || !/json/.test(String(res.getHeader('content-type') ?? ''))) return;
      const sample: OpenApiSample = {
        operation: `${req.method} ${route.replace(/:(\w+)/g, '{$1}')}`,
        status: res.statusCode,
        ...(isJsonBody(req) ? { request: req.body } : {}),
        ...(typeof answered === 'string' && answered ? { response: JSON.parse(answered) } : {}),
      };
      appendFileSync(file, `${JSON.stringify(sample)}\n`);
    });
    next();
  });
}

function isJsonBody(req: Request): boolean {
  return /json/.test(req.headers['content-type'] ?? '') && req.body !== undefined && typeof req.body === 'object';
}
