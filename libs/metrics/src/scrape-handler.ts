import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppMetrics } from './app-metrics';

/** Whether a scrape may read the metrics: anyone without a token set, else only a matching `Authorization: Bearer`. */
export function scrapeAllowed(authorization: string | undefined, token: string | undefined): boolean {
  if (!token) return true;
  const sent = Buffer.from(/^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '');
  const wanted = Buffer.from(token);
  return sent.length === wanted.length && timingSafeEqual(sent, wanted);
}

/** Answers a scrape with the exposition text (plain Node http: used by express in case-api and by the worker's and jobs' own listeners). */
export async function answerScrape(metrics: AppMetrics, token: string | undefined, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!scrapeAllowed(req.headers.authorization, token)) {
    res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer' }).end('metrics need the METRICS_TOKEN bearer token\n');
    return;
  }
  try {
    const text = await metrics.text();
    res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' }).end(text);
  } catch (err) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`metrics could not be collected: ${(err as Error).message}\n`);
  }
}
