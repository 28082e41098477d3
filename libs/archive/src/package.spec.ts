import { generateKeyPairSync } from 'node:crypto';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chainHash, type StoredEvent } from '@zhifa/persistence';
import { GENESIS_HASH } from '@zhifa/domain/chain/canonical-json';
import { MANIFEST_FILE, packageDir } from './archive-format';
import { sha256Of } from './file-hash';
import { writePackage, StoredFileMismatchError } from './package-writer';
import { verifyPackage } from './package-verifier';
import { PrivateKeyStore, type KeyResolver, type PublicSigningKey } from './signing-keys';

const CASE = '5d0c6a3e-0000-4000-8000-000000000001';
const AGENCY = 'a9e0c1d2-0000-4000-8000-000000000001';

function chain(n: number): StoredEvent[] {
  const out: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body = { eventId: `case-${CASE}:${seq}`, caseId: CASE, seq, type: seq === 1 ? 'LEAD_REGISTERED' : 'ARCHIVE_REQUESTED', actor: { userId: 'u1', name: '张三', roles: ['OFFICER'] }, occurredAt: `2026-03-0${seq}T02:00:00.000Z`, payload: { seq } };
    const hash = chainHash(prev, body);
    out.push({ ...body, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

async function setup() {
  const root = await mkdtemp(join(tmpdir(), 'zhifa-archive-spec-'));
  const keys = new PrivateKeyStore(join(root, 'keys'));
  const registry = new Map<string, PublicSigningKey>();
  const resolve: KeyResolver = async (id) => registry.get(id) ?? null;
  const addKey = async (keyId: string, validFrom: string, validUntil: string | null = null) => {
    registry.set(keyId, { keyId, agencyId: AGENCY, publicKeyPem: await keys.generate(keyId), validFrom, validUntil });
    return { keyId, privateKey: await keys.load(keyId) };
  };
  const evidence = join(root, 'photo.jpg');
  await writeFile(evidence, Buffer.from('现场照片 JPEG bytes'));
  const content = {
    caseId: CASE,
    caseNumber: '长市监罚〔2026〕7号',
    agencyId: AGENCY,
    events: chain(3),
    summary: { caseNumber: '长市监罚〔2026〕7号', status: 'ARCHIVING' },
    files: [{ path: 'evidence/E-1.jpg', kind: 'evidence' as const, sha256: sha256Of(await readFile(evidence)), source: evidence }],
  };
  return { root, keys, registry, resolve, addKey, content };
}

describe('the archive package: written, signed and verified, and every failure named', () => {
  it('a package built and signed verifies: every file hashed, the chain recomputed, the signature checked', async () => {
    const t = await setup();
    const signer = await t.addKey('k-2026-1', '2026-01-01T00:00:00Z');
    const written = await writePackage(packageDir(t.root, CASE), t.content, signer, '2026-03-05T00:00:00.000Z');
    expect(written.manifest.files.map((f) => f.path)).toEqual(['events.json', 'summary.json', 'evidence/E-1.jpg']);
    expect(written.manifest).toMatchObject({ throughSeq: 3, lastHash: t.content.events[2].hash, keyId: 'k-2026-1' });
    expect(sha256Of(await readFile(join(written.dir, MANIFEST_FILE)))).toBe(written.manifestSha256);
    const v = await verifyPackage(written.dir, t.resolve);
    expect(v).toMatchObject({ valid: true, problems: [], filesChecked: 3, keyId: 'k-2026-1', throughSeq: 3, manifestSha256: written.manifestSha256 });
  });

  it('one byte flipped in a copy: verification names the file, the hash expected and the hash found', async () => {
    const t = await setup();
    const written = await writePackage(packageDir(t.root, CASE), t.content, await t.addKey('k1', '2026-01-01T00:00:00Z'), '2026-03-05T00:00:00.000Z');
    const copy = join(t.root, 'copy');
    await cp(written.dir, copy, { recursive: true });
    const target = join(copy, 'evidence/E-1.jpg');
    const bytes = await readFile(target);
    bytes[3] ^= 0x01;
    await writeFile(target, bytes);
    const v = await verifyPackage(copy, t.resolve);
    expect(v.valid).toBe(false);
    expect(v.problems).toEqual([
      expect.objectContaining({ code: 'FILE_HASH_MISMATCH', path: 'evidence/E-1.jpg', expected: t.content.files[0].sha256, actual: sha256Of(bytes) }),
    ]);
    // The original is untouched.
    expect((await verifyPackage(written.dir, t.resolve)).valid).toBe(true);
  });

  it('a tampered manifest (a file hash rewritten to match a changed file): the signature fails', async () => {
    const t = await setup();
    const written = await writePackage(packageDir(t.root, CASE), t.content, await t.addKey('k1', '2026-01-01T00:00:00Z'), '2026-03-05T00:00:00.000Z');
    const forged = Buffer.from('伪造的照片');
    await writeFile(join(written.dir, 'evidence/E-1.jpg'), forged);
    const m = JSON.parse(await readFile(join(written.dir, MANIFEST_FILE), 'utf8'));
    m.files[2] = { ...m.files[2], sha256: sha256Of(forged), bytes: forged.length };
    await writeFile(join(written.dir, MANIFEST_FILE), JSON.stringify(m));
    const v = await verifyPackage(written.dir, t.resolve);
    expect(v.problems).toEqual([expect.objectContaining({ code: 'SIGNATURE_INVALID', path: 'manifest.sig' })]);
  });

  it('an edited event breaks the chain at that event; a file slipped in is named as unlisted', async () => {
    const t = await setup();
    const written = await writePackage(packageDir(t.root, CASE), t.content, await t.addKey('k1', '2026-01-01T00:00:00Z'), '2026-03-05T00:00:00.000Z');
    await writeFile(join(written.dir, 'evidence/extra.txt'), 'not in the manifest');
    const v = await verifyPackage(written.dir, t.resolve);
    expect(v.problems).toEqual([expect.objectContaining({ code: 'FILE_UNLISTED', path: 'evidence/extra.txt' })]);

    const other = await setup();
    const events = chain(3);
    events[1] = { ...events[1], payload: { seq: 99 } };
    const broken = await writePackage(packageDir(other.root, CASE), { ...other.content, events }, await other.addKey('k1', '2026-01-01T00:00:00Z'), '2026-03-05T00:00:00.000Z');
    expect((await verifyPackage(broken.dir, other.resolve)).problems).toEqual([
      expect.objectContaining({ code: 'CHAIN_BROKEN', path: 'events.json', message: expect.stringContaining('event 2: hash does not match') }),
    ]);
  });

  it('a package signed with a key since rotated out still verifies; one signed after the key was retired, or by an unknown key, does not', async () => {
    const t = await setup();
    const old = await t.addKey('k-old', '2026-01-01T00:00:00Z');
    const before = await writePackage(join(t.root, 'before'), t.content, old, '2026-02-01T00:00:00.000Z');
    // Rotation: the old key signs nothing from 1 March on; the new one signs from then.
    t.registry.set('k-old', { ...t.registry.get('k-old')!, validUntil: '2026-03-01T00:00:00Z' });
    await t.addKey('k-new', '2026-03-01T00:00:00Z');
    expect(await verifyPackage(before.dir, t.resolve)).toMatchObject({ valid: true, keyId: 'k-old' });

    const late = await writePackage(join(t.root, 'late'), t.content, old, '2026-03-02T00:00:00.000Z');
    expect((await verifyPackage(late.dir, t.resolve)).problems).toEqual([expect.objectContaining({ code: 'KEY_NOT_VALID_AT_SIGNING' })]);

    const stranger = { keyId: 'k-stranger', privateKey: generateKeyPairSync('ed25519').privateKey };
    const unknown = await writePackage(join(t.root, 'unknown'), t.content, stranger, '2026-03-02T00:00:00.000Z');
    expect((await verifyPackage(unknown.dir, t.resolve)).problems).toEqual([expect.objectContaining({ code: 'KEY_UNKNOWN', message: expect.stringContaining('k-stranger') })]);
  });

  it('a stored file that no longer matches the recorded hash stops the build; a missing manifest is named', async () => {
    const t = await setup();
    const signer = await t.addKey('k1', '2026-01-01T00:00:00Z');
    const bad = { ...t.content, files: [{ ...t.content.files[0], sha256: 'f'.repeat(64) }] };
    await expect(writePackage(packageDir(t.root, CASE), bad, signer, '2026-03-05T00:00:00.000Z')).rejects.toThrow(StoredFileMismatchError);
    expect((await verifyPackage(t.root, t.resolve)).problems).toEqual([expect.objectContaining({ code: 'MANIFEST_MISSING' })]);
  });
});
