import { writeBetweenMarkers } from '../command-path/docs';
import { fmt, pct, type Machine } from '../command-path/stats';
import type { MemorySample } from './memory';
import { KINDS, MIX, type Traffic } from './traffic';
import type { PaceResult } from './traffic';

// The soak's results and its verdict: printed, and written into
// docs/benchmarks.md between its markers (the rest of the page kept).

export interface SoakReport {
  machine: Machine;
  settings: { minutes: number; earlyMinutes: number; rate: number; cases: number; investigation: number; lifecycle: number; sampleSeconds: number };
  pace: PaceResult;
  traffic: Traffic;
  /** The apps' and Temporal's names, the apps judged on memory. */
  processes: { name: string; judged: boolean }[];
  early: MemorySample;
  end: MemorySample;
  samples: MemorySample[];
  /** Lines logged at error or fatal, per app. */
  logErrors: Record<string, number>;
  /** The jobs app's runs by outcome (zhifa_jobs_processed_total). */
  jobs: { completed: number; retrying: number; failed: number };
  /** Cases by status at the end (after the archive requests were sealed). */
  statuses: Record<string, number>;
  /** Cases still ARCHIVING when the wait for the jobs app ran out. */
  unsealed: number;
  chains: { checked: number; valid: number; events: number };
  setupMinutes: number;
}

export const START = '<!-- soak:start (written by bench/soak.ts) -->';
export const END = '<!-- soak:end -->';
/** RSS at the end within this fraction of the early sample. */
export const RSS_TOLERANCE = 0.1;

const mib = (bytes: number) => `${fmt(bytes / 1024 ** 2, 1)} MiB`;
const ratio = (r: SoakReport, name: string) => r.end.rss[name] / r.early.rss[name];
const rssOk = (x: number) => Math.abs(x - 1) <= RSS_TOLERANCE;

/** Every criterion with its verdict; the soak fails when one is missed. */
export function criteria(r: SoakReport): { name: string; measured: string; met: boolean }[] {
  const judged = r.processes.filter((p) => p.judged);
  const logErrors = Object.values(r.logErrors).reduce((a, b) => a + b, 0);
  return [
    ...judged.map((p) => ({
      name: `${p.name}: RSS at the end within ±${RSS_TOLERANCE * 100} % of minute ${r.settings.earlyMinutes}`,
      measured: `${mib(r.early.rss[p.name])} → ${mib(r.end.rss[p.name])} (×${fmt(ratio(r, p.name), 3)})`,
      met: rssOk(ratio(r, p.name)),
    })),
    { name: 'no error: no 5xx, network error or unexpected status', measured: `${r.traffic.errors}`, met: r.traffic.errors === 0 },
    { name: 'no line logged at error or fatal by the apps', measured: `${logErrors}`, met: logErrors === 0 },
    { name: 'no job failed for good in the jobs app', measured: `${r.jobs.failed}`, met: r.jobs.failed === 0 },
    { name: 'every archive request sealed by the jobs app', measured: `${r.unsealed} still ARCHIVING`, met: r.unsealed === 0 },
    { name: 'every chain valid at the end', measured: `${r.chains.valid} of ${r.chains.checked}`, met: r.chains.valid === r.chains.checked && r.chains.checked === r.settings.cases },
  ];
}

export function renderSoak(r: SoakReport): string {
  const m = r.machine;
  const s = r.settings;
  const full = s.minutes >= 10 && s.cases >= 300 && s.earlyMinutes === 2;
  const sent = r.pace.ticks;
  const L: string[] = [];
  L.push(`### Results: ${full ? 'full run' : 'short development run — NOT the figures of record'}`, '');
  L.push(`${m.date}, \`nproc\` ${m.nproc}, ${m.cpu}, ${fmt(m.ramGiB)} GiB RAM; load average ${m.loadStart} at the start, ${m.loadEnd ?? '?'} at the end.`);
  L.push(`Node ${m.node}; ${m.temporal}; PostgreSQL ${m.postgres}.`);
  L.push(`Settings: ${s.minutes} min of load at ${s.rate} requests/s on ${s.cases} cases (${s.investigation} under investigation, ${s.lifecycle} taken through the procedure), memory every ${s.sampleSeconds} s, the early sample at minute ${s.earlyMinutes}. Setup (scratch database, Temporal, apps, registration and filing) took ${fmt(r.setupMinutes)} min.`);
  L.push(`Sent ${sent} requests in ${fmt(s.minutes * 60, 0)} s: **${fmt(sent / (s.minutes * 60), 2)}/s** achieved (${r.pace.skipped} ticks skipped with 64 requests waiting; the last answered ${fmt(Math.max(0, r.pace.elapsedMs / 1000 - s.minutes * 60), 1)} s after the load ended).`, '');

  L.push('| Criterion | Measured | |', '|---|---|---|');
  for (const c of criteria(r)) L.push(`| ${c.name} | ${c.measured} | **${c.met ? 'met' : 'missed'}** |`);
  L.push('');

  L.push('| Kind (share of the mix) | Requests | As expected | p50 | p95 | max |', '|---|---|---|---|---|---|');
  const what: Record<string, string> = {
    case: 'GET a case', list: 'GET the case list, a filter', timeline: 'GET a timeline', evidence: 'POST text evidence',
    lifecycle: 'POST the next procedure step', refused: 'POST a command the case must refuse (409)',
  };
  for (const k of KINDS) {
    const f = r.traffic.kinds[k];
    const xs = f.latencies;
    L.push(`| ${what[k]} (${MIX[k]} %) | ${xs.length} | ${f.ok} | ${fmt(pct(xs, 0.5))} ms | ${fmt(pct(xs, 0.95))} ms | ${fmt(Math.max(...xs))} ms |`);
  }
  L.push('');
  const refusals = Object.entries(r.traffic.kinds.refused.refusals).map(([c, n]) => `\`${c}\` ${n}`).join(', ') || 'none';
  L.push(`Refusals by code (expected, not errors): ${refusals}.`);
  L.push(`Procedure steps sent: ${Object.entries(r.traffic.steps).map(([a, n]) => `${a} ${n}`).join(', ') || 'none'}; ${r.traffic.fallbacks} steps found no case free and read one instead; ${r.traffic.archiveHeld} archive requests held back (the case read instead) until the jobs app had issued the case's documents.`);
  L.push(`Errors: ${r.traffic.errors}${r.traffic.errors ? ` (${Object.entries(r.traffic.errorsByWhat).map(([w, n]) => `${w}: ${n}`).join(', ')})` : ''}; lines logged at error or fatal: ${Object.entries(r.logErrors).map(([p, n]) => `${p} ${n}`).join(', ')}; jobs run ${r.jobs.completed} completed, ${r.jobs.retrying} retried, ${r.jobs.failed} failed for good.`);
  L.push(`Cases at the end: ${Object.entries(r.statuses).map(([st, n]) => `${st} ${n}`).join(', ')}; chains verified (GET …/timeline/verify as head.sun): ${r.chains.valid} of ${r.chains.checked} valid, ${r.chains.events.toLocaleString('en')} events.`, '');

  L.push(`| Process | RSS at minute ${s.earlyMinutes} | RSS at minute ${s.minutes} | Ratio | V8 heap used, minute ${s.earlyMinutes} → ${s.minutes} | ±${RSS_TOLERANCE * 100} % |`, '|---|---|---|---|---|---|');
  for (const p of r.processes) {
    const x = ratio(r, p.name);
    const heap = r.early.heap[p.name] === undefined ? '–' : `${mib(r.early.heap[p.name])} → ${mib(r.end.heap[p.name])}`;
    L.push(`| ${p.name} | ${mib(r.early.rss[p.name])} | ${mib(r.end.rss[p.name])} | ${fmt(x, 3)} | ${heap} | ${p.judged ? (rssOk(x) ? '**met**' : '**missed**') : 'information'} |`);
  }
  L.push('');
  L.push(`<details><summary>RSS every minute (MiB)</summary>`, '');
  L.push(`| Minute | ${r.processes.map((p) => p.name).join(' | ')} |`, `|---|${r.processes.map(() => '---|').join('')}`);
  const perMinute = r.samples.filter((x) => Math.abs(x.t / 60 - Math.round(x.t / 60)) < 1 / 12 || x === r.early || x === r.end);
  for (const x of perMinute) L.push(`| ${fmt(x.t / 60, 1)} | ${r.processes.map((p) => fmt(x.rss[p.name] / 1024 ** 2, 1)).join(' | ')} |`);
  L.push('', '</details>');
  if (r.traffic.firstErrors.length) L.push('', 'The first errors:', '', ...r.traffic.firstErrors.map((e) => `- \`${e.replace(/`/g, "'").replace(/\n/g, ' ')}\``));
  return L.join('\n');
}

export function writeSoak(r: SoakReport, docs: string, write: boolean): void {
  const text = renderSoak(r);
  console.log(`\n${text}\n`);
  if (write) writeBetweenMarkers(docs, START, END, text);
}
