import fc from 'fast-check';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { startStack, Stack } from '../support/stack';
import { badBody, badPathSegment, badQuery, encode, operations, type Operation } from '../support/fuzz/openapi-arbitraries';
import { documentedProblems, expectRefusedCleanly, fuzzParameters, send } from '../support/fuzz/invariants';
import { Client } from './command-helpers';

// Bad input at scale on every other operation of the OpenAPI document: the
// query parameters of every list and read (typed, untyped, repeated, broken
// percent-escapes, unknown ones), every path parameter (real ids, unknown ids,
// garbage), and the bodies of the administration's writes. Every answer is a
// documented problem (never a 5xx); a refused request records nothing.
// A failure prints its seed and path: FUZZ_SEED / FUZZ_PATH replay it.

const ALL = operations().filter((op) => !op.tags.includes('case commands') && !op.path.startsWith('/api/v1/cases/{id}/evidence'));
const READS = ALL.filter((op) => op.method === 'GET');
const WRITES = ALL.filter((op) => op.method !== 'GET');
/** The evidence reads (the evidence route also carries the upload, fuzzed in fuzz-evidence-upload.spec.ts). */
const EVIDENCE_READS = operations().filter((op) => op.method === 'GET' && op.path.startsWith('/api/v1/cases/{id}/evidence'));

const USERS = ['officer.zhang', 'head.sun', 'reviewer.liu', 'supervisor.zhou', 'police.wu', 'procurator.zheng', 'aux.chen', 'admin', 'sysadmin'];

describe('fuzz: every query and path parameter, and the administration bodies', () => {
  let stack: Stack;
  let api: Client;
  let codes: Map<string, number>;
  /** Real values of the path parameters, so a fuzzed request also reaches what lies behind a found resource. */
  let known: Record<string, string[]>;

  beforeAll(async () => {
    // The public pages allow 120 requests a minute per client: the fuzz is one client sending more.
    stack = await startStack({ env: { PUBLIC_RATE_LIMIT: '1000000' } });
    api = new Client(stack);
    codes = await documentedProblems(stack);
    const filed = await api.filedCase();
    const evidence = await api.textEvidence(filed);
    if (evidence.status !== 201) throw new Error(`evidence: ${evidence.status} ${JSON.stringify(evidence.body)}`);
    known = {
      id: [filed, (await api.register()).id, api.id('officer.zhang')],
      caseId: [filed],
      evidenceId: [evidence.body.evidenceId],
      version: [DEMO_POLICY.version],
      code: ['CASE.NOT_FOUND', 'HTTP.405'],
      certificateNo: ['14040120240001'],
      queue: ['documents', 'notifications'],
    };
  });
  afterAll(() => stack?.close());

  it('covers the reads and writes of the contract', () => {
    expect(READS.length + EVIDENCE_READS.length).toBeGreaterThan(40);
    expect(READS.map((op) => op.path)).toEqual(expect.arrayContaining(['/api/v1/cases', '/api/v1/supervision/statistics', '/api/v1/public/disclosures']));
    expect(WRITES.map((op) => `${op.method} ${op.path}`)).toEqual(expect.arrayContaining(['POST /api/v1/admin/users', 'PUT /api/v1/admin/webhooks', 'PATCH /api/v1/admin/agencies/{id}']));
  });

  const user = fc.constantFrom(...USERS, '<none>');

  /** The path with each parameter a real value or garbage (already encoded). */
  const path = (op: Operation) =>
    fc
      .tuple(...[...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => fc.oneof(fc.constantFrom(...(known[name] ?? ['x'])).map(encode), badPathSegment)))
      .map((values) => values.reduce<string>((p, v) => p.replace(/\{\w+\}/, v), op.path));

  async function token(name: string): Promise<string | undefined> {
    return name === '<none>' ? undefined : api.token(name);
  }

  const headers = (op: Operation) =>
    op.parameters.some((p) => p.name === 'X-Access-Reason')
      ? fc.option(fc.string({ maxLength: 40 }).map((r) => ({ 'x-access-reason': encode(r) })), { nil: {} })
      : fc.constant({});

  it.each([...READS, ...EVIDENCE_READS].map((op) => [op.path, op] as const))('GET %s: any query and path answer documented problems', async (_, op) => {
    await fc.assert(
      fc.asyncProperty(path(op), badQuery(op), user, headers(op), async (p, query, who, extra) => {
        await expectRefusedCleanly(stack, codes, `GET ${p}${query} as ${who}`, async () => send(stack, 'GET', `${p}${query}`, { token: await token(who), headers: extra }));
      }),
      fuzzParameters(op.parameters.some((p) => p.in !== 'header') ? 12 : 4),
    );
  });

  it.each(WRITES.map((op) => [`${op.method} ${op.path}`, op] as const))('%s: bad bodies and paths are refused with documented problems, recording nothing', async (_, op) => {
    await fc.assert(
      fc.asyncProperty(path(op), badBody(op), fc.constantFrom('admin', 'sysadmin', 'supervisor.zhou', 'officer.zhang', '<none>'), async (p, body, who) => {
        await expectRefusedCleanly(stack, codes, `${op.method} ${p} as ${who} with ${JSON.stringify(body)}`, async () =>
          send(stack, op.method, p, { token: await token(who), ...(op.body ? { body: JSON.stringify(body), contentType: 'application/json' } : {}) }),
        );
      }),
      fuzzParameters(8),
    );
  });

  it('unknown routes and methods are documented problems too', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'), fc.array(badPathSegment, { minLength: 1, maxLength: 4 }), user, async (method, segments, who) => {
        const p = `/api/v1/${segments.join('/')}`;
        await expectRefusedCleanly(stack, codes, `${method} ${p}`, async () => send(stack, method, p, { token: await token(who) }));
      }),
      fuzzParameters(60),
    );
  });
});
