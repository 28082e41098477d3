import fc from 'fast-check';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startStack, Stack } from '../support/stack';
import { eventually } from '../support/eventually';
import { nastyString, operations, resolve, typed } from '../support/fuzz/openapi-arbitraries';
import { changedTables, documentedProblems, expectDocumented, expectRefusedCleanly, fuzzParameters, recordFingerprint, send } from '../support/fuzz/invariants';
import { BOUNDARY, fileHead, multipartBody, partBytes, partialPost, type Part } from '../support/fuzz/raw-upload';
import type { HttpResult } from '../support/stack';
import { Client } from './command-helpers';

// The multipart evidence upload under bad input: any fields (typed, untyped,
// unknown, repeated), no file, two files, a file under another name, a body cut
// anywhere, a wrong boundary; a file over EVIDENCE_MAX_BYTES, a field over its
// size, too many fields and a JSON body over 2 MB answered 413 before the client
// finished sending; an upload that goes silent answered 408 after
// UPLOAD_IDLE_TIMEOUT_MS. Never a 5xx, and a refused upload records nothing and
// leaves no partial file behind.

const MAX_BYTES = 64 * 1024;
const IDLE_MS = 1000;
const UPLOAD = resolve(operations().find((op) => op.path === '/api/v1/cases/{id}/evidence' && op.method === 'POST')!.body!.schema);

describe('fuzz: the multipart evidence upload, its limits and its idle timeout', () => {
  let stack: Stack;
  let api: Client;
  let codes: Map<string, number>;
  let filed: string;
  let zhang: string;

  beforeAll(async () => {
    stack = await startStack({ env: { EVIDENCE_MAX_BYTES: String(MAX_BYTES), UPLOAD_IDLE_TIMEOUT_MS: String(IDLE_MS) } });
    api = new Client(stack);
    codes = await documentedProblems(stack);
    filed = await api.filedCase();
    zhang = await api.token('officer.zhang');
  });
  afterAll(() => stack?.close());

  const path = () => `/api/v1/cases/${filed}/evidence`;
  const multipartType = `multipart/form-data; boundary=${BOUNDARY}`;

  /** Fields as the form would send them, from the upload's schema: right, wrong, or absent, plus an unknown one now and then. */
  const fields: fc.Arbitrary<Part[]> = fc
    .tuple(
      fc.record(
        {
          kind: typed(UPLOAD.properties!.kind),
          title: nastyString,
          collectedAt: fc.oneof(fc.constant(new Date(Date.now() - 3600_000).toISOString()), nastyString),
          location: nastyString,
          collectedByIds: fc.oneof(fc.constant(['0b8f5c1e-2d7a-4c1b-9e57-000000000101', '0b8f5c1e-2d7a-4c1b-9e57-000000000102']), fc.array(nastyString, { maxLength: 3 })),
          credentialsShown: fc.constantFrom('true', 'false', 'yes', ''),
          rightsExplained: fc.constantFrom('true', 'false', '1'),
          origin: typed(UPLOAD.properties!.origin),
          text: nastyString,
        },
        { requiredKeys: [] },
      ),
      fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), nastyString), { nil: undefined }),
    )
    .map(([known, unknown]) =>
      [...Object.entries(known), ...(unknown ? [unknown] : [])].flatMap(([name, v]) =>
        (Array.isArray(v) ? v : [v]).map((value) => ({ name, value: typeof value === 'string' ? value : JSON.stringify(value) })),
      ),
    );

  const files: fc.Arbitrary<Part[]> = fc.oneof(
    fc.constant<Part[]>([]),
    fc.uint8Array({ maxLength: 2048 }).map((b) => [{ name: 'file', filename: 'photo.jpg', type: 'image/jpeg', bytes: Buffer.from(b) }]),
    fc.tuple(fc.constantFrom('file', 'photo', ''), fc.constantFrom('file', 'second')).map(([a, b]) => [
      { name: a, filename: 'a.bin', type: 'application/octet-stream', bytes: Buffer.from('a') },
      { name: b, filename: 'b.bin', type: 'application/octet-stream', bytes: Buffer.from('b') },
    ]),
  );

  /** The body as sent: whole, cut short anywhere, or under a content type whose boundary is not the body's. */
  const framing = fc.oneof(
    fc.constant({ cut: undefined, type: multipartType }),
    fc.nat().map((n) => ({ cut: n, type: multipartType })),
    fc.constantFrom('multipart/form-data', 'multipart/form-data; boundary=other', 'multipart/mixed; boundary=x', `multipart/form-data; boundary="${BOUNDARY}"; charset=latin1`).map((type) => ({ cut: undefined, type })),
  );

  it('any form, file and framing: documented problems, nothing recorded, no partial file left', async () => {
    await fc.assert(
      fc.asyncProperty(fields, files, framing, fc.constantFrom('officer.zhang', 'officer.zhang', 'aux.chen', 'head.sun'), async (form, file, { cut, type }, who) => {
        const whole = multipartBody([...form, ...file]);
        const body = cut === undefined ? whole : whole.subarray(0, cut % whole.length);
        await expectRefusedCleanly(stack, codes, `upload as ${who} (${type}) ${JSON.stringify(body.toString('latin1').slice(0, 400))}`, async () =>
          send(stack, 'POST', path(), { token: await api.token(who), body, contentType: type }),
        );
        await noPartialFiles();
      }),
      fuzzParameters(60),
    );
  });

  /** The evidence store's temporary directory holds nothing once every answer is out. */
  async function noPartialFiles(): Promise<void> {
    const tmp = join(stack.cfg.evidenceDir, 'tmp');
    await eventually(async () => (await readdir(tmp).catch(() => [])).length === 0, 5000, 20);
  }

  /** Sends the start of an upload, leaves the request open, and checks the answer and that nothing was recorded. */
  async function cutOff(first: Buffer[], declared: number, headers: Record<string, string> = {}): Promise<HttpResult<unknown>> {
    const before = await recordFingerprint(stack.ds);
    const upload = partialPost(stack, path(), { authorization: `Bearer ${zhang}`, 'content-type': multipartType, 'content-length': declared, ...headers }, first);
    const res = await upload.response;
    expect({ answeredWhileSending: !upload.endedBeforeAnswer() }).toEqual({ answeredWhileSending: true });
    expectDocumented('upload', res, codes);
    expect(res.headers.get('connection')).toBe('close');
    expect(changedTables(before, await recordFingerprint(stack.ds))).toEqual([]);
    await noPartialFiles();
    return res;
  }

  const someFields = (): Buffer[] =>
    [{ name: 'kind', value: 'PHYSICAL' }, { name: 'title', value: '样品照片' }].map((p) => partBytes(p));

  it('413 as soon as the file passes EVIDENCE_MAX_BYTES, before the client has sent it all', async () => {
    const over = Buffer.alloc(MAX_BYTES + 1024, 7);
    const res = await cutOff([...someFields(), fileHead(), over], 10 * MAX_BYTES);
    expect(res.body).toMatchObject({ status: 413, code: 'EVIDENCE.TOO_LARGE' });
  });

  it('413 for a form field over 100,000 bytes, and for more than 30 fields', async () => {
    // A field is judged once it ends, at the next part's delimiter; the rest of the form is never sent.
    const next = Buffer.from(`--${BOUNDARY}\r\n`);
    const long = await cutOff([partBytes({ name: 'title', value: 'x'.repeat(100_001) }), next], 1_000_000);
    expect(long.body).toMatchObject({ status: 413, code: 'REQUEST.TOO_LARGE' });
    const many = await cutOff([...Array.from({ length: 31 }, (_, i) => partBytes({ name: `f${i}`, value: 'x' })), next], 1_000_000);
    expect(many.body).toMatchObject({ status: 413, code: 'REQUEST.TOO_LARGE' });
  });

  it('413 for a JSON command body over 2 MB, declared or sent', async () => {
    const declared = partialPost(stack, `/api/v1/cases/${filed}/extension`, { authorization: `Bearer ${await api.token('head.sun')}`, 'content-type': 'application/json', 'content-length': 3_000_000 }, [Buffer.from('{"reason":"')]);
    expect((await declared.response).body).toMatchObject({ status: 413, code: 'REQUEST.TOO_LARGE' });
    const sent = await expectRefusedCleanly(stack, codes, 'a 2 MB reason', async () =>
      send(stack, 'POST', `/api/v1/cases/${filed}/extension`, { token: await api.token('head.sun'), body: JSON.stringify({ deadline: 'x', days: 1, reason: 'x'.repeat(2_100_000) }), contentType: 'application/json' }),
    );
    expect(sent.body).toMatchObject({ status: 413, code: 'REQUEST.TOO_LARGE' });
  });

  it('408 when the upload goes silent for UPLOAD_IDLE_TIMEOUT_MS, nothing recorded, the partial file removed', async () => {
    const started = Date.now();
    const res = await cutOff([...someFields(), fileHead(), Buffer.alloc(4096, 1)], 100_000);
    expect(res.body).toMatchObject({ status: 408, code: 'REQUEST.TIMEOUT' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(IDLE_MS - 50);
  });

  it('a slow upload that keeps sending is not cut off: the timeout is for silence, not for the whole upload', async () => {
    const rest = [
      ...['PHYSICAL', '现场照片', new Date(Date.now() - 60_000).toISOString(), '长治市潞州区'].map((value, i) => ({ name: ['kind', 'title', 'collectedAt', 'location'][i], value })),
      { name: 'collectedByIds', value: `${api.id('officer.zhang')},${api.id('officer.li')}` },
      { name: 'credentialsShown', value: 'true' },
      { name: 'rightsExplained', value: 'true' },
    ];
    const body = Buffer.concat([...rest.map((p) => partBytes(p)), fileHead(), Buffer.alloc(3000, 9), Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
    const chunks = Array.from({ length: 6 }, (_, i) => body.subarray((i * body.length) / 6, ((i + 1) * body.length) / 6));
    const upload = partialPost(stack, path(), { authorization: `Bearer ${zhang}`, 'content-type': multipartType, 'content-length': body.length }, [chunks[0]]);
    // Six chunks, each well within the idle timeout of the one before, the whole longer than the timeout.
    for (const chunk of chunks.slice(1)) {
      await new Promise((r) => setTimeout(r, IDLE_MS / 4));
      upload.write(chunk);
    }
    upload.end();
    const res = await upload.response;
    expect({ status: res.status, body: res.status === 201 ? undefined : res.body }).toEqual({ status: 201, body: undefined });
  });
});
