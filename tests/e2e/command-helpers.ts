import { randomUUID } from 'node:crypto';
import { createApiClient, type ApiClient, type CaseView, type CommandResponse, type DeadlineView, type Problem, type TaskView } from '@zhifa/api-client';
import { http, HttpResult, Stack } from '../support/stack';
import { runArchiveJob } from '../support/archive-job';

export { decisionContents } from '../support/demo-case-facts';

// Shared by the command e2e suites: plain HTTP calls as a client makes them,
// the typed client generated from the committed OpenAPI document (`as(user)`),
// and the database facts the suites assert (what a case has recorded).
// The bodies are the generated schema types: a field renamed in the API
// breaks the type check of every suite that reads it.

export type { DeadlineView };
export type CaseBody = CaseView;
/** A command's answer; some commands add fields (evidenceId, challengeId). */
export type CommandBody = CommandResponse & Record<string, unknown>;
export type ProblemBody = Problem;

export class Client {
  private readonly tokens = new Map<string, string>();
  private readonly clients = new Map<string, ApiClient>();

  constructor(readonly stack: Stack) {}

  /** The typed client (openapi-fetch over the generated types) acting as `username`. */
  as(username: string): ApiClient {
    let client = this.clients.get(username);
    if (!client) {
      client = createApiClient({ baseUrl: this.stack.url, token: () => this.token(username) });
      this.clients.set(username, client);
    }
    return client;
  }

  /** GET /cases/{id} through the typed client; fails the test on a problem. */
  async case(username: string, id: string): Promise<CaseView> {
    const { data, error, response } = await this.as(username).GET('/api/v1/cases/{id}', { params: { path: { id } } });
    if (!data) throw new Error(`GET case ${id} as ${username}: ${response.status} ${JSON.stringify(error)}`);
    return data;
  }

  /** GET /me/tasks through the typed client. */
  async myTasks(username: string): Promise<{ items: TaskView[]; total: number }> {
    const { data, error, response } = await this.as(username).GET('/api/v1/me/tasks');
    if (!data) throw new Error(`GET /me/tasks as ${username}: ${response.status} ${JSON.stringify(error)}`);
    return data;
  }

  id(username: string): string {
    return this.stack.userId(username);
  }

  async token(username: string): Promise<string> {
    if (!this.tokens.has(username)) this.tokens.set(username, await this.stack.token(username));
    return this.tokens.get(username)!;
  }

  /** POST /api/v1/cases/:id/<action> as `username`. */
  async command<T = CommandBody>(
    username: string,
    caseId: string,
    action: string,
    body: unknown = {},
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> {
    return http<T>(this.stack, 'POST', `/api/v1/cases/${caseId}/${action}`, { token: await this.token(username), body, headers });
  }

  async get<T = Record<string, unknown>>(username: string, path: string): Promise<HttpResult<T>> {
    return http<T>(this.stack, 'GET', `/api/v1${path}`, { token: await this.token(username) });
  }

  async register(overrides: Record<string, unknown> = {}, username = 'officer.zhang'): Promise<CaseBody> {
    const res = await http<CaseBody>(this.stack, 'POST', '/api/v1/cases', {
      token: await this.token(username),
      body: {
        source: 'inspection',
        discoveredAt: '2026-11-20T02:00:00Z',
        violationAt: '2026-11-18',
        party: { type: 'PERSON', name: '王某' },
        violationCode: 'FOOD-UNLICENSED',
        summary: `e2e ${randomUUID()}`,
        procedure: 'ORDINARY',
        officerIds: [this.id('officer.zhang'), this.id('officer.li')],
        ...overrides,
      },
    });
    if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A registered and filed ordinary case with officer.zhang and officer.li. */
  async filedCase(overrides: Record<string, unknown> = {}): Promise<string> {
    const { id } = await this.register(overrides);
    const res = await this.command('head.sun', id, 'filing', {
      approve: true,
      reason: 'facts verified on inspection',
      officerIds: [this.id('officer.zhang'), this.id('officer.li')],
    });
    if (res.status !== 200) throw new Error(`filing failed: ${res.status} ${JSON.stringify(res.body)}`);
    return id;
  }

  /** Text evidence through the JSON variant of POST /cases/:id/evidence. */
  async textEvidence(caseId: string, username = 'officer.zhang', collectors = ['officer.zhang', 'officer.li']) {
    return this.command<CommandBody & { evidenceId: string; sha256: string }>(username, caseId, 'evidence', {
      kind: 'ON_SITE_RECORD',
      title: '现场检查笔录',
      collectedAt: ago(60),
      collectedByIds: collectors.map((u) => this.id(u)),
      location: '长治市潞州区某街12号',
      text: '检查发现当事人未取得食品经营许可证, 正在销售预包装食品。',
      // APL 55: said with every item here, required with the first.
      credentialsShown: true,
      rightsExplained: true,
    });
  }

  async eventCount(caseId: string): Promise<number> {
    if (!/^[0-9a-f-]{36}$/i.test(caseId)) return 0; // not even a case id
    const [{ n }] = await this.stack.ds.query('SELECT count(*)::int AS n FROM case_events WHERE case_id = $1', [caseId]);
    return n as number;
  }

  async eventTypes(caseId: string): Promise<string[]> {
    const rows: { type: string }[] = await this.stack.ds.query('SELECT type FROM case_events WHERE case_id = $1 ORDER BY seq', [caseId]);
    return rows.map((r) => r.type);
  }

  /** The evidence ids a case has recorded, oldest first. */
  async evidenceIds(caseId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.stack.ds.query('SELECT evidence_id AS id FROM evidence_items WHERE case_id = $1 ORDER BY recorded_at', [caseId]);
    return rows.map((r) => r.id);
  }

  /**
   * 归档 as it happens now: the officer asks (ARCHIVING), then the archive job builds and signs the package and
   * reports it, which seals the case. The job is called directly (no queue feeds it on this branch).
   */
  async archive(caseId: string, username = 'officer.zhang'): Promise<CaseBody> {
    const res = await this.command(username, caseId, 'archive');
    if (res.status !== 200) throw new Error(`archive failed: ${res.status} ${JSON.stringify(res.body)}`);
    const requested = (res.body as CommandBody).case as CaseBody;
    if (requested.status !== 'ARCHIVING') throw new Error(`archive: expected ARCHIVING, got ${requested.status}`);
    await runArchiveJob(this.stack.archiveJob, this.stack.ds, caseId);
    return this.case(username, caseId);
  }

  /** A head approves the notice of the reviewed proposal (head.sun). */
  async approveNotice(caseId: string): Promise<void> {
    const res = await this.command('head.sun', caseId, 'notice-approval', { comments: '同意告知' });
    if (res.status !== 200) throw new Error(`notice approval failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** Runs a request that must be refused, and checks the case recorded nothing. */
  async refused(caseId: string, request: () => Promise<HttpResult<unknown>>): Promise<HttpResult<ProblemBody>> {
    const before = await this.eventCount(caseId);
    const res = (await request()) as HttpResult<ProblemBody>;
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await this.eventCount(caseId)).toBe(before);
    return res;
  }
}

/** An instant `seconds` ago: acts are recorded after they happen, never in the future. */
export function ago(seconds: number): string {
  return new Date(Date.now() - seconds * 1000).toISOString();
}

export function deadline(c: CaseBody, kind: string): DeadlineView | undefined {
  return c.deadlines.find((d) => d.kind === kind);
}

export function deadlineStates(c: CaseBody): Record<string, string> {
  return Object.fromEntries(c.deadlines.map((d) => [d.kind, d.state]));
}

export const DAY_MS = 86_400_000;
