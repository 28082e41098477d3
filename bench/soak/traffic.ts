import { performance } from 'node:perf_hooks';
import { request, type HttpCall } from '../command-path/load';
import type { ListCase } from '../command-path/list';
import { ARCHIVE_STEP, asCall, lifecycleStep, refusedCommand, textEvidence, type Actor, type SoakCase } from './lifecycle';

// The soak's traffic: each tick one request of a weighted mix, on a case
// picked at random. Investigation cases take evidence and the commands they
// must refuse, never a step; lifecycle cases take their next step, one at a
// time (never two in flight on a case, so every refusal is one the soak
// asked for). Every answer is judged: the status each kind expects, a 409
// for a refused command (counted by its code), anything else an error.

export const KINDS = ['case', 'list', 'timeline', 'evidence', 'lifecycle', 'refused'] as const;
export type Kind = (typeof KINDS)[number];
/** Shares of the mix, out of 100. */
export const MIX: Record<Kind, number> = { case: 25, list: 15, timeline: 10, evidence: 20, lifecycle: 25, refused: 5 };

export interface KindFigures {
  latencies: number[];
  /** Answers with the expected status (refusals included for `refused`). */
  ok: number;
  /** Refusals by problem code. */
  refusals: Record<string, number>;
}

export interface Traffic {
  kinds: Record<Kind, KindFigures>;
  /** Lifecycle steps sent, by command. */
  steps: Record<string, number>;
  /** A kind with no case to act on (all lifecycle cases busy or done): a case read was sent instead. */
  fallbacks: number;
  /** Archive requests held back (a case read sent instead) while the jobs app had not issued all the case's documents. */
  archiveHeld: number;
  errors: number;
  errorsByWhat: Record<string, number>;
  firstErrors: string[];
}

export interface Actors {
  token: Record<Actor, string>;
  ids: { zhang: string; li: string };
}

const pickOne = <T>(xs: T[]): T | undefined => xs[Math.floor(Math.random() * xs.length)];

export class SoakTraffic {
  readonly figures: Traffic = {
    kinds: Object.fromEntries(KINDS.map((k) => [k, { latencies: [], ok: 0, refusals: {} }])) as unknown as Record<Kind, KindFigures>,
    steps: {}, fallbacks: 0, archiveHeld: 0, errors: 0, errorsByWhat: {}, firstErrors: [],
  };
  private readonly wheel: Kind[] = KINDS.flatMap((k) => Array<Kind>(MIX[k]).fill(k));

  constructor(
    private readonly base: string,
    private readonly actors: Actors,
    private readonly investigation: SoakCase[],
    private readonly lifecycle: SoakCase[],
    private readonly lists: ListCase[],
    /** Whether the jobs app has issued every document the case's events owe. */
    private readonly documentsIssued: (caseId: string) => Promise<boolean>,
  ) {}

  /** Tick `k`: one request of the mix; whatever it throws is counted as an error. */
  async tick(k: number): Promise<void> {
    try {
      await this.one(k);
    } catch (err) {
      this.error('soak: exception', err instanceof Error ? (err.stack ?? err.message) : String(err));
    }
  }

  private async one(k: number): Promise<unknown> {
    const kind = this.wheel[Math.floor(Math.random() * this.wheel.length)];
    const all = [...this.investigation, ...this.lifecycle];
    const anyCase = pickOne(all)!;
    const t = this.actors.token;
    switch (kind) {
      case 'case':
        return this.send('case', { method: 'GET', path: `/api/v1/cases/${anyCase.id}`, token: t[pickOne(['head.sun', 'officer.zhang', 'officer.li'] as const)!] }, 200);
      case 'list': {
        const l = pickOne(this.lists)!;
        return this.send('list', { method: 'GET', path: `/api/v1/cases?${new URLSearchParams(l.query).toString()}`, token: t[l.user as Actor] }, 200);
      }
      case 'timeline':
        return this.send('timeline', { method: 'GET', path: `/api/v1/cases/${anyCase.id}/timeline`, token: t['head.sun'] }, 200);
      case 'evidence': {
        const c = pickOne(this.investigation)!;
        return this.send('evidence', { method: 'POST', path: `/api/v1/cases/${c.id}/evidence`, token: t['officer.zhang'], body: textEvidence(this.actors.ids) }, 201);
      }
      case 'refused': {
        const c = pickOne(this.investigation)!;
        const cmd = refusedCommand(c, k);
        return this.send('refused', asCall(c.id, cmd, t[cmd.actor]), 409);
      }
      case 'lifecycle':
        return this.step();
    }
  }

  private async step(): Promise<unknown> {
    const c = pickOne(this.lifecycle.filter((x) => !x.busy && lifecycleStep(x, this.actors.ids)));
    if (!c) {
      this.figures.fallbacks++;
      const any = pickOne(this.investigation)!;
      return this.send('case', { method: 'GET', path: `/api/v1/cases/${any.id}`, token: this.actors.token['head.sun'] }, 200);
    }
    c.busy = true;
    try {
      // As an officer would: the file is archived once its documents are in; until then the case is only looked at.
      if (c.step === ARCHIVE_STEP && !(await this.documentsIssued(c.id))) {
        this.figures.archiveHeld++;
        return await this.send('case', { method: 'GET', path: `/api/v1/cases/${c.id}`, token: this.actors.token['officer.zhang'] }, 200);
      }
      return await this.advance(c);
    } finally {
      c.busy = false;
    }
  }

  private async advance(c: SoakCase): Promise<unknown> {
    const cmd = lifecycleStep(c, this.actors.ids)!;
    this.figures.steps[cmd.action] = (this.figures.steps[cmd.action] ?? 0) + 1;
    const body = await this.send('lifecycle', asCall(c.id, cmd, this.actors.token[cmd.actor]), cmd.action === 'evidence' ? 201 : 200);
    if (body === undefined) {
      c.step = Infinity; // an error, counted: the case leaves the lifecycle pool
      return undefined;
    }
    if (cmd.action === 'evidence') c.evidenceId = (body as { evidenceId: string }).evidenceId;
    c.step++;
    return body;
  }

  /** Sends one request and judges its answer; the parsed body when it was the expected one. */
  private async send(kind: Kind, call: HttpCall, expect: number): Promise<unknown> {
    const f = this.figures.kinds[kind];
    const t0 = performance.now();
    let status: number;
    let text: string;
    try {
      ({ status, text } = await request(this.base, call));
    } catch (err) {
      this.error(`${kind}: network error`, `${call.method} ${call.path}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    f.latencies.push(performance.now() - t0);
    if (status !== expect) {
      this.error(`${kind}: ${status}`, `${call.method} ${call.path}: ${status} ${text.slice(0, 400)}`);
      return undefined;
    }
    f.ok++;
    const body: unknown = text ? JSON.parse(text) : undefined;
    if (kind === 'refused') {
      const code = (body as { code?: string }).code ?? 'no code';
      f.refusals[code] = (f.refusals[code] ?? 0) + 1;
    }
    return body;
  }

  private error(what: string, detail: string): void {
    const e = this.figures;
    e.errors++;
    e.errorsByWhat[what] = (e.errorsByWhat[what] ?? 0) + 1;
    if (e.firstErrors.length < 10) {
      e.firstErrors.push(detail);
      console.error(`  error: ${detail}`);
    }
  }
}

export interface PaceResult {
  ticks: number;
  /** Ticks not sent because MAX in-flight requests were still waiting. */
  skipped: number;
  elapsedMs: number;
}

/**
 * Open-loop pacing: tick k is due at start + k/rate and is sent then,
 * whether the ones before were answered or not (at most `maxInFlight`
 * waiting; a tick beyond is counted as skipped). Returns once the time is up
 * and every request sent has been answered.
 */
export async function pace(rate: number, durationMs: number, maxInFlight: number, tick: (k: number) => Promise<void>): Promise<PaceResult> {
  const t0 = performance.now();
  const inFlight = new Set<Promise<void>>();
  let ticks = 0;
  let skipped = 0;
  for (let k = 0; ; k++) {
    const due = (k * 1000) / rate;
    if (due >= durationMs) break;
    const wait = t0 + due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (inFlight.size >= maxInFlight) {
      skipped++;
      continue;
    }
    ticks++;
    const p: Promise<void> = tick(k).finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  return { ticks, skipped, elapsedMs: performance.now() - t0 };
}
