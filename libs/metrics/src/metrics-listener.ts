import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppMetrics } from './app-metrics';
import { answerScrape } from './scrape-handler';

/** A listening metrics endpoint: GET /metrics, nothing else. */
export interface MetricsListener {
  port: number;
  close(): Promise<void>;
}

/** Serves an app's metrics on a port of its own (the worker's and the jobs app's, which have no HTTP server otherwise). */
export async function listenForScrapes(metrics: AppMetrics, opts: { port: number; host?: string; token?: string }): Promise<MetricsListener> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('only GET /metrics here\n');
      return;
    }
    void answerScrape(metrics, opts.token, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
