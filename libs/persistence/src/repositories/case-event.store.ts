import { createHash } from 'node:crypto';
import { DataSource, EntityManager, MoreThanOrEqual } from 'typeorm';
import type { CaseEventMessage, NewCaseEvent, RecordedEvent } from '@zhifa/contracts';
import { canonicalJson, GENESIS_HASH } from '@zhifa/domain/chain/canonical-json';
import { CaseEntity, CaseEventEntity, CustodyTransferEntity, EvidenceItemEntity, PartyEntity } from '../entities';
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
      const last = await m.findOne(CaseEventEntity, { where: { caseId: input.caseId }, order: { seq: 'DESC' } });
      let lastSeq = last?.seq ?? 0;
      let lastHash = last?.hash ?? GENESIS_HASH;
      let appended = 0;

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
        await m.insert(CaseEventEntity, { ...body, occurredAt: new Date(body.occurredAt), prevHash: lastHash, hash, commandId: input.commandId ?? null });
        await this.enqueue(m, id, input, e);
        lastSeq = e.seq;
        lastHash = hash;
        appended++;
      }

      await this.project(m, input, lastSeq);
      return { appended, lastSeq, lastHash };
    });
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

  private async enqueue(m: EntityManager, id: string, input: AppendInput, e: NewCaseEvent): Promise<void> {
    // The relay adds the event id: this is the rest of the message the jobs receive.
    const payload: Omit<CaseEventMessage, 'eventId'> = {
      caseId: input.caseId,
      seq: e.seq,
      type: e.type,
      payload: e.payload,
      ...(input.requestId ? { requestId: input.requestId } : {}),
      ...(input.trace ? { trace: input.trace } : {}),
    };
    for (const topic of input.outboxTopics) {
      await m.query(
        'INSERT INTO outbox (event_id, topic, payload) VALUES ($1, $2, $3) ON CONFLICT (event_id, topic) DO NOTHING',
        [id, topic, JSON.stringify(payload)],
      );
    }
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

  private async project(m: EntityManager, input: AppendInput, lastSeq: number): Promise<void> {
    const p = input.projection;
    await m.upsert(
      CaseEntity,
      {
        id: p.caseId,
        caseNumber: p.caseNumber,
        agencyId: p.agencyId,
        workflowId: input.workflowId,
        status: p.status,
        procedure: p.procedure,
        violationCode: p.violationCode,
        party: p.party,
        officers: p.officers,
        flags: p.flags,
        deadlines: p.deadlines,
        policyVersion: p.policyVersion,
        state: p.state,
        lastSeq,
        registeredAt: new Date(p.registeredAt),
        updatedAt: new Date(p.updatedAt),
      },
      ['id'],
    );
    const party = p.party as { type: string; name: string; idNumber?: string; creditCode?: string; legalRepresentative?: string; address?: string; phone?: string; minor?: boolean };
    await m.upsert(
      PartyEntity,
      {
        caseId: p.caseId,
        type: party.type,
        name: party.name,
        idNumber: party.idNumber ?? null,
        creditCode: party.creditCode ?? null,
        legalRepresentative: party.legalRepresentative ?? null,
        address: party.address ?? null,
        phone: party.phone ?? null,
        minor: party.minor ?? false,
      },
      ['caseId'],
    );
    for (const e of p.evidence) {
      await m.upsert(
        EvidenceItemEntity,
        {
          caseId: p.caseId,
          evidenceId: e.evidenceId,
          kind: e.kind,
          title: e.title,
          collectedAt: new Date(e.collectedAt),
          location: e.location,
          sha256: e.sha256,
          sizeBytes: String(e.sizeBytes),
          mediaType: e.mediaType ?? null,
          source: e.source ?? null,
          collectors: e.collectors,
          recordedBy: e.recordedBy,
          recordedAt: new Date(e.recordedAt),
          custodian: e.custodian,
        },
        ['caseId', 'evidenceId'],
      );
      // The custody chain only grows: existing positions are left as they are.
      for (const [i, c] of e.custody.entries()) {
        await m
          .createQueryBuilder()
          .insert()
          .into(CustodyTransferEntity)
          .values({ caseId: p.caseId, evidenceId: e.evidenceId, position: i + 1, fromUser: c.from, toUser: c.to, at: new Date(c.at), reason: c.reason })
          .orIgnore()
          .execute();
      }
    }
  }

  /** Every case with a chain, oldest first. */
  async caseIds(): Promise<string[]> {
    const rows: { case_id: string }[] = await this.ds.query(`SELECT case_id FROM case_events WHERE seq = 1 ORDER BY occurred_at, case_id`);
    return rows.map((r) => r.case_id);
  }

  async timeline(caseId: string): Promise<StoredEvent[]> {
    const rows = await this.ds.getRepository(CaseEventEntity).find({ where: { caseId }, order: { seq: 'ASC' } });
    return rows.map(toStored);
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
