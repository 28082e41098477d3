// CPU time by process over one load (from /proc): where the machine's cores
// go at 16-way, where the throughput of (a) and (b) is bounded by them.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const HZ = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** User + system CPU of a process (all its threads), in ms. */
function cpuOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // After "pid (comm) ": state is field 0, utime field 11, stime field 12.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / HZ;
}

/** A process's CPU with that of its children it has reaped (cutime, cstime), in ms. */
function cpuWithReapedChildren(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = fields.slice(fields.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 1000) / HZ;
}

/**
 * Every postgres process's CPU (the server and its backends), in ms. A
 * backend that exits between two samples takes its CPU with it, and the
 * postmaster, which reaps it, gains it as its children's: counting both
 * keeps the sum whole (counting the first alone read negative in a run
 * where backends or autovacuum workers ended during a load).
 */
function postgresCpu(): number {
  let ms = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres') ms += cpuWithReapedChildren(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return ms;
}

/** All CPUs' busy time (everything but idle and iowait), in ms. */
function machineCpu(): number {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / HZ;
}

export type CpuSample = Record<string, number>;

/** CPU used so far by the named processes, by all of Postgres, by this process (the load generator) and by the machine. */
export function sampleCpu(pids: Record<string, number>): CpuSample {
  const out: CpuSample = {};
  for (const [name, pid] of Object.entries(pids)) out[name] = cpuOf(pid);
  const own = process.cpuUsage();
  return { ...out, postgres: postgresCpu(), bench: (own.user + own.system) / 1000, machine: machineCpu() };
}

/** CPU ms per operation of each entry between two samples. */
export function cpuPerOperation(before: CpuSample, after: CpuSample, operations: number): CpuSample {
  const out: CpuSample = {};
  for (const k of Object.keys(after)) out[k] = (after[k] - before[k]) / Math.max(1, operations);
  return out;
}
