// Where one command's time goes (the profile behind the ratios): the apps'
// own histograms and the Temporal SDK's, read before and after the 1-way
// HTTP load of a run. Each phase is the change in a histogram's sum divided
// by the change in its count: a mean per command over that load alone.
import { scrape } from './scrape';

/** A histogram's sum and count, summed over the series whose label text passes `labels`. */
export function histogram(text: string, name: string, labels: (l: string) => boolean = () => true): { sum: number; count: number } {
  const out = { sum: 0, count: 0 };
  const line = new RegExp(`^${name}_(sum|count)(?:\\{([^}]*)\\})? ([0-9.e+-]+)$`, 'gm');
  for (const m of text.matchAll(line)) {
    if (!labels(m[2] ?? '')) continue;
    out[m[1] as 'sum' | 'count'] += Number(m[3]);
  }
  return out;
}

export interface Scrape {
  api: string;
  worker: string;
  sdk: string;
}

/** case-api's, the worker's and the worker's SDK exporter's /metrics, by port. */
export async function scrapePhases(ports: { api: number; worker: number; sdk: number }): Promise<Scrape> {
  return { api: await scrape(ports.api), worker: await scrape(ports.worker), sdk: await scrape(ports.sdk) };
}

/** Mean milliseconds per command of each phase between two scrapes. */
export interface Phases {
  /** case-api: the request from its first byte to its response (server side). */
  http: number;
  /** case-api: waiting on the Update (server dispatch both ways and the workflow task). */
  update: number;
  /** The SDK's workflow-task execution latency on the worker (the task's activations and its local activity). */
  workflowTask: number;
  /** The SDK's workflow-task schedule-to-start latency (the task waiting to reach the worker). */
  scheduleToStart: number;
  /** The append (local activity attempt) on the worker. */
  append: number;
  commands: number;
}

const EVIDENCE_ROUTE = (l: string) => l.includes('method="POST"') && /route="[^"]*\/evidence"/.test(l);

export function phases(before: Scrape, after: Scrape): Phases {
  const mean = (text: (s: Scrape) => string, name: string, labels?: (l: string) => boolean, toMs = 1000) => {
    const a = histogram(text(before), name, labels);
    const b = histogram(text(after), name, labels);
    const n = b.count - a.count;
    return { ms: n > 0 ? ((b.sum - a.sum) / n) * toMs : NaN, n };
  };
  const http = mean((s) => s.api, 'zhifa_http_request_duration_seconds', EVIDENCE_ROUTE);
  const update = mean((s) => s.api, 'zhifa_command_workflow_seconds', (l) => l.includes('command="RECORD_EVIDENCE"'));
  const append = mean((s) => s.worker, 'zhifa_worker_activity_duration_seconds', (l) => l.includes('activity="appendCaseEvents"'));
  // The SDK (Temporal Core) exports its latencies in milliseconds unless told to use seconds.
  const sdkMs = (name: string) => mean((s) => s.sdk, name, undefined, 1);
  return {
    http: http.ms,
    update: update.ms,
    workflowTask: sdkMs('temporal_workflow_task_execution_latency').ms,
    scheduleToStart: sdkMs('temporal_workflow_task_schedule_to_start_latency').ms,
    append: append.ms,
    commands: http.n,
  };
}
