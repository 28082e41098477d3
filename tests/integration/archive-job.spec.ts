import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { caseWorkflowId } from '@zhifa/contracts';
import { ArchiveKeyRepository } from '@zhifa/persistence';
import { keyResolver, MANIFEST_FILE, packageDir, PrivateKeyStore, rotateAgencyKey, sha256Of, verifyPackage, type ArchiveManifest } from '@zhifa/archive';
import { TemporalClientProvider } from '../../apps/case-api/src/temporal/temporal-client.provider';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { startStack, type Stack } from '../support/stack';
import { archiveRequest } from '../support/archive-job';
import { maybeRecordHistory } from '../support/record-history';
import { Client } from '../e2e/command-helpers';

// 归档 on the real Postgres and Temporal: the archive job (called directly, as
// the archive queue will) builds the signed package, reports it through the
// case's workflow, which records CASE_ARCHIVED as the last event and ends.
describe('the archive job', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  /** An ordinary case with text evidence, terminated and closed: archivable. */
  async function closedCase(): Promise<string> {
    const id = await api.filedCase();
    const ev = await api.textEvidence(id);
    if (ev.status !== 201) throw new Error(`evidence: ${ev.status} ${JSON.stringify(ev.body)}`);
    for (const [user, action, body] of [
      ['head.sun', 'suspension', { action: 'TERMINATE', reason: '违法事实不能成立' }],
      ['head.sun', 'closure', { summary: '终止调查，结案' }],
    ] as const) {
      const r = await api.command(user, id, action, body);
      if (r.status !== 200) throw new Error(`${action}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    return id;
  }

  async function requested(id: string) {
    const res = await api.command('officer.zhang', id, 'archive');
    expect(res.status).toBe(200);
    return archiveRequest(stack.ds, id);
  }

  const resolve = () => keyResolver(new ArchiveKeyRepository(stack.ds));

  it('ARCHIVE asks (ARCHIVING, not sealed); the job builds and signs the package, and its report seals the case as the last event', async () => {
    const id = await closedCase();
    const asked = await api.command('officer.zhang', id, 'archive');
    expect(asked.body).toMatchObject({ recorded: [{ type: 'ARCHIVE_REQUESTED' }], case: { status: 'ARCHIVING', allowedActions: [] } });
    const { message, jobId } = await archiveRequest(stack.ds, id);

    const result = await stack.archiveJob.handle(message, jobId);
    expect(result).toMatchObject({ caseId: id, outcome: 'recorded', package: { throughSeq: message.seq } });

    const types = await api.eventTypes(id);
    expect(types.slice(-3)).toEqual(['CASE_CLOSED', 'ARCHIVE_REQUESTED', 'CASE_ARCHIVED']);
    const [last] = await stack.ds.query(`SELECT seq, payload FROM case_events WHERE case_id = $1 ORDER BY seq DESC LIMIT 1`, [id]);
    expect(last.payload).toMatchObject({ jobId, package: { manifestSha256: result.package!.manifestSha256, throughSeq: message.seq, files: 3 } });
    const c = await api.case('officer.zhang', id);
    expect(c).toMatchObject({ status: 'ARCHIVED', allowedActions: ['challenges'] });

    // The package: every event before CASE_ARCHIVED with its chain hash, the summary, the evidence file.
    const dir = packageDir(stack.cfg.archiveDir, id);
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as ArchiveManifest;
    expect(sha256Of(await readFile(join(dir, MANIFEST_FILE)))).toBe(result.package!.manifestSha256);
    const [evidence] = await stack.ds.query(`SELECT evidence_id, sha256 FROM evidence_items WHERE case_id = $1`, [id]);
    expect(manifest.files.map((f) => [f.path, f.kind])).toEqual([
      ['events.json', 'events'],
      ['summary.json', 'summary'],
      [`evidence/${evidence.evidence_id}.txt`, 'evidence'],
    ]);
    expect(manifest.files[2].sha256).toBe(evidence.sha256);
    const events = JSON.parse(await readFile(join(dir, 'events.json'), 'utf8')) as { seq: number; hash: string }[];
    const chain: { seq: number; hash: string }[] = await stack.ds.query(`SELECT seq, hash FROM case_events WHERE case_id = $1 AND seq <= $2 ORDER BY seq`, [id, message.seq]);
    expect(events.map((e) => [e.seq, e.hash])).toEqual(chain.map((e) => [e.seq, e.hash]));
    expect(JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8'))).toMatchObject({ caseId: id, status: 'ARCHIVING', closure: { summary: '终止调查，结案' } });
    expect(await verifyPackage(dir, resolve())).toMatchObject({ valid: true, problems: [], filesChecked: 3 });

    // Sealed: the workflow ends once the package is recorded.
    const temporal = stack.api.get(TemporalClientProvider).client;
    expect((await temporal.workflow.getHandle(caseWorkflowId(id)).describe()).status.name).toBe('COMPLETED');
    await maybeRecordHistory(temporal, caseWorkflowId(id), 'archived-with-signed-package');
  });

  it('the same job twice, even at once: one package, one CASE_ARCHIVED', async () => {
    const id = await closedCase();
    const { message, jobId } = await requested(id);
    const [a, b] = await Promise.all([stack.archiveJob.handle(message, jobId), stack.archiveJob.handle(message, jobId)]);
    // Temporal holds one update per id: both runs may be answered with its one result.
    expect([a.outcome, b.outcome]).toContain('recorded');
    expect(a.package!.manifestSha256).toBe(b.package!.manifestSha256);
    const again = await stack.archiveJob.handle(message, jobId);
    expect(again).toMatchObject({ outcome: 'duplicate', package: { manifestSha256: a.package!.manifestSha256 } });
    expect((await api.eventTypes(id)).filter((t) => t === 'CASE_ARCHIVED')).toHaveLength(1);
    // One package directory for the case, no temporary leftovers.
    expect((await readdir(stack.cfg.archiveDir)).filter((n) => n.includes(id))).toEqual([id]);
  });

  it('one byte flipped in a copy of a package: verification names the file, the hash expected and the hash found', async () => {
    const id = await closedCase();
    const { message, jobId } = await requested(id);
    await stack.archiveJob.handle(message, jobId);
    const dir = packageDir(stack.cfg.archiveDir, id);
    const copy = join(stack.cfg.archiveDir, `copy-${id}`);
    await cp(dir, copy, { recursive: true });
    const manifest = JSON.parse(await readFile(join(copy, MANIFEST_FILE), 'utf8')) as ArchiveManifest;
    const evidence = manifest.files.find((f) => f.kind === 'evidence')!;
    const bytes = await readFile(join(copy, evidence.path));
    bytes[0] ^= 0x20;
    await writeFile(join(copy, evidence.path), bytes);
    const v = await verifyPackage(copy, resolve());
    expect(v.valid).toBe(false);
    expect(v.problems).toEqual([expect.objectContaining({ code: 'FILE_HASH_MISMATCH', path: evidence.path, expected: evidence.sha256, actual: sha256Of(bytes) })]);
    expect((await verifyPackage(dir, resolve())).valid).toBe(true);
  });

  it('after a key rotation new packages are signed with the new key, and one signed with the rotated-out key still verifies', async () => {
    const first = await closedCase();
    const r1 = await requested(first);
    const before = await stack.archiveJob.handle(r1.message, r1.jobId);
    const keys = new ArchiveKeyRepository(stack.ds);
    const rotated = await rotateAgencyKey(keys, new PrivateKeyStore(stack.cfg.archiveKeyDir), DEMO_AGENCY.id, new Date());
    expect(rotated.keyId).not.toBe(before.package!.keyId);
    expect((await keys.find(before.package!.keyId))?.validUntil).toBe(rotated.validFrom);

    const second = await closedCase();
    const r2 = await requested(second);
    const after = await stack.archiveJob.handle(r2.message, r2.jobId);
    expect(after.package!.keyId).toBe(rotated.keyId);
    expect(await verifyPackage(packageDir(stack.cfg.archiveDir, first), resolve())).toMatchObject({ valid: true, keyId: before.package!.keyId });
    expect(await verifyPackage(packageDir(stack.cfg.archiveDir, second), resolve())).toMatchObject({ valid: true, keyId: rotated.keyId });
    // A key is never deleted, and its validity closes only once.
    await expect(stack.ds.query(`DELETE FROM archive_signing_keys WHERE key_id = $1`, [before.package!.keyId])).rejects.toThrow(/never deleted/);
    await expect(stack.ds.query(`UPDATE archive_signing_keys SET valid_until = now() WHERE key_id = $1`, [before.package!.keyId])).rejects.toThrow(/only closing/);
  });

  it('a half-written package left in place is replaced; a job for another event, or for a case not waiting for its archive, fails and records nothing', async () => {
    const id = await closedCase();
    const { message, jobId } = await requested(id);
    const dir = packageDir(stack.cfg.archiveDir, id);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'events.json'), '[]');
    const built = await stack.archiveJob.handle(message, jobId);
    expect(built.outcome).toBe('recorded');
    expect(await verifyPackage(dir, resolve())).toMatchObject({ valid: true, manifestSha256: built.package!.manifestSha256 });

    await expect(stack.archiveJob.handle({ ...message, type: 'CASE_CLOSED' }, 'other-job')).rejects.toThrow(/not ARCHIVE_REQUESTED/);
    const open = await api.filedCase();
    const before = await api.eventCount(open);
    await expect(stack.archiveJob.handle({ ...message, caseId: open }, `job-${open}`)).rejects.toThrow(/is FILED, not waiting for its archive/);
    expect(await api.eventCount(open)).toBe(before);
  });
});
