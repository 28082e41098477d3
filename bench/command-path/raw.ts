import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CASE_EVENTS_TOPIC } from '@zhifa/contracts';
import { evolve, type CaseEvent, type CaseState, type JurisdictionPolicy } from '@zhifa/domain';
import { CaseEventStore, projectCase, touchedEvidence } from '@zhifa/persistence';

// (c) raw Postgres: the event store's chained append with the projection
// the activity writes (projectCase of the evolved state, the evidence it
// touched), no Temporal. Cases are copies of a real bench case: its events
// up to filing, then text evidence items like those the HTTP path records,
// each with a new evidence id, the state evolved by the domain's evolve().

interface StoredRow {
  seq: number;
  type: string;
  actor: Record<string, unknown>;
  occurred_at: Date | string;
  payload: Record<string, unknown>;
}

export interface RawTemplate {
  caseId: string;
  caseNumber: string;
  policyVersion: string;
  /** The events before the first evidence item (registration, filing). */
  prefix: StoredRow[];
  evidence: StoredRow;
  evidenceId: string;
}

interface RawCase {
  caseId: string;
  state: CaseState;
  seq: number;
}

const iso = (x: Date | string): string => (x instanceof Date ? x.toISOString() : new Date(x).toISOString());

/** The template: a bench case of the HTTP path that has at least one evidence item. */
export async function rawTemplate(ds: DataSource, caseId: string): Promise<RawTemplate> {
  const rows = await ds.query<StoredRow[]>('SELECT seq, type, actor, occurred_at, payload FROM case_events WHERE case_id = $1 ORDER BY seq', [caseId]);
  const at = rows.findIndex((r) => r.type === 'EVIDENCE_RECORDED');
  if (at < 0) throw new Error(`case ${caseId} has no EVIDENCE_RECORDED event to copy`);
  const [{ case_number, policy_version }] = await ds.query<{ case_number: string; policy_version: string }[]>(
    'SELECT case_number, policy_version FROM cases WHERE id = $1',
    [caseId],
  );
  const evidenceId = (rows[at].payload as { evidenceId?: string }).evidenceId;
  if (!evidenceId) throw new Error('the evidence event carries no evidenceId');
  return { caseId, caseNumber: case_number, policyVersion: policy_version, prefix: rows.slice(0, at), evidence: rows[at], evidenceId };
}

export class RawCases {
  private readonly store: CaseEventStore;
  private readonly cases = new Map<string, RawCase>();

  constructor(
    ds: DataSource,
    private readonly t: RawTemplate,
    private readonly policy: JurisdictionPolicy,
  ) {
    this.store = new CaseEventStore(ds);
  }

  private copy<T>(x: T, caseId: string, caseNumber: string, evidenceId?: string): T {
    let s = JSON.stringify(x).split(this.t.caseId).join(caseId).split(this.t.caseNumber).join(caseNumber);
    if (evidenceId) s = s.split(this.t.evidenceId).join(evidenceId);
    return JSON.parse(s) as T;
  }

  /** A new case: the template's registration and filing appended in one transaction. */
  async create(): Promise<string> {
    const caseId = randomUUID();
    const events = this.t.prefix.map((r) => this.copy(r, caseId, `RAW-${caseId}`));
    let state: CaseState | null = null;
    for (const e of events) state = evolve(state, e.payload as unknown as CaseEvent, { at: iso(e.occurred_at), policy: this.policy });
    const stored = events.map((e) => ({ seq: e.seq, type: e.type, actor: e.actor as never, occurredAt: iso(e.occurred_at), payload: e.payload }));
    await this.append(caseId, stored, state!);
    this.cases.set(caseId, { caseId, state: state!, seq: stored.length });
    return caseId;
  }

  /** `count` text evidence items on `caseId` in one append (one command records one). */
  async evidence(caseId: string, count = 1): Promise<void> {
    const c = this.cases.get(caseId);
    if (!c) throw new Error(`not a raw case: ${caseId}`);
    const at = new Date().toISOString();
    const number = c.state.caseNumber;
    let state = c.state;
    const stored = [];
    for (let i = 1; i <= count; i++) {
      const e = this.copy(this.t.evidence, caseId, number, randomUUID());
      state = evolve(state, e.payload as unknown as CaseEvent, { at, policy: this.policy });
      stored.push({ seq: c.seq + i, type: e.type, actor: e.actor as never, occurredAt: at, payload: e.payload });
    }
    await this.append(caseId, stored, state);
    c.state = state;
    c.seq += count;
  }

  private async append(caseId: string, events: Parameters<CaseEventStore['append']>[0]['events'], state: CaseState): Promise<void> {
    await this.store.append({
      workflowId: `bench-raw-${caseId}`,
      caseId,
      events,
      projection: projectCase(state, this.t.policyVersion, touchedEvidence(events)),
      outboxTopics: [CASE_EVENTS_TOPIC],
    });
  }
}
