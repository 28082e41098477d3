import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

/** Sorted copy. */
export function sorted(xs: number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

/** Nearest-rank percentile (p in 0..1) of unsorted values. */
export function pct(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}

export const median = (xs: number[]): number => pct(xs, 0.5);

/** min / median / max over runs. */
export interface Spread {
  min: number;
  median: number;
  max: number;
}

export function spread(xs: number[]): Spread {
  const s = sorted(xs);
  return { min: s[0], median: s[Math.floor((s.length - 1) / 2)], max: s[s.length - 1] };
}

export function fmt(x: number, digits = 1): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '–';
}

/** "12.3 / 14.0 / 19.9" */
export function fmtSpread(s: Spread, digits = 1, unit = ''): string {
  return `${fmt(s.min, digits)} / ${fmt(s.median, digits)} / ${fmt(s.max, digits)}${unit}`;
}

export const verdict = (ok: boolean): string => (ok ? 'met' : 'missed');

export interface Machine {
  date: string;
  nproc: number;
  cpu: string;
  ramGiB: number;
  loadStart: string;
  loadEnd?: string;
  node: string;
  temporal: string;
  postgres: string;
}

const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' / ');

export function machine(temporalCli: string, postgres: string): Machine {
  let temporal = 'unknown';
  try {
    temporal = execFileSync(temporalCli, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    /* reported as unknown */
  }
  let nproc = cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    /* os.cpus() instead */
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc,
    cpu: cpus()[0]?.model ?? 'unknown',
    ramGiB: totalmem() / 1024 ** 3,
    loadStart: load(),
    node: process.version,
    temporal,
    postgres,
  };
}

export function finishMachine(m: Machine): void {
  m.loadEnd = load();
}
