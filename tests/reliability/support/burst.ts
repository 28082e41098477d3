import { randomUUID } from 'node:crypto';
import { Answer, evidence, recordedWith, seqs, verifiedChain } from './commands';
import type { FaultStack } from './fault-stack';

/** Every answer one command got, first to last (the caller repeats it with the same Idempotency-Key until one is final). */
export interface Outcome {
  caseId: string;
  tag: string;
  key: string;
  answers: Answer[];
  sentAt: number;
  answeredAt: number;
}

/**
 * Not final: the caller cannot know whether the command took effect, and
 * repeats it with the same key (a 503 of a service that is down, a 409
 * IDEMPOTENCY.IN_PROGRESS, a 429, the connection itself refused).
 */
export function retryable(a: Answer): boolean {
  return a.status === 0 || a.status === 503 || a.status === 429 || (a.status === 409 && a.body?.code === 'IDEMPOTENCY.IN_PROGRESS');
}

/** One command, repeated under its Idempotency-Key while the answer is not final, until `deadline`. */
export async function settle(stack: FaultStack, caseId: string, tag: string, deadline: number, sink: Outcome[] = []): Promise<Outcome> {
  const key = `rel-${randomUUID()}`;
  const outcome: Outcome = { caseId, tag, key, answers: [], sentAt: Date.now(), answeredAt: 0 };
  // Seen by the test while it is still being repeated (a refusal during an outage is what the test waits for).
  sink.push(outcome);
  for (;;) {
    const answer = await evidence(stack, caseId, tag, { 'Idempotency-Key': key });
    outcome.answers.push(answer);
    if (!retryable(answer) || Date.now() > deadline) break;
    // The caller's back-off before repeating: not a wait for a condition, the pace of a polite client.
    await new Promise((r) => setTimeout(r, 200));
  }
  outcome.answeredAt = Date.now();
  return outcome;
}

/**
 * A steady stream of commands: `streams` callers per case, each sending its
 * commands one after another, until `stop()` says enough (after the fault and
 * the recovery the test waits for). Returns every command's outcome.
 */
export class Burst {
  readonly outcomes: Outcome[] = [];
  private stopping = false;
  private readonly done: Promise<void>;
  private seq = 0;

  constructor(
    private readonly stack: FaultStack,
    caseIds: string[],
    streams: number,
    private readonly deadline: number,
  ) {
    const runners = caseIds.flatMap((caseId) => Array.from({ length: streams }, () => this.stream(caseId)));
    this.done = Promise.all(runners).then(() => undefined);
  }

  private async stream(caseId: string): Promise<void> {
    while (!this.stopping && Date.now() < this.deadline) {
      await settle(this.stack, caseId, `burst-${this.seq++}-${randomUUID().slice(0, 8)}`, this.deadline, this.outcomes);
    }
  }

  /** Commands acknowledged so far (a 2xx as the final answer). */
  get acknowledged(): number {
    return this.outcomes.filter((o) => acknowledged(o)).length;
  }

  async stop(): Promise<Outcome[]> {
    this.stopping = true;
    await this.done;
    return this.outcomes;
  }
}

export function final(o: Outcome): Answer {
  return o.answers[o.answers.length - 1];
}

export function acknowledged(o: Outcome): boolean {
  const a = final(o);
  return o.answeredAt > 0 && a.status >= 200 && a.status < 300;
}

/**
 * What every fault test holds the outcomes to: every refusal a problem+json
 * with a code and never a 500; every command acknowledged to its caller
 * recorded exactly once, every command finally refused not at all; every
 * case's chain linear (seq 1..n) and verifiable.
 */
export async function expectHeld(stack: FaultStack, outcomes: Outcome[]): Promise<void> {
  const unclear = outcomes.flatMap((o) => o.answers.filter((a) => !clearAnswer(a)).map((a) => ({ tag: o.tag, status: a.status, text: a.text.slice(0, 300) })));
  expect(unclear).toEqual([]);
  const counts = await Promise.all(outcomes.map(async (o) => ({ tag: o.tag, status: final(o).status, recorded: await recordedWith(stack, o.caseId, o.tag) })));
  expect(counts).toEqual(counts.map((c) => ({ ...c, recorded: c.status >= 200 && c.status < 300 ? 1 : 0 })));
  for (const caseId of new Set(outcomes.map((o) => o.caseId))) {
    const order = await seqs(stack, caseId);
    expect(order).toEqual(order.map((_, i) => i + 1));
    expect(await verifiedChain(stack, caseId)).toMatchObject({ valid: true, events: order.length });
  }
}

/** A 2xx, or a refusal as problem+json with a code that is not a 500 (nor a dropped connection). */
export function clearAnswer(a: Answer): boolean {
  if (a.status >= 200 && a.status < 300) return true;
  return a.status >= 400 && a.status !== 500 && a.contentType.includes('application/problem+json') && typeof a.body?.code === 'string';
}

/** What a burst went through, for the test's log: commands, how many acknowledged, every answer by status and code. */
export function summary(outcomes: Outcome[]): string {
  const answers = new Map<string, number>();
  for (const a of outcomes.flatMap((o) => o.answers)) {
    const label = a.status >= 200 && a.status < 300 ? String(a.status) : `${a.status} ${String(a.body?.code ?? '')}`.trim();
    answers.set(label, (answers.get(label) ?? 0) + 1);
  }
  const repeated = outcomes.filter((o) => o.answers.length > 1).length;
  return `${outcomes.length} commands, ${outcomes.filter(acknowledged).length} acknowledged, ${repeated} repeated under their key; answers: ${[...answers].map(([k, n]) => `${k} × ${n}`).join(', ')}`;
}
