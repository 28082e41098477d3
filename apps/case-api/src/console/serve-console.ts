import { existsSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

export const CONSOLE_PATH = '/console';

/**
 * Serves the console's production build (apps/console, built by Vite into
 * `dir`) at /console with Express's static files, and index.html for every
 * other GET under /console so the single-page app's own routes load on a
 * reload. Hashed bundles are cached for good; index.html never is. Without a
 * build nothing is mounted and /console is the API's ordinary 404.
 * Scripts, styles and the page go out brotli- or gzip-compressed when the
 * browser accepts it, from the .br/.gz files the build wrote beside them.
 * Returns whether the build was found.
 */
export function serveConsole(app: NestExpressApplication, dir: string): boolean {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  const assets = join(root, 'assets');
  app.use(`${CONSOLE_PATH}/assets`, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = resolve(assets, `.${decodeURIComponent(req.path)}`);
    if (!file.startsWith(`${assets}${sep}`) || !sendCompressed(req, res, file, 'public, max-age=31536000, immutable')) next();
  });
  app.useStaticAssets(root, {
    prefix: `${CONSOLE_PATH}/`,
    // /console/ itself falls through to the page below, compressed like every other address.
    index: false,
    setHeaders: (res, path) => {
      res.setHeader('cache-control', path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use(CONSOLE_PATH, (req: Request, res: Response, next: NextFunction) => {
    // A missing bundle is a 404, not the page: the browser would run HTML as script.
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/assets/')) return next();
    if (req.originalUrl === CONSOLE_PATH) return res.redirect(301, `${CONSOLE_PATH}/`);
    if (!sendCompressed(req, res, index, 'no-cache')) {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(index);
    }
  });
  return true;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/** Sends `file`'s precompressed twin if the browser accepts it and the build wrote one; false when it did not send. */
function sendCompressed(req: Request, res: Response, file: string, cacheControl: string): boolean {
  const type = TYPES[extname(file)];
  if (!type) return false;
  const encoding = req.acceptsEncodings('br', 'gzip');
  const suffix = encoding === 'br' ? '.br' : encoding === 'gzip' ? '.gz' : undefined;
  if (!suffix || !existsSync(file + suffix)) return false;
  res.setHeader('content-type', type);
  res.setHeader('content-encoding', encoding as string);
  res.setHeader('vary', 'Accept-Encoding');
  res.setHeader('cache-control', cacheControl);
  res.sendFile(file + suffix);
  return true;
}
