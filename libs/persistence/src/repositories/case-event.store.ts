import { createHash } from 'node:crypto';
import { DataSource, EntityManager, MoreThanOrEqual } from 'typeorm';
import type { CaseEventMessage, NewCaseEvent, RecordedEvent } from '@zhifa/contracts';
import { canonicalJson, GENESIS_HASH } from '@zhifa/domain/chain/canonical-json';
import { assignedUserIds, type CaseState } from '@zhifa/domain';
import { CaseEventEntity } from '../entities';
import type { JsonDoc } from '../entities/json';
import type { CaseProjection } from '../projections/case.projection';

export interface AppendInput {
  workflowId: string;
  caseId: string;
  events: NewCaseEvent[];
  projection: CaseProjection;
  /** Topics to enqueue for every appended event (side effects on BullMQ). */
  outboxTopics: string[];
  /** The HTTP request behind the events, carried in their outbox messages for the jobs' logs (not hashed). */
  requestId?: string;
  /** The trace the events were recorded in (W3C trace context; only with tracing on), so a job's span joins it (not hashed). */
  trace?: CaseEventMessage['trace'];
  /** The command that made the events (AppendCaseEventsInput.commandId), stored beside them. */
  commandId?: string;
}

export interface AppendOutcome {
  appended: number;
  lastSeq: number;
  lastHash: string;
  /** The chain's own events from the first seq asked for, when this workflow already recorded others there (nothing written). */
  ahead?: RecordedEvent[];
}

export interface StoredEvent {
  eventId: string;
  caseId: string;
  seq: number;
  type: string;
  actor: JsonDoc;
  occurredAt: string;
  payload: JsonDoc;
  prevHash: string;
  hash: string;
}

export interface ChainVerification {
  valid: boolean;
  events: number;
  brokenAt?: { seq: number; eventId: string; reason: string };
}

export class ChainConflictError extends Error {
  readonly code = 'CHAIN.CONFLICT';
}

export function eventId(workflowId: string, seq: number): string {
  return `${workflowId}:${seq}`;
}

/** The bytes that are hashed: everything that says what happened, by whom, when. */
function hashBody(e: Omit<StoredEvent, 'prevHash' | 'hash'>): string {
  return canonicalJson({
    eventId: e.eventId,
    caseId: e.caseId,
    seq: e.seq,
    type: e.type,
    actor: e.actor,
    occurredAt: e.occurredAt,
    payload: e.payload,
  });
}

export function chainHash(prevHash: string, e: Omit<StoredEvent, 'prevHash' | 'hash'>): string {
  return createHash('sha256').update(prevHash).update(hashBody(e)).digest('hex');
}

function toStored(row: CaseEventEntity): StoredEvent {
  return {
    eventId: row.eventId,
    caseId: row.caseId,
    seq: row.seq,
    type: row.type,
    actor: row.actor,
    occurredAt: row.occurredAt.toISOString(),
    payload: row.payload,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/**
 * The SQL of a case's `search_text` from its number, party name and summary
 * (joined by a control character no search carries, so a match stays within
 * one of them): what the list's text filter matches with LIKE lower(pattern). The
 * migration that added the column backfilled it with the same expression.
 */
export function searchTextSql(caseNumber: string, partyName: string, summary: string): string {
  return `lower(concat_ws(chr(31), ${caseNumber}, ${partyName}, ${summary}))`;
}

interface TimelineRow {
  event_id: string;
  case_id: string;
  seq: number;
  type: string;
  actor: StoredEvent['actor'];
  occurred_at: Date;
  payload: StoredEvent['payload'];
  prev_hash: string;
  hash: string;
}

/**
 * Appends a case's events to its hash chain, projects the read model and
 * writes outbox rows, all in one transaction. Idempotent on the event id:
 * a retried activity finds its events already there and writes nothing.
 */
export class CaseEventStore {
  constructor(private readonly ds: DataSource) {}

  async append(input: AppendInput): Promise<AppendOutcome> {
    return this.ds.transaction(async (m) => {
      // One writer per case: serialise concurrent appends to the same chain.
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [input.caseId]);
      const [last] = await m.query<{ seq: number; hash: string }[]>('SELECT seq, hash FROM case_events WHERE case_id = $1 ORDER BY seq DESC LIMIT 1', [input.caseId]);
      let lastSeq = last?.seq ?? 0;
      let lastHash = last?.hash ?? GENESIS_HASH;
      const rows: (Omit<StoredEvent, 'prevHash' | 'hash'> & { prevHash: string; hash: string; event: NewCaseEvent })[] = [];

      for (const e of [...input.events].sort((a, b) => a.seq - b.seq)) {
        const id = eventId(input.workflowId, e.seq);
        const body = {
          eventId: id,
          caseId: input.caseId,
          seq: e.seq,
          type: e.type,
          occurredAt: new Date(e.occurredAt).toISOString(),
          // Stored as jsonb; the contract's types say more than the column can.
          actor: e.actor as JsonDoc,
          payload: e.payload as JsonDoc,
        };
        if (e.seq <= lastSeq) {
          // A retried append finds exactly its own event. Another event of the
          // same workflow there was recorded by a workflow task that failed
          // after appending: the workflow is told what the chain holds (and
          // adopts it). Anything else at this seq means two writers, which
          // must never pass silently.
          const existing = await m.findOne(CaseEventEntity, { where: { caseId: input.caseId, seq: e.seq } });
          if (existing && hashBody(toStored(existing)) === hashBody(body)) continue;
          if (existing?.eventId === id) {
            return { appended: 0, lastSeq, lastHash, ahead: await this.recordedFrom(m, input.caseId, Math.min(...input.events.map((x) => x.seq))) };
          }
          throw new ChainConflictError(`case ${input.caseId}: seq ${e.seq} is already taken by a different event`);
        }
        if (e.seq !== lastSeq + 1) {
          throw new ChainConflictError(`case ${input.caseId}: expected seq ${lastSeq + 1}, got ${e.seq}`);
        }
        const hash = chainHash(lastHash, body);
        rows.push({ ...body, prevHash: lastHash, hash, event: e });
        lastSeq = e.seq;
        lastHash = hash;
      }

      if (rows.length) await this.insertEvents(m, input, rows);
      await this.project(m, input, lastSeq);
      return { appended: rows.length, lastSeq, lastHash };
    });
  }

  /** The new events and their outbox rows: one statement, whatever their number. */
  private async insertEvents(m: EntityManager, input: AppendInput, rows: (StoredEvent & { event: NewCaseEvent })[]): Promise<void> {
    // The relay adds the event id: this is the rest of the message the jobs receive.
    const message = (e: NewCaseEvent): Omit<CaseEventMessage, 'eventId'> => ({
      caseId: input.caseId,
      seq: e.seq,
      type: e.type,
      payload: e.payload,
      ...(input.requestId ? { requestId: input.requestId } : {}),
      ...(input.trace ? { trace: input.trace } : {}),
    });
    const outbox = rows.flatMap((r) => input.outboxTopics.map((topic) => ({ eventId: r.eventId, topic, payload: JSON.stringify(message(r.event)) })));
    await m.query(
      `WITH appended AS (
         INSERT INTO case_events (event_id, case_id, seq, type, actor, occurred_at, payload, prev_hash, hash, command_id)
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::int[], $4::text[], $5::jsonb[], $6::timestamptz[], $7::jsonb[], $8::text[], $9::text[], $10::text[])
       )
       INSERT INTO outbox (event_id, topic, payload)
       SELECT * FROM unnest($11::text[], $12::text[], $13::jsonb[])
       ON CONFLICT (event_id, topic) DO NOTHING`,
      [
        rows.map((r) => r.eventId),
        rows.map(() => input.caseId),
        rows.map((r) => r.seq),
        rows.map((r) => r.type),
        rows.map((r) => JSON.stringify(r.actor)),
        rows.map((r) => r.occurredAt),
        rows.map((r) => JSON.stringify(r.payload)),
        rows.map((r) => r.prevHash),
        rows.map((r) => r.hash),
        rows.map(() => input.commandId ?? null),
        outbox.map((o) => o.eventId),
        outbox.map((o) => o.topic),
        outbox.map((o) => o.payload),
      ],
    );
  }

  private async recordedFrom(m: EntityManager, caseId: string, fromSeq: number): Promise<RecordedEvent[]> {
    const rows = await m.find(CaseEventEntity, { where: { caseId, seq: MoreThanOrEqual(fromSeq) }, order: { seq: 'ASC' } });
    return rows.map((r) => ({
      seq: r.seq,
      type: r.type,
      actor: r.actor as RecordedEvent['actor'],
      occurredAt: r.occurredAt.toISOString(),
      payload: r.payload,
      commandId: r.commandId,
    }));
  }

  /**
   * Writes a read model rebuilt from the chain (a supervisor's repair), under
   * the case's append lock. False, writing nothing, when the chain grew past
   * `lastSeq` meanwhile: the rebuild is stale and must be folded again.
   */
  async reproject(input: Omit<AppendInput, 'events' | 'outboxTopics'>, lastSeq: number): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [input.caseId]);
      const last = await m.findOne(CaseEventEntity, { where: { caseId: input.caseId }, order: { seq: 'DESC' } });
      if ((last?.seq ?? 0) !== lastSeq) return false;
      await this.project(m, { ...input, events: [], outboxTopics: [] }, lastSeq);
      return true;
    });
  }

  /** The case row and its party (one statement), then the evidence items the events touched and their custody (one more). */
  private async project(m: EntityManager, input: AppendInput, lastSeq: number): Promise<void> {
    const p = input.projection;
    const state = p.state as unknown as CaseState;
    const party = p.party as { type: string; name: string; idNumber?: string; creditCode?: string; legalRepresentative?: string; address?: string; phone?: string; minor?: boolean };
    await m.query(
      `WITH projected AS (
         INSERT INTO cases (id, case_number, agency_id, workflow_id, status, procedure, violation_code, party, officers, flags, deadlines, policy_version, state, last_seq, registered_at, updated_at, assigned_user_ids, officer_ids, search_text)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $25, $27, ${searchTextSql('$2::text', '$18::text', '$26::text')})
         ON CONFLICT (id) DO UPDATE SET case_number = EXCLUDED.case_number, agency_id = EXCLUDED.agency_id, workflow_id = EXCLUDED.workflow_id,
           status = EXCLUDED.status, procedure = EXCLUDED.procedure, violation_code = EXCLUDED.violation_code, party = EXCLUDED.party,
           officers = EXCLUDED.officers, flags = EXCLUDED.flags, deadlines = EXCLUDED.deadlines, policy_version = EXCLUDED.policy_version,
           state = EXCLUDED.state, last_seq = EXCLUDED.last_seq, registered_at = EXCLUDED.registered_at, updated_at = EXCLUDED.updated_at,
           assigned_user_ids = EXCLUDED.assigned_user_ids, officer_ids = EXCLUDED.officer_ids, search_text = EXCLUDED.search_text
       )
       INSERT INTO parties (case_id, type, name, id_number, credit_code, legal_representative, address, phone, minor)
       VALUES ($1, $17, $18, $19, $20, $21, $22, $23, $24)
       ON CONFLICT (case_id) DO UPDATE SET type = EXCLUDED.type, name = EXCLUDED.name, id_number = EXCLUDED.id_number, credit_code = EXCLUDED.credit_code,
         legal_representative = EXCLUDED.legal_representative, address = EXCLUDED.address, phone = EXCLUDED.phone, minor = EXCLUDED.minor`,
      [
        p.caseId, p.caseNumber, p.agencyId, input.workflowId, p.status, p.procedure, p.violationCode, JSON.stringify(p.party), JSON.stringify(p.officers),
        p.flags, JSON.stringify(p.deadlines), p.policyVersion, JSON.stringify(p.state), lastSeq, new Date(p.registeredAt), new Date(p.updatedAt),
        party.type, party.name, party.idNumber ?? null, party.creditCode ?? null, party.legalRepresentative ?? null, party.address ?? null, party.phone ?? null, party.minor ?? false,
        assignedUserIds(state), state.summary ?? null, p.officers.map((o) => (o as { userId: string }).userId),
      ],
    );
    if (p.evidence.length === 0) return;
    // The custody chain only grows: existing positions are left as they are.
    const custody = p.evidence.flatMap((e) => e.custody.map((c, i) => ({ evidenceId: e.evidenceId, position: i + 1, ...c })));
    await m.query(
      `WITH items AS (
         INSERT INTO evidence_items (case_id, evidence_id, kind, title, collected_at, location, sha256, size_bytes, media_type, source, collectors, recorded_by, recorded_at, custodian)
         SELECT $1::uuid, * FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::bigint[], $9::text[], $10::text[], $11::jsonb[], $12::jsonb[], $13::timestamptz[], $14::text[])
         ON CONFLICT (case_id, evidence_id) DO UPDATE SET kind = EXCLUDED.kind, title = EXCLUDED.title, collected_at = EXCLUDED.collected_at,
           location = EXCLUDED.location, sha256 = EXCLUDED.sha256, size_bytes = EXCLUDED.size_bytes, media_type = EXCLUDED.media_type, source = EXCLUDED.source,
           collectors = EXCLUDED.collectors, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at, custodian = EXCLUDED.custodian
       )
       INSERT INTO custody_transfers (case_id, evidence_id, position, from_user, to_user, at, reason)
       SELECT $1::uuid, * FROM unnest($15::text[], $16::int[], $17::text[], $18::text[], $19::timestamptz[], $20::text[])
       ON CONFLICT DO NOTHING`,
      [
        p.caseId,
        p.evidence.map((e) => e.evidenceId),
        p.evidence.map((e) => e.kind),
        p.evidence.map((e) => e.title),
        p.evidence.map((e) => e.collectedAt),
        p.evidence.map((e) => e.location),
        p.evidence.map((e) => e.sha256),
        p.evidence.map((e) => String(e.sizeBytes)),
        p.evidence.map((e) => e.mediaType ?? null),
        p.evidence.map((e) => e.source ?? null),
        p.evidence.map((e) => JSON.stringify(e.collectors)),
        p.evidence.map((e) => JSON.stringify(e.recordedBy)),
        p.evidence.map((e) => e.recordedAt),
        p.evidence.map((e) => e.custodian),
        custody.map((c) => c.evidenceId),
        custody.map((c) => c.position),
        custody.map((c) => c.from),
        custody.map((c) => c.to),
        custody.map((c) => c.at),
        custody.map((c) => c.reason),
      ],
    );
  }

  /** Every case with a chain, oldest first. */
  async caseIds(): Promise<string[]> {
    const rows: { case_id: string }[] = await this.ds.query(`SELECT case_id FROM case_events WHERE seq = 1 ORDER BY occurred_at, case_id`);
    return rows.map((r) => r.case_id);
  }

  async timeline(caseId: string): Promise<StoredEvent[]> {
    // Plain rows, not entities: a 1,000-event chain hydrated through the ORM cost a third of its read.
    const rows = await this.ds.query<TimelineRow[]>(
      `SELECT event_id, case_id, seq, type, actor, occurred_at, payload, prev_hash, hash FROM case_events WHERE case_id = $1 ORDER BY seq`,
      [caseId],
    );
    return rows.map((r) => ({
      eventId: r.event_id,
      caseId: r.case_id,
      seq: r.seq,
      type: r.type,
      actor: r.actor,
      occurredAt: r.occurred_at.toISOString(),
      payload: r.payload,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
  }

  /** The events one command recorded (`command_id`: its Update's id), in order; none if it recorded nothing. */
  async recordedBy(caseId: string, commandId: string): Promise<{ seq: number; type: string }[]> {
    const rows = await this.ds.getRepository(CaseEventEntity).find({ select: { seq: true, type: true }, where: { caseId, commandId }, order: { seq: 'ASC' } });
    return rows.map((r) => ({ seq: r.seq, type: r.type }));
  }

  /** Recomputes every hash from the stored rows; reports the first break. */
  async verify(caseId: string): Promise<ChainVerification> {
    const events = await this.timeline(caseId);
    let prev = GENESIS_HASH;
    for (const [i, e] of events.entries()) {
      const broken = (reason: string): ChainVerification => ({
        valid: false,
        events: events.length,
        brokenAt: { seq: e.seq, eventId: e.eventId, reason },
      });
      if (e.seq !== i + 1) return broken(`expected seq ${i + 1}, found ${e.seq}`);
      if (e.prevHash !== prev) return broken('prevHash does not match the previous event hash');
      if (chainHash(prev, e) !== e.hash) return broken('hash does not match the event content');
      prev = e.hash;
    }
    return { valid: true, events: events.length };
  }
}
