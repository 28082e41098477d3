import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { canonicalJson, GENESIS_HASH } from '@zhifa/domain/chain/canonical-json';

/** What the log's entries are about. */
export const ADMIN_SUBJECT_TYPES = ['USER', 'CERTIFICATE', 'POLICY', 'AGENCY', 'BODY', 'CALENDAR', 'WEBHOOK'] as const;
export type AdminSubjectType = (typeof ADMIN_SUBJECT_TYPES)[number];

/**
 * What an administrator changed: `USER_CREATED`, `USER_UPDATED`,
 * `CERTIFICATE_ISSUED`, `CERTIFICATE_SUSPENDED`, `POLICY_PUBLISHED`,
 * `AGENCY_POWERS_CHANGED`... (the list grows with the administration; the
 * console names each).
 */
export interface NewAdminEvent {
  /** The agency the change concerns; null for a change across agencies (a new agency by a system administrator). */
  agencyId: string | null;
  actor: { id: string; name: string; roles: readonly string[] };
  action: string;
  subjectType: AdminSubjectType;
  subjectId: string;
  /** The record as it was (null for a creation) and as it is now: plain JSON, no Dates. */
  before: unknown;
  after: unknown;
  reason?: string | null;
}

export interface AdminEvent {
  seq: number;
  id: string;
  agencyId: string | null;
  actorId: string;
  actorName: string;
  actorRoles: string[];
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  at: string;
  prevHash: string;
  hash: string;
}

interface Row {
  seq: string;
  id: string;
  agency_id: string | null;
  actor_id: string;
  actor_name: string;
  actor_roles: string[];
  action: string;
  subject_type: string;
  subject_id: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  at: Date;
  prev_hash: string;
  hash: string;
}

const toEvent = (r: Row): AdminEvent => ({
  seq: Number(r.seq),
  id: r.id,
  agencyId: r.agency_id,
  actorId: r.actor_id,
  actorName: r.actor_name,
  actorRoles: r.actor_roles,
  action: r.action,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  before: r.before,
  after: r.after,
  reason: r.reason,
  at: r.at.toISOString(),
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** The bytes a row's hash covers after its predecessor's hash. */
function hashOf(prevHash: string, e: Omit<AdminEvent, 'prevHash' | 'hash'>): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(e)).digest('hex');
}

/** Serialises appends to the one chain (a transaction-scoped advisory lock). */
const CHAIN_LOCK = 73_110_501;

/**
 * The administration log (`admin_events`): append-only, one hash chain over
 * every change to people, certificates, policies, agencies, bodies, calendars
 * and webhooks. Record in the same transaction as the change, so neither
 * lands without the other.
 */
export class AdminEventRepository {
  constructor(private readonly ds: DataSource) {}

  /** Appends one change inside `m`'s transaction (the caller's change and its record commit together). */
  async record(m: EntityManager, e: NewAdminEvent): Promise<AdminEvent> {
    await m.query(`SELECT pg_advisory_xact_lock($1)`, [CHAIN_LOCK]);
    const [last]: { seq: string; hash: string }[] = await m.query(`SELECT seq, hash FROM admin_events ORDER BY seq DESC LIMIT 1`);
    const body: Omit<AdminEvent, 'prevHash' | 'hash'> = {
      seq: last ? Number(last.seq) + 1 : 1,
      id: randomUUID(),
      agencyId: e.agencyId,
      actorId: e.actor.id,
      actorName: e.actor.name,
      actorRoles: [...e.actor.roles],
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      before: plain(e.before),
      after: plain(e.after),
      reason: e.reason ?? null,
      at: new Date().toISOString(),
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = hashOf(prevHash, body);
    await m.query(
      `INSERT INTO admin_events (seq, id, agency_id, actor_id, actor_name, actor_roles, action, subject_type, subject_id, before, after, reason, at, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        body.seq,
        body.id,
        body.agencyId,
        body.actorId,
        body.actorName,
        JSON.stringify(body.actorRoles),
        body.action,
        body.subjectType,
        body.subjectId,
        body.before === null ? null : JSON.stringify(body.before),
        body.after === null ? null : JSON.stringify(body.after),
        body.reason,
        body.at,
        prevHash,
        hash,
      ],
    );
    return { ...body, prevHash, hash };
  }

  /**
   * Makes a change and records it in one transaction: `describe` turns what
   * the change returned into its record (null: nothing changed, nothing recorded).
   */
  async changing<T>(change: (m: EntityManager) => Promise<T>, describe: (result: T) => NewAdminEvent | null): Promise<T> {
    return this.ds.transaction(async (m) => {
      const result = await change(m);
      const e = describe(result);
      if (e) await this.record(m, e);
      return result;
    });
  }

  /** One page of the log, newest first: an agency's changes (null: every agency's and those across agencies), optionally of one subject or kind of subject. */
  async list(opts: {
    agencyId: string | null;
    subject?: { type: string; id: string };
    subjectType?: string;
    subjectId?: string;
    page: number;
    pageSize: number;
  }): Promise<{ items: AdminEvent[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (opts.agencyId) where.push(`agency_id = $${params.push(opts.agencyId)}`);
    if (opts.subject) where.push(`subject_type = $${params.push(opts.subject.type)} AND subject_id = $${params.push(opts.subject.id)}`);
    if (opts.subjectType) where.push(`subject_type = $${params.push(opts.subjectType)}`);
    if (opts.subjectId) where.push(`subject_id = $${params.push(opts.subjectId)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM admin_events ${clause}`, params);
    const rows: Row[] = await this.ds.query(
      `SELECT * FROM admin_events ${clause} ORDER BY seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, opts.pageSize, (opts.page - 1) * opts.pageSize],
    );
    return { items: rows.map(toEvent), total };
  }

  /** Walks the whole chain; the first row whose link or content does not hash as recorded, or null when intact. */
  async verify(): Promise<{ checked: number; brokenAt: number | null }> {
    let prev = GENESIS_HASH;
    let checked = 0;
    const page = 1000;
    for (let after = 0; ; ) {
      const rows: Row[] = await this.ds.query(`SELECT * FROM admin_events WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, page]);
      for (const r of rows) {
        const { prevHash, hash, ...body } = toEvent(r);
        if (prevHash !== prev || hashOf(prev, body) !== hash) return { checked, brokenAt: body.seq };
        prev = hash;
        checked += 1;
        after = body.seq;
      }
      if (rows.length < page) return { checked, brokenAt: null };
    }
  }
}

/** JSON as stored (a Date becomes its ISO string, undefined members drop), so the hash covers what is read back. */
function plain(v: unknown): unknown {
  return v === undefined || v === null ? null : JSON.parse(JSON.stringify(v));
}
