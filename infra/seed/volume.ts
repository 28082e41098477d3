import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { assignedUserIds, type CaseState } from '@zhifa/domain';
import { GENESIS_HASH } from '@zhifa/domain/chain/canonical-json';
import { AGENCY_ID, CaseRunner, commands, DAY, people, plus, scenario, SYSTEM, type ScenarioName } from '@zhifa/domain/testing/case-fixtures';
import { chainHash, eventId, searchTextSql, StatisticsRepository } from '@zhifa/persistence';
import { DEMO_AGENCY, DEMO_USERS } from './demo-people';
import { DEMO_POLICY } from './demo-policy';

// Synthetic cases for volume work (`npm run seed:volume -- <n>`, and the
// statistics benchmark): a handful of templates, each a case the domain's
// own decide() and evolve() took through its lifecycle (the scenario runner
// its tests use), copied n times with a new id and number, the demo agency's
// people, a violation code of the demo policy, and every instant moved by a
// whole number of days so registrations spread over a year. Written straight
// into case_events (hash chains computed as the event store computes them),
// cases and parties, in multi-row inserts.

interface Template {
  name: string;
  /** Relative frequency. */
  weight: number;
  state: CaseState;
  events: { seq: number; type: string; actor: Record<string, unknown>; occurredAt: string; payload: Record<string, unknown> }[];
}

const H = people.head;
const A = people.officerA;
const R = people.reviewer;

/** A scenario, then more steps on the runner. */
function run(name: ScenarioName, then: (r: CaseRunner) => void = () => undefined): CaseRunner {
  const r = scenario(name);
  then(r);
  return r;
}

/** The mix: mostly on-the-spot fines and closed ordinary cases, some open, missed, reviewed, challenged or transferred. */
const TEMPLATES: { name: string; weight: number; build: () => CaseRunner }[] = [
  { name: 'simple fine, paid and closed', weight: 30, build: () => run('SIMPLE:CLOSED') },
  { name: 'simple fine, served, payment limit missed', weight: 8, build: () => run('SIMPLE:SERVED', (r) => r.at(plus(r.now, 20 * DAY)).exec({ type: 'DEADLINE_ESCALATION', deadline: 'payment' }, SYSTEM)) },
  { name: 'ordinary fine, paid and closed', weight: 15, build: () => run('CLOSED') },
  { name: 'ordinary, archived', weight: 5, build: () => run('ARCHIVED') },
  { name: 'ordinary, decided', weight: 5, build: () => run('DECIDED') },
  { name: 'ordinary, served, reconsideration upheld', weight: 3, build: () => run('SERVED', (r) => {
      r.exec(commands.challenge(r.now), A);
      r.at(plus(r.now, 30 * DAY)).exec(commands.challenge(r.now, 'DECIDED', 'UPHELD'), A);
    }) },
  { name: 'ordinary, investigating', weight: 10, build: () => run('FILED') },
  { name: 'lead, filing limit missed', weight: 4, build: () => run('LEAD_REGISTERED', (r) => r.at(plus(r.now, 30 * DAY)).exec({ type: 'DEADLINE_ESCALATION', deadline: 'filingDecision' }, SYSTEM)) },
  { name: 'lead, filing declined', weight: 4, build: () => run('FILING_DECLINED') },
  { name: 'hearing held', weight: 3, build: () => run('HEARING_HELD') },
  { name: 'legal review approved', weight: 3, build: () => run('LEGAL_REVIEW_PASSED') },
  { name: 'legal review returned', weight: 2, build: () => run('LEGAL_REVIEW_PENDING', (r) => r.exec(commands.legalReview('RETURN'), R)) },
  { name: 'terminated', weight: 2, build: () => run('TERMINATED') },
  { name: 'transfer accepted by the police', weight: 1, build: () => run('TRANSFER_ACCEPTED') },
  { name: 'transfer declined, reconsideration asked', weight: 1, build: () => run('TRANSFER_RECONSIDERATION_REQUESTED') },
  { name: 'transfer proposed', weight: 1, build: () => run('TRANSFER_PROPOSED', () => undefined) },
];

export function buildTemplates(log: (line: string) => void = () => undefined): Template[] {
  const out: Template[] = [];
  for (const t of TEMPLATES) {
    let r: CaseRunner;
    try {
      r = t.build();
    } catch (err) {
      log(`template "${t.name}" skipped: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    const events = r.log.map((e, i) => ({
      seq: i + 1,
      type: e.event.type,
      actor: e.actor === 'system' ? { system: true, name: SYSTEM.name } : actorOf(e.actor),
      occurredAt: e.at,
      payload: e.event as unknown as Record<string, unknown>,
    }));
    out.push({ name: t.name, weight: t.weight, state: r.s, events });
  }
  return out;
}

function actorOf(userId: string): Record<string, unknown> {
  const p = Object.values(people).find((x) => x.userId === userId);
  return { userId, name: p?.name ?? userId, roles: p ? [...p.roles] : [] };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Every instant and local date in a JSON value moved by `days`. */
function shifted<T>(value: T, days: number): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (ISO.test(v)) return new Date(Date.parse(v) + days * DAY).toISOString();
      if (DAY_ONLY.test(v)) return new Date(Date.parse(`${v}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
      return v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

function pick<T>(xs: readonly T[], rnd: () => number): T {
  return xs[Math.floor(rnd() * xs.length)];
}

/** A small seeded generator (mulberry32), so a volume is the same for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface VolumeOptions {
  cases: number;
  /** Registrations spread over the `spreadDays` days ending at `endDay` (default today). */
  spreadDays?: number;
  endDay?: string;
  batch?: number;
  seed?: number;
  /** The agency the cases belong to (default the demo agency, whose people they name either way). */
  agencyId?: string;
  /** Prefix of the case numbers (unique per run when seeding a database twice). */
  numberPrefix?: string;
  log?: (line: string) => void;
}

/** Inserts `cases` synthetic cases (of the demo agency unless told); the database must be migrated. */
export async function seedVolume(ds: DataSource, opts: VolumeOptions): Promise<{ cases: number; events: number; templates: string[] }> {
  const log = opts.log ?? (() => undefined);
  const templates = buildTemplates(log);
  const total = templates.reduce((a, t) => a + t.weight, 0);
  const rnd = random(opts.seed ?? 13);
  const spread = opts.spreadDays ?? 365;
  const end = Date.parse(`${opts.endDay ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const officers = DEMO_USERS.filter((u) => u.roles.includes('OFFICER') && u.certificate && u.username !== 'officer.expired');
  const role = (r: string) => DEMO_USERS.find((u) => u.roles.includes(r as never))!;
  const codes = DEMO_POLICY.violations.map((v) => v.code);
  const batch = opts.batch ?? 500;
  let events = 0;

  for (let done = 0; done < opts.cases; done += batch) {
    const caseRows: Record<string, unknown>[] = [];
    const eventRows: Record<string, unknown>[] = [];
    const partyRows: Record<string, unknown>[] = [];
    for (let i = done; i < Math.min(opts.cases, done + batch); i++) {
      let w = rnd() * total;
      const t = templates.find((x) => (w -= x.weight) < 0) ?? templates[0];
      const caseId = randomUUID();
      const workflowId = `case-${caseId}`;
      const [o1, o2] = [pick(officers, rnd), pick(officers, rnd)];
      const second = o2.id === o1.id ? officers.find((o) => o.id !== o1.id)! : o2;
      const code = t.state.procedure === 'SIMPLE' && rnd() < 0.7 ? 'TRAFFIC-RULE' : pick(codes, rnd);
      // Template ids and names to this copy's: text replacement over the JSON, exact quoted values only.
      const swaps: [string, string][] = [
        [t.state.caseId, caseId],
        [t.state.caseNumber, `长市监立〔V${opts.numberPrefix ?? ''}〕${String(i + 1).padStart(6, '0')}号`],
        [AGENCY_ID, opts.agencyId ?? DEMO_AGENCY.id],
        [A.userId, o1.id],
        [A.name, o1.name],
        [people.officerB.userId, second.id],
        [people.officerB.name, second.name],
        [H.userId, role('AGENCY_HEAD').id],
        [R.userId, role('LEGAL_REVIEWER').id],
        [people.host.userId, DEMO_USERS.filter((u) => u.roles.includes('LEGAL_REVIEWER'))[1]?.id ?? role('LEGAL_REVIEWER').id],
        [t.state.violationCode, code],
        [t.state.policyVersion, DEMO_POLICY.version],
      ];
      const days = -Math.floor(rnd() * spread) - Math.round((Date.parse(t.state.updatedAt) - Date.parse(t.state.registeredAt)) / DAY);
      const offset = Math.round((end - Date.parse(t.state.registeredAt.slice(0, 10) + 'T00:00:00Z')) / DAY) + days;
      const copy = <T>(v: T): T => {
        let text = JSON.stringify(v);
        for (const [from, to] of swaps) text = text.split(JSON.stringify(from)).join(JSON.stringify(to));
        return shifted(JSON.parse(text) as T, offset);
      };
      const state = copy(t.state);
      let prev = GENESIS_HASH;
      for (const e of t.events) {
        const body = { eventId: eventId(workflowId, e.seq), caseId, seq: e.seq, type: e.type, actor: copy(e.actor), occurredAt: copy(e.occurredAt), payload: copy(e.payload) };
        const hash = chainHash(prev, body);
        eventRows.push({ event_id: body.eventId, case_id: caseId, seq: e.seq, type: e.type, actor: body.actor, occurred_at: body.occurredAt, recorded_at: body.occurredAt, payload: body.payload, prev_hash: prev, hash });
        prev = hash;
      }
      events += t.events.length;
      caseRows.push({
        id: caseId,
        case_number: state.caseNumber,
        agency_id: state.agencyId,
        workflow_id: workflowId,
        status: state.status,
        procedure: state.procedure,
        violation_code: state.violationCode,
        party: state.party,
        officers: state.officers,
        flags: state.flags,
        deadlines: state.deadlines,
        policy_version: state.policyVersion,
        state,
        last_seq: t.events.length,
        registered_at: state.registeredAt,
        updated_at: state.updatedAt,
        assigned_user_ids: assignedUserIds(state),
        officer_ids: state.officers.map((o) => o.userId),
      });
      partyRows.push({ case_id: caseId, type: state.party.type, name: state.party.name, id_number: state.party.idNumber ?? null, credit_code: state.party.creditCode ?? null, minor: false });
    }
    await ds.transaction(async (m) => {
      // The daily roll-up is rebuilt once at the end: kept case by case, each insert would recount its days.
      await m.query(`SET LOCAL zhifa.statistics_daily = 'off'`);
      // Events first: the statistics trigger on cases counts the case's events already there.
      await m.query(`INSERT INTO case_events (event_id, case_id, seq, type, actor, occurred_at, recorded_at, payload, prev_hash, hash)
        SELECT event_id, case_id, seq, type, actor, occurred_at, recorded_at, payload, prev_hash, hash FROM jsonb_populate_recordset(NULL::case_events, $1::jsonb)`, [JSON.stringify(eventRows)]);
      // search_text as the store writes it (searchTextSql), in SQL.
      await m.query(
        `INSERT INTO cases (id, case_number, agency_id, workflow_id, status, procedure, violation_code, party, officers, flags, deadlines, policy_version, state, last_seq, registered_at, updated_at, assigned_user_ids, officer_ids, search_text)
         SELECT id, case_number, agency_id, workflow_id, status, procedure, violation_code, party, officers, flags, deadlines, policy_version, state, last_seq, registered_at, updated_at, assigned_user_ids, officer_ids,
           ${searchTextSql('case_number', "party->>'name'", "state->>'summary'")}
         FROM jsonb_populate_recordset(NULL::cases, $1::jsonb)`,
        [JSON.stringify(caseRows)],
      );
      await m.query(`INSERT INTO parties (case_id, type, name, id_number, credit_code, minor)
        SELECT case_id, type, name, id_number, credit_code, minor FROM jsonb_populate_recordset(NULL::parties, $1::jsonb)`, [JSON.stringify(partyRows)]);
    });
    log(`${Math.min(opts.cases, done + batch)} / ${opts.cases} cases`);
  }
  const statistics = new StatisticsRepository(ds);
  const days = await statistics.rebuildDaily((await statistics.dailyZone())!, opts.agencyId ?? DEMO_AGENCY.id);
  log(`statistics roll-up rebuilt: ${days} agency days`);
  return { cases: opts.cases, events, templates: templates.map((t) => t.name) };
}
