import { randomUUID } from 'node:crypto';
import type { FaultStack } from './fault-stack';

/** One HTTP answer as the caller saw it; status 0 when the request itself failed (connection refused or reset). */
export interface Answer {
  status: number;
  contentType: string;
  body: Record<string, unknown> | null;
  text: string;
  /** The Retry-After header, if the answer had one. */
  retryAfter: string | null;
}

export async function call(stack: FaultStack, username: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  try {
    const res = await fetch(`${stack.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await stack.token(username)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: Record<string, unknown> | null = null;
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    } catch {
      parsed = null;
    }
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: parsed, text, retryAfter: res.headers.get('retry-after') };
  } catch (err) {
    return { status: 0, contentType: '', body: null, text: String(err), retryAfter: null };
  }
}

/** A registered and filed ordinary case (officer.zhang and officer.li, filed by head.sun). */
export async function filedCase(stack: FaultStack): Promise<string> {
  const officers = [stack.userId('officer.zhang'), stack.userId('officer.li')];
  const reg = await call(stack, 'officer.zhang', 'POST', '/cases', {
    source: 'inspection',
    discoveredAt: '2026-11-20T02:00:00Z',
    violationAt: '2026-11-18',
    party: { type: 'PERSON', name: '王某' },
    violationCode: 'FOOD-UNLICENSED',
    summary: `reliability ${randomUUID()}`,
    procedure: 'ORDINARY',
    officerIds: officers,
  });
  if (reg.status !== 201) throw new Error(`registration: ${reg.status} ${reg.text}`);
  const id = reg.body!.id as string;
  const filed = await call(stack, 'head.sun', 'POST', `/cases/${id}/filing`, { approve: true, reason: 'facts verified on inspection', officerIds: officers });
  if (filed.status !== 200) throw new Error(`filing: ${filed.status} ${filed.text}`);
  return id;
}

/**
 * A text evidence item (a command a case takes any number of times) whose
 * title carries `tag`, so the test can count exactly the events it caused.
 */
export function evidence(stack: FaultStack, caseId: string, tag: string, headers: Record<string, string> = {}): Promise<Answer> {
  return call(
    stack,
    'officer.zhang',
    'POST',
    `/cases/${caseId}/evidence`,
    {
      kind: 'ON_SITE_RECORD',
      title: `现场检查笔录 ${tag}`,
      // Fixed, so a repeat under one Idempotency-Key is the same request.
      collectedAt: '2026-11-21T03:00:00Z',
      collectedByIds: [stack.userId('officer.zhang'), stack.userId('officer.li')],
      location: '长治市潞州区某街12号',
      text: `检查发现当事人未取得食品经营许可证 (${tag})`,
      credentialsShown: true,
      rightsExplained: true,
    },
    headers,
  );
}

/** How many EVIDENCE_RECORDED events carry `tag` in their title (the test's commands, one event each). */
export async function recordedWith(stack: FaultStack, caseId: string, tag: string): Promise<number> {
  const [{ n }] = (await stack.ds.query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND type = 'EVIDENCE_RECORDED' AND payload->>'title' = $2`, [
    caseId,
    `现场检查笔录 ${tag}`,
  ])) as { n: number }[];
  return n;
}

/** The case's chain as GET /cases/{id}/timeline/verify reports it. */
export async function verifiedChain(stack: FaultStack, caseId: string): Promise<Record<string, unknown>> {
  const res = await call(stack, 'officer.zhang', 'GET', `/cases/${caseId}/timeline/verify`);
  if (res.status !== 200) throw new Error(`verify: ${res.status} ${res.text}`);
  return res.body!;
}

/** The seqs of a case's events, in order: linear means exactly 1..n. */
export async function seqs(stack: FaultStack, caseId: string): Promise<number[]> {
  const rows = (await stack.ds.query('SELECT seq FROM case_events WHERE case_id = $1 ORDER BY seq', [caseId])) as { seq: number }[];
  return rows.map((r) => r.seq);
}
