import fc from 'fast-check';
import { startStack, Stack } from '../support/stack';
import { badBody, badPathSegment, encode, notJson, operations, type Operation } from '../support/fuzz/openapi-arbitraries';
import { documentedProblems, expectRefusedCleanly, fuzzParameters, send } from '../support/fuzz/invariants';
import { Client } from './command-helpers';

// Bad input at scale on every command the API accepts (every POST of the
// OpenAPI document's "case commands", registration included): bodies nearly
// valid, typed but random, or any JSON at all; bytes that are not JSON; garbage
// case and evidence ids; callers of the right and the wrong role, with and
// without an Idempotency-Key. Every answer is a documented problem (never a
// 5xx), and a refused request leaves every recorded row as it was.
// A failure prints fast-check's counterexample with its seed and path:
// FUZZ_SEED=<seed> FUZZ_PATH=<path> replays it (docs/development.md, "Fuzz tests").

const COMMANDS = operations().filter((op) => op.method === 'POST' && op.tags.includes('case commands'));

/** A demo user holding each role (officer.zhang and officer.li are the cases' officers). */
const BY_ROLE: Record<string, string> = {
  OFFICER: 'officer.zhang',
  AGENCY_HEAD: 'head.sun',
  LEGAL_REVIEWER: 'reviewer.liu',
  POLICE_LIAISON: 'police.wu',
  PROCURATORATE: 'procurator.zheng',
};

describe('fuzz: every command body and path', () => {
  let stack: Stack;
  let api: Client;
  let codes: Map<string, number>;
  let cases: string[];
  let evidenceId: string;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
    codes = await documentedProblems(stack);
    const lead = (await api.register()).id;
    const filed = await api.filedCase();
    const evidence = await api.textEvidence(filed);
    if (evidence.status !== 201) throw new Error(`evidence: ${evidence.status} ${JSON.stringify(evidence.body)}`);
    evidenceId = evidence.body.evidenceId;
    cases = [lead, filed];
  });
  afterAll(() => stack?.close());

  it('covers every command of the contract', () => {
    expect(COMMANDS.length).toBeGreaterThan(60);
    expect(COMMANDS.map((op) => op.path)).toEqual(expect.arrayContaining(['/api/v1/cases', '/api/v1/cases/{id}/filing', '/api/v1/cases/{id}/evidence/{evidenceId}/custody']));
    expect(COMMANDS.filter((op) => !op.body).map((op) => op.path)).toEqual([]);
  });

  // Found by this fuzz: "\u0000" or a lone "\ud800" in any text of a command passed validation, and Postgres refused
  // the event's jsonb on every retry of the append: the request never answered and the case waited behind it for good.
  it('regression: NUL and unpaired surrogates are refused at the edge (400), and the case goes on', async () => {
    const filed = cases[1];
    for (const reason of ['held \u0000 here', 'half \ud800 a pair']) {
      const res = await api.refused(filed, () => api.command('head.sun', filed, 'extension', { deadline: 'investigation', days: 10, reason }));
      expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED', errors: [{ field: 'reason' }] });
    }
    const upload = new FormData();
    for (const [k, v] of Object.entries({ kind: 'PHYSICAL', title: 'x\u0000', collectedAt: new Date().toISOString(), location: 'x', collectedByIds: api.id('officer.zhang') })) upload.append(k, v);
    upload.append('file', new Blob([Buffer.from('photo')]), 'p.jpg');
    const multipart = await api.refused(filed, async () => send(stack, 'POST', `/api/v1/cases/${filed}/evidence`, { token: await api.token('officer.zhang'), body: upload }));
    expect(multipart.body).toMatchObject({ status: 400, errors: [{ field: 'title' }] });
    expect((await api.textEvidence(filed)).status).toBe(201);
  });

  /** Who sends it: a user of one of the command's roles mostly, sometimes one without, no token, or a forged one. */
  const caller = (op: Operation) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...op.roles.map((r) => BY_ROLE[r]).filter(Boolean)) },
      { weight: 1, arbitrary: fc.constantFrom('aux.chen', 'supervisor.zhou', 'officer.wang', 'officer.expired') },
      { weight: 1, arbitrary: fc.constantFrom('<none>', '<forged>') },
    );

  const headers = fc.oneof(
    fc.constant({}),
    fc.uuid().map((k) => ({ 'idempotency-key': `fuzz-${k}` })),
    fc.string({ maxLength: 30 }).map((k) => ({ 'idempotency-key': encode(k) })),
  );

  async function token(user: string): Promise<string | undefined> {
    if (user === '<none>') return undefined;
    if (user === '<forged>') return 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    return api.token(user);
  }

  /** The path with its case id (a real case, or garbage) and its evidence id. */
  function target(op: Operation, caseIndex: number | string, evidence: string | undefined): string {
    const id = typeof caseIndex === 'number' ? cases[caseIndex % cases.length] : caseIndex;
    return op.path.replace('{id}', id).replace('{evidenceId}', evidence ?? evidenceId);
  }

  it.each(COMMANDS.map((op) => [op.path, op] as const))('%s: bad bodies are refused with documented problems, recording nothing', async (_, op) => {
    await fc.assert(
      fc.asyncProperty(badBody(op), caller(op), fc.nat(), headers, async (body, user, caseIndex, extra) => {
        const path = target(op, caseIndex, undefined);
        await expectRefusedCleanly(stack, codes, `POST ${path} as ${user} with ${JSON.stringify(body)}`, async () =>
          send(stack, 'POST', path, { token: await token(user), body: JSON.stringify(body), contentType: 'application/json', headers: extra }),
        );
      }),
      fuzzParameters(8),
    );
  });

  it('bytes that are not JSON, or not sent as JSON, are refused on every command', async () => {
    const contentType = fc.constantFrom('application/json', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMANDS), notJson, contentType, fc.nat(), async (op, bytes, type, caseIndex) => {
        const path = target(op, caseIndex, undefined);
        await expectRefusedCleanly(stack, codes, `POST ${path} (${type}) ${JSON.stringify(bytes)}`, async () =>
          send(stack, 'POST', path, { token: await api.token(BY_ROLE[op.roles[0]] ?? 'officer.zhang'), body: bytes, contentType: type }),
        );
      }),
      fuzzParameters(80),
    );
  });

  it('garbage case and evidence ids answer 400 or 404 on every command, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMANDS.filter((op) => op.path.includes('{id}'))), badPathSegment, fc.option(badPathSegment, { nil: undefined }), async (op, id, evidence) => {
        const path = target(op, id, evidence);
        const res = await expectRefusedCleanly(stack, codes, `POST ${path}`, async () =>
          send(stack, 'POST', path, { token: await api.token(BY_ROLE[op.roles[0]] ?? 'officer.zhang'), body: JSON.stringify(op.body?.example ?? {}), contentType: 'application/json' }),
        );
        if (![400, 404].includes(res.status)) throw new Error(`POST ${path} answered ${res.status}, not 400 or 404`);
      }),
      fuzzParameters(120),
    );
  });
});
