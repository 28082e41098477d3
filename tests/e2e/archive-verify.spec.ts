import { execFile } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MANIFEST_FILE, packageDir, sha256Of, type ArchiveManifest } from '@zhifa/archive';
import { startStack, type Stack } from '../support/stack';
import { TEST_DATABASE_URL } from '../support/test-env';
import { Client } from './command-helpers';

const run = promisify(execFile);

// Verifying an archive package over HTTP (GET /cases/:id/archive/verify) and
// with the CLI (npm run verify-archive): each names exactly what fails.
describe('archive verification', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  async function archivedCase(): Promise<string> {
    const id = await api.filedCase();
    expect((await api.textEvidence(id)).status).toBe(201);
    expect((await api.command('head.sun', id, 'suspension', { action: 'TERMINATE', reason: '违法事实不能成立' })).status).toBe(200);
    expect((await api.command('head.sun', id, 'closure', { summary: '终止调查，结案' })).status).toBe(200);
    expect((await api.archive(id)).status).toBe('ARCHIVED');
    return id;
  }

  async function cli(dir: string): Promise<{ code: number; out: string }> {
    try {
      const { stdout } = await run('node', ['-r', '@swc-node/register', 'infra/archive/verify-archive.main.ts', dir], { env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL } });
      return { code: 0, out: stdout };
    } catch (err) {
      const e = err as { code: number; stdout: string };
      return { code: e.code, out: e.stdout };
    }
  }

  it('a sealed case verifies; a case not archived, or still being archived, has nothing to verify (409)', async () => {
    const id = await archivedCase();
    const ok = await api.get(`reviewer.liu`, `/cases/${id}/archive/verify`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ caseId: id, status: 'ARCHIVED', valid: true, problems: [], filesChecked: 3 });
    expect((ok.body as { manifestSha256: string }).manifestSha256).toBe((ok.body as { recorded: { manifestSha256: string } }).recorded.manifestSha256);

    const open = await api.filedCase();
    const none = await api.get('officer.zhang', `/cases/${open}/archive/verify`);
    expect(none.status).toBe(409);
    expect(none.body).toMatchObject({ code: 'ARCHIVE.NOT_BUILT' });
    expect((await api.get('officer.zhang', `/cases/${open}/archive/verify`)).headers.get('content-type')).toContain('application/problem+json');
  });

  it('one byte flipped in the stored package: the endpoint and the CLI name the file with the hash expected and found; the intact copy verifies', async () => {
    const id = await archivedCase();
    const dir = packageDir(stack.cfg.archiveDir, id);
    const copy = join(stack.cfg.archiveDir, `intact-${id}`);
    await cp(dir, copy, { recursive: true });
    const intact = await cli(copy);
    expect(intact.code).toBe(0);
    expect(intact.out).toContain('VALID');

    const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as ArchiveManifest;
    const evidence = manifest.files.find((f) => f.kind === 'evidence')!;
    const bytes = await readFile(join(dir, evidence.path));
    bytes[bytes.length - 1] ^= 0x01;

    const evaluation = async () => {
      const r = await api.get<{ checks: { id: string; result: string; detail: { en: string } }[] }>('supervisor.zhou', `/supervision/cases/${id}/evaluation`);
      return r.body.checks.find((c) => c.id === 'archived')!;
    };
    expect(await evaluation()).toMatchObject({ result: 'PASS' });
    await writeFile(join(dir, evidence.path), bytes);

    const res = await api.get('officer.zhang', `/cases/${id}/archive/verify`);
    expect(res.body).toMatchObject({ valid: false, problems: [{ code: 'FILE_HASH_MISMATCH', path: evidence.path, expected: evidence.sha256, actual: sha256Of(bytes) }] });
    // 案卷评查 verifies the package too: the archive is no longer complete.
    const failed = await evaluation();
    expect(failed.result).toBe('FAIL');
    expect(failed.detail.en).toContain(`does not verify: FILE_HASH_MISMATCH ${evidence.path}`);
    const bad = await cli(dir);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`FILE_HASH_MISMATCH ${evidence.path}`);
    expect(bad.out).toContain(`expected ${evidence.sha256}`);
    expect(bad.out).toContain(`actual   ${sha256Of(bytes)}`);
  });

  it('a tampered manifest fails its signature; the case\'s recorded hash no longer matches either', async () => {
    const id = await archivedCase();
    const dir = packageDir(stack.cfg.archiveDir, id);
    const raw = await readFile(join(dir, MANIFEST_FILE), 'utf8');
    await writeFile(join(dir, MANIFEST_FILE), raw.replace('"caseNumber":"', '"caseNumber":"X'));
    const res = await api.get('officer.zhang', `/cases/${id}/archive/verify`);
    const codes = (res.body as { problems: { code: string; path: string }[] }).problems.map((p) => [p.code, p.path]);
    expect(codes).toEqual([
      ['SIGNATURE_INVALID', 'manifest.sig'],
      ['RECORD_MISMATCH', 'manifest.json'],
    ]);
    const out = await cli(dir);
    expect(out.code).toBe(1);
    expect(out.out).toContain('SIGNATURE_INVALID manifest.sig');
  });
});
