import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

export const CONSOLE_PATH = '/console';

/**
 * Serves the console's production build (apps/console, built by Vite into
 * `dir`) at /console with Express's static files, and index.html for every
 * other GET under /console so the single-page app's own routes load on a
 * reload. Hashed bundles are cached for good; index.html never is. Without a
 * build nothing is mounted and /console is the API's ordinary 404.
 * Returns whether the build was found.
 */
export function serveConsole(app: NestExpressApplication, dir: string): boolean {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(root, {
    prefix: `${CONSOLE_PATH}/`,
    index: 'index.html',
    setHeaders: (res, path) => {
      res.setHeader('cache-control', path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use(CONSOLE_PATH, (req: Request, res: Response, next: NextFunction) => {
    // A missing bundle is a 404, not the page: the browser would run HTML as script.
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/assets/')) return next();
    if (req.originalUrl === CONSOLE_PATH) return res.redirect(301, `${CONSOLE_PATH}/`);
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
