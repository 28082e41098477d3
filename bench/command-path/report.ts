import { writeBetweenMarkers } from './docs';
import type { TaskTimes } from './histories';
import type { CpuSample } from './cpu';
import type { Phases } from './phases';
import { fmt, fmtSpread, median, spread, verdict, type Machine } from './stats';

// The command-path benchmark's results: printed, and written into
// docs/benchmarks.md between its two markers (the section is replaced, the
// rest of the page kept).

export interface RunFigures {
  registration: number;
  a1p50: number;
  a1p95: number;
  b1p50: number;
  b1p95: number;
  c1p50: number;
  c1p95: number;
  a16: number;
  b16: number;
  c16: number;
  a16p50: number;
  b16p50: number;
  c16p50: number;
  ratioThroughput: number;
  ratioP50: number;
}

export interface Report {
  machine: Machine;
  counts: Record<string, number>;
  runs: RunFigures[];
  problems: string[];
  timeline: { timeline: number[]; verify: number[]; both: number[] };
  tasks: TaskTimes;
  /** Per run: where a 1-way command's time went (means from the apps' and the SDK's histograms). */
  phases: Phases[];
  /** Per run: CPU ms per operation by process during the 16-way loads of (a) and (b). */
  cpu: { a16: CpuSample; b16: CpuSample }[];
  bareTasks: TaskTimes;
  memory: { before: { rss: number; heap: number }; after: { rss: number; heap: number }; cases: number };
  volume: { cases: number; events: number };
  list: { name: string; total: number; perRun: number[] }[];
  plans: { name: string; plans: string[] }[];
  minutes: number;
}

export const START = '<!-- command-path:start (written by bench/command-path.bench.ts) -->';
export const END = '<!-- command-path:end -->';

const DEFAULTS: Record<string, number> = { N1: 320, N16: 320, RUNS: 3, REGISTRATIONS: 20, TIMELINE_EVENTS: 1000, MEMORY_CASES: 200, LIST_CASES: 100_000, LIST_REPS: 5 };

const col = (r: Report, k: keyof RunFigures) => spread(r.runs.map((x) => x[k]));
const ms = (xs: number[]) => fmtSpread(spread(xs), 1, ' ms');
const kib = (bytes: number) => `${fmt(bytes / 1024, 1)} KiB`;
const mib = (bytes: number) => `${fmt(bytes / 1024 ** 2, 1)} MiB`;

export function renderReport(r: Report, label?: string): string {
  const m = r.machine;
  const small = Object.entries(DEFAULTS).some(([k, v]) => (r.counts[k] ?? v) < v);
  const title = label ?? (small ? 'small-count development run — NOT the figures of record; the full run replaces it' : 'full run');
  const thr = col(r, 'ratioThroughput');
  const lat = col(r, 'ratioP50');
  const wft = median(r.tasks.tasks);
  const tl = spread(r.timeline.both);
  const listWorst = Math.max(...r.list.map((l) => spread(l.perRun).median));
  const memRss = (r.memory.after.rss - r.memory.before.rss) / r.memory.cases;
  const memHeap = (r.memory.after.heap - r.memory.before.heap) / r.memory.cases;
  const L: string[] = [];
  L.push(`### Results: ${title}`, '');
  L.push(`${m.date}, \`nproc\` ${m.nproc}, ${m.cpu}, ${fmt(m.ramGiB)} GiB RAM; load average ${m.loadStart} at the start, ${m.loadEnd ?? '?'} at the end.`);
  L.push(`Node ${m.node}; ${m.temporal}; PostgreSQL ${m.postgres}. Took ${fmt(r.minutes)} min.`);
  L.push(`Counts: ${Object.entries(r.counts).map(([k, v]) => `${k}=${v}`).join(', ')}.`, '');
  L.push('Every figure is min / median / max over the runs (each run\'s own p50, p95 or throughput).', '');
  L.push('| Figure | (a) HTTP → Update → record | (b) bare Update | (c) Postgres append only |', '|---|---|---|---|');
  L.push(`| 1-way p50 latency | ${fmtSpread(col(r, 'a1p50'), 1, ' ms')} | ${fmtSpread(col(r, 'b1p50'), 1, ' ms')} | ${fmtSpread(col(r, 'c1p50'), 1, ' ms')} |`);
  L.push(`| 1-way p95 latency | ${fmtSpread(col(r, 'a1p95'), 1, ' ms')} | ${fmtSpread(col(r, 'b1p95'), 1, ' ms')} | ${fmtSpread(col(r, 'c1p95'), 1, ' ms')} |`);
  L.push(`| 16-way throughput (16 cases) | ${fmtSpread(col(r, 'a16'), 1, '/s')} | ${fmtSpread(col(r, 'b16'), 1, '/s')} | ${fmtSpread(col(r, 'c16'), 1, '/s')} |`);
  L.push(`| 16-way p50 latency | ${fmtSpread(col(r, 'a16p50'), 1, ' ms')} | ${fmtSpread(col(r, 'b16p50'), 1, ' ms')} | ${fmtSpread(col(r, 'c16p50'), 1, ' ms')} |`, '');
  L.push('| Target (issue 15) | Measured | |', '|---|---|---|');
  L.push(`| throughput (a)/(b) at 16-way ≥ 0.7 | ${fmtSpread(thr, 3)} | **${verdict(thr.median >= 0.7)}** |`);
  L.push(`| p50 latency (a)/(b) at 1-way ≤ 1.5 | ${fmtSpread(lat, 2)} | **${verdict(lat.median <= 1.5)}** |`);
  L.push(`| median WorkflowTaskStarted→Completed ≤ 3 ms (bench case histories) | ${fmt(wft)} ms per task; ${fmt(median(r.tasks.perCommand))} ms per command in ${fmt(median(r.tasks.tasksPerCommand), 0)} tasks (bare twin: ${fmt(median(r.bareTasks.tasks))} ms per task) | **${verdict(wft <= 3)}** |`);
  L.push(`| timeline of ${r.counts.TIMELINE_EVENTS} events + verification < 100 ms | ${fmtSpread(tl, 1, ' ms')} | **${verdict(tl.median < 100)}** |`);
  L.push(`| case list at ${r.volume.cases.toLocaleString('en')} cases < 100 ms (slowest filter) | ${fmt(listWorst)} ms | **${verdict(listWorst < 100)}** |`, '');
  L.push('| Other figure | min / median / max |', '|---|---|');
  L.push(`| registration (POST /api/v1/cases), p50 of ${r.counts.REGISTRATIONS} sequential | ${fmtSpread(col(r, 'registration'), 1, ' ms')} |`);
  L.push(`| GET timeline (${r.counts.TIMELINE_EVENTS} events) | ${ms(r.timeline.timeline)} |`);
  L.push(`| GET timeline/verify (${r.counts.TIMELINE_EVENTS} events) | ${ms(r.timeline.verify)} |`);
  L.push(`| Update accepted→completed in the histories (handler incl. recording), median | ${fmt(median(r.tasks.acceptedToCompleted))} ms (bare: ${fmt(median(r.bareTasks.acceptedToCompleted))} ms) |`);
  L.push(`| worker memory per cached case (${r.memory.cases} cases registered) | RSS ${kib(memRss)}, heap ${kib(memHeap)} (RSS ${mib(r.memory.before.rss)} → ${mib(r.memory.after.rss)}, heap ${mib(r.memory.before.heap)} → ${mib(r.memory.after.heap)}) |`, '');
  L.push(...renderPhases(r), '');
  L.push(...renderCpu(r), '');
  L.push(`Case list (GET /api/v1/cases, page of 20) on ${r.volume.cases.toLocaleString('en')} cases and ${r.volume.events.toLocaleString('en')} events, median of ${r.counts.LIST_REPS} requests per run:`, '');
  L.push('| Filter | Total matched | min / median / max | < 100 ms |', '|---|---|---|---|');
  for (const l of r.list) L.push(`| ${l.name} | ${l.total} | ${ms(l.perRun)} | ${verdict(spread(l.perRun).median < 100)} |`);
  L.push('');
  if (r.problems.length) L.push('Failures seen in this run:', '', ...r.problems.map((p) => `- ${p}`), '');
  L.push('<details><summary>Query plans of the list (EXPLAIN (ANALYZE, BUFFERS) of the SQL the repository ran)</summary>', '');
  for (const p of r.plans) {
    L.push(`**${p.name}**`, '', '```', ...p.plans.flatMap((x, i) => [...(i ? [''] : []), x]), '```', '');
  }
  L.push('</details>');
  return L.join('\n');
}

/** Where a 1-way command's time goes, beside the bare Update and the raw append of the same runs. */
function renderPhases(r: Report): string[] {
  const p = (k: keyof Phases) => ms(r.phases.map((x) => x[k]));
  const apiOwn = r.phases.map((x) => x.http - x.update);
  const server = r.phases.map((x) => x.update - x.workflowTask);
  const workflowCode = r.phases.map((x) => x.workflowTask - x.append);
  return [
    `Where a command's time goes at 1-way ((a), text evidence; means per command over each run's ${r.counts.N1} commands, from case-api's \`zhifa_http_request_duration_seconds\` and \`zhifa_command_workflow_seconds\`, the worker's \`zhifa_worker_activity_duration_seconds\` and the SDK's \`temporal_workflow_task_*\`):`,
    '',
    '| Phase | min / median / max |',
    '|---|---|',
    `| the request in case-api (first byte to response) | ${p('http')} |`,
    `| … of which case-api's own work (auth, Idempotency-Key rows, caller and case row read, body, evidence file, answer) | ${ms(apiOwn)} |`,
    `| … of which waiting on the Update | ${p('update')} |`,
    `| … … of which the server: dispatch to the worker and back (the Update less the workflow task) | ${ms(server)} |`,
    `| … … of which the workflow task on the worker | ${p('workflowTask')} |`,
    `| … … … of which the append (local activity: one transaction) | ${p('append')} |`,
    `| … … … of which workflow code (validator, handler, decide, evolve, payloads) | ${ms(workflowCode)} |`,
    `| workflow task waiting to reach the worker (schedule-to-start) | ${p('scheduleToStart')} |`,
    `| for comparison: (b) bare Update p50, (c) raw append p50 | ${fmtSpread(col(r, 'b1p50'), 1, ' ms')}, ${fmtSpread(col(r, 'c1p50'), 1, ' ms')} |`,
  ];
}

/** CPU per operation by process at 16-way: the two cores bound the throughput of both sides. */
function renderCpu(r: Report): string[] {
  const names = ['case-api', 'worker', 'bare worker', 'temporal', 'postgres', 'bench', 'machine'];
  const label: Record<string, string> = {
    'case-api': 'case-api', worker: 'worker (main thread and workflow thread)', 'bare worker': "bare twin's worker", temporal: 'Temporal dev server',
    postgres: 'PostgreSQL (all processes)', bench: 'the benchmark itself (autocannon, the Temporal client)', machine: 'the whole machine (all CPUs busy)',
  };
  const cell = (side: 'a16' | 'b16', k: string) => fmtSpread(spread(r.cpu.map((c) => c[side][k] ?? NaN)), 1, ' ms');
  const bound = (side: 'a16' | 'b16') => fmtSpread(spread(r.cpu.map((c) => (1000 * r.machine.nproc) / c[side].machine)), 0, '/s');
  return [
    `CPU per operation at 16-way, by process (from /proc; min / median / max over the runs): the ${r.machine.nproc} cores bound the throughput of both sides at about ${r.machine.nproc} s of CPU a second divided by the machine's CPU per operation:`,
    '',
    '| Process | (a) per HTTP command | (b) per bare Update |',
    '|---|---|---|',
    ...names.map((k) => `| ${label[k]} | ${cell('a16', k)} | ${cell('b16', k)} |`),
    `| throughput the cores allow (${r.machine.nproc} × 1,000 ms / machine CPU per operation) | ${bound('a16')} | ${bound('b16')} |`,
  ];
}

export function writeReport(r: Report, docs: string, write: boolean, label?: string): void {
  const text = renderReport(r, label);
  console.log(`\n${text}\n`);
  if (write) writeBetweenMarkers(docs, START, END, text);
}
