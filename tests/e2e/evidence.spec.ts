import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { EvidenceStore } from '../../apps/case-api/src/evidence/evidence.store';
import { http, startStack, Stack } from '../support/stack';

// Evidence over HTTP: multipart files streamed to the content-addressed
// store, text items, metadata and re-hashed reads, and a tampered file.
describe('evidence', () => {
  let stack: Stack;
  let zhang: string;
  let caseId: string;

  beforeAll(async () => {
    stack = await startStack();
    zhang = await stack.token('officer.zhang');
    const created = await http(stack, 'POST', '/api/v1/cases', {
      token: zhang,
      body: {
        source: 'inspection',
        discoveredAt: '2026-11-20T02:00:00Z',
        violationAt: '2026-11-18T02:00:00Z',
        party: { type: 'PERSON', name: '王某' },
        violationCode: 'FOOD-UNLICENSED',
        summary: 'evidence suite',
        procedure: 'ORDINARY',
        officerIds: [stack.userId('officer.zhang'), stack.userId('officer.li')],
      },
    });
    caseId = created.body.id as string;
    const filed = await http(stack, 'POST', `/api/v1/cases/${caseId}/filing`, {
      token: await stack.token('head.sun'),
      body: { approve: true, reason: 'facts indicate a violation', officerIds: [stack.userId('officer.zhang'), stack.userId('officer.li')] },
    });
    expect(filed.status).toBe(200);
  });
  afterAll(() => stack?.close());

  const collectors = () => [stack.userId('officer.zhang'), stack.userId('officer.li')];
  const eventCount = async (): Promise<number> =>
    (await stack.ds.query('SELECT count(*)::int AS n FROM case_events WHERE case_id = $1', [caseId]))[0].n;

  function multipart(bytes: Buffer, fields: Record<string, string | string[]>): FormData {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
    form.append('file', new Blob([bytes], { type: 'video/mp4' }), 'inspection.mp4');
    return form;
  }

  async function upload(form: FormData, token = zhang, headers: Record<string, string> = {}) {
    const res = await fetch(`${stack.url}/api/v1/cases/${caseId}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...headers },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  const videoFields = () => ({
    kind: 'AUDIO_VISUAL',
    title: '执法记录仪视频',
    collectedAt: '2026-11-21T03:00:00Z',
    collectedByIds: collectors(),
    location: '长治市潞州区某街12号',
    // APL 55, told at the first collection; form fields carry the flags as text.
    credentialsShown: 'true',
    rightsExplained: 'true',
  });

  it('streams a file into the store, records its hash in the chain, and serves it re-hashed', async () => {
    const bytes = randomBytes(24 * 1024 * 1024 + 13);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const res = await upload(multipart(bytes, videoFields()));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sha256, sizeBytes: bytes.length, recorded: [{ type: 'EVIDENCE_RECORDED' }] });

    const evidenceId = res.body.evidenceId as string;
    const meta = await http(stack, 'GET', `/api/v1/cases/${caseId}/evidence/${evidenceId}`, { token: zhang });
    expect(meta.body).toMatchObject({ evidenceId, sha256, sizeBytes: bytes.length, kind: 'AUDIO_VISUAL', mediaType: 'video/mp4' });
    expect((meta.body.collectors as { userId: string }[]).map((c) => c.userId).sort()).toEqual(collectors().sort());

    // An evidence file may carry the party's full personal information: read for a reason, and logged (PIPL).
    const unexplained = await http(stack, 'GET', `/api/v1/cases/${caseId}/evidence/${evidenceId}/content`, { token: zhang });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body).toMatchObject({ code: 'VALIDATION.FAILED', errors: [{ field: 'X-Access-Reason' }] });
    const content = await fetch(`${stack.url}/api/v1/cases/${caseId}/evidence/${evidenceId}/content`, {
      headers: { authorization: `Bearer ${zhang}`, 'x-access-reason': encodeURIComponent('核对现场录像') },
    });
    expect(content.status).toBe(200);
    const [read] = await stack.ds.query(`SELECT reason, source, source_ref FROM personal_data_access WHERE case_id = $1 ORDER BY at DESC LIMIT 1`, [caseId]);
    expect(read).toEqual({ reason: '核对现场录像', source: 'EVIDENCE', source_ref: evidenceId });
    expect(content.headers.get('x-content-sha256')).toBe(sha256);
    expect(createHash('sha256').update(Buffer.from(await content.arrayBuffer())).digest('hex')).toBe(sha256);

    const [event] = await stack.ds.query(`SELECT payload FROM case_events WHERE case_id = $1 AND type = 'EVIDENCE_RECORDED' ORDER BY seq DESC LIMIT 1`, [caseId]);
    expect(event.payload).toMatchObject({ sha256 });

    // Projected in the same transaction: the evidence and party tables.
    const [row] = await stack.ds.query('SELECT sha256, size_bytes, kind FROM evidence_items WHERE case_id = $1 AND evidence_id = $2', [caseId, evidenceId]);
    expect(row).toEqual({ sha256, size_bytes: String(bytes.length), kind: 'AUDIO_VISUAL' });
    const [party] = await stack.ds.query('SELECT type, name FROM parties WHERE case_id = $1', [caseId]);
    expect(party).toEqual({ type: 'PERSON', name: '王某' });
  });

  it('records text evidence sent as JSON', async () => {
    const text = '当事人陈述：未办理食品经营许可证。';
    const res = await http(stack, 'POST', `/api/v1/cases/${caseId}/evidence`, {
      token: zhang,
      body: { kind: 'PARTY_STATEMENT', title: '询问笔录', collectedAt: '2026-11-21T04:00:00Z', collectedByIds: collectors(), location: '执法大队', text, credentialsShown: true, rightsExplained: true },
    });
    expect(res.status).toBe(201);
    expect(res.body.sha256).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('refuses an item collected by one officer (422) and records nothing', async () => {
    const before = await eventCount();
    const res = await upload(multipart(randomBytes(1000), { ...videoFields(), collectedByIds: [stack.userId('officer.zhang')] }));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('CASE.TWO_OFFICERS_REQUIRED');
    expect(await eventCount()).toBe(before);
  });

  it('400 for a multipart request without a file, with field-level problems', async () => {
    const form = new FormData();
    form.append('kind', 'NOT_A_KIND');
    const res = await fetch(`${stack.url}/api/v1/cases/${caseId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${zhang}` }, body: form });
    const body = (await res.json()) as { code: string; errors: { field: string }[] };
    expect(res.status).toBe(400);
    expect(body.errors.map((e) => e.field)).toContain('file');
  });

  it('never serves a tampered file: reading it is 409 EVIDENCE.HASH_MISMATCH', async () => {
    const bytes = randomBytes(4096);
    const res = await upload(multipart(bytes, videoFields()));
    expect(res.status).toBe(201);
    const store = stack.api.get(EvidenceStore);
    const tampered = Buffer.from(bytes);
    tampered[100] ^= 0xff;
    writeFileSync(store.pathOf(res.body.sha256 as string), tampered);

    const content = await http(stack, 'GET', `/api/v1/cases/${caseId}/evidence/${String(res.body.evidenceId)}/content`, { token: zhang, headers: { 'x-access-reason': 'check' } });
    expect(content.status).toBe(409);
    expect(content.body).toMatchObject({ code: 'EVIDENCE.HASH_MISMATCH' });
  });

  it('404 for unknown evidence', async () => {
    const res = await http(stack, 'GET', `/api/v1/cases/${caseId}/evidence/00000000-0000-4000-8000-000000000000`, { token: zhang });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('EVIDENCE.ITEM_NOT_FOUND');
  });
});
