// Verifies an archive package and names every failure: the signature (and
// the key that made it), the manifest, each file's hash, and the chain of the
// events it holds. Nothing is trusted before it is checked: the manifest's
// signature is checked against the public key the manifest names, that key's
// validity against the instant the manifest says it was signed, and every
// file against the manifest.

import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { chainHash, type StoredEvent } from '@zhifa/persistence';
import { GENESIS_HASH } from '@zhifa/domain/chain/canonical-json';
import { ARCHIVE_FORMAT, EVENTS_FILE, MANIFEST_FILE, SIGNATURE_FILE, type ArchiveManifest, type ManifestEntry } from './archive-format';
import { hashFile, sha256Of } from './file-hash';
import { signatureValid, type KeyResolver } from './signing-keys';

export const PROBLEM_CODES = [
  'MANIFEST_MISSING',
  'MANIFEST_INVALID',
  'SIGNATURE_MISSING',
  'SIGNATURE_INVALID',
  'KEY_UNKNOWN',
  'KEY_NOT_VALID_AT_SIGNING',
  'KEY_OF_ANOTHER_AGENCY',
  'FILE_MISSING',
  'FILE_HASH_MISMATCH',
  'FILE_SIZE_MISMATCH',
  'FILE_UNLISTED',
  'CHAIN_BROKEN',
  'CHAIN_END_MISMATCH',
  'RECORD_MISMATCH',
] as const;
export type ArchiveProblemCode = (typeof PROBLEM_CODES)[number];

/** One thing that fails, with the file it concerns and, for a hash, what was expected and found. */
export interface ArchiveProblem {
  code: ArchiveProblemCode;
  message: string;
  path?: string;
  expected?: string;
  actual?: string;
}

export interface ArchiveVerification {
  valid: boolean;
  caseId?: string;
  caseNumber?: string;
  keyId?: string;
  signedAt?: string;
  throughSeq?: number;
  /** sha256 of manifest.json as found (compare with the hash the case recorded). */
  manifestSha256?: string;
  /** Files of the manifest checked (found and hashed). */
  filesChecked: number;
  problems: ArchiveProblem[];
}

function entryPathSafe(p: string): boolean {
  return typeof p === 'string' && p.length > 0 && !isAbsolute(p) && !normalize(p).split(/[\\/]/).includes('..') && !p.includes('\\');
}

function manifestShapeProblems(m: unknown): string[] {
  const out: string[] = [];
  const o = m as Partial<ArchiveManifest>;
  if (!o || typeof o !== 'object') return ['is not a JSON object'];
  if (o.format !== ARCHIVE_FORMAT) out.push(`format is ${JSON.stringify(o.format)}, expected ${ARCHIVE_FORMAT}`);
  for (const k of ['caseId', 'caseNumber', 'agencyId', 'keyId', 'signedAt', 'lastHash'] as const) if (typeof o[k] !== 'string') out.push(`${k} is missing`);
  if (!Number.isInteger(o.throughSeq)) out.push('throughSeq is missing');
  if (!Array.isArray(o.files)) out.push('files is missing');
  else
    for (const [i, f] of o.files.entries()) {
      if (!f || !entryPathSafe(f.path) || typeof f.sha256 !== 'string' || !Number.isInteger(f.bytes)) out.push(`files[${i}] is not a file entry inside the package`);
    }
  return out;
}

async function listFiles(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(root, full)));
    else out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}

export async function verifyPackage(dir: string, resolveKey: KeyResolver): Promise<ArchiveVerification> {
  const problems: ArchiveProblem[] = [];
  const result = (extra: Partial<ArchiveVerification> = {}): ArchiveVerification => ({ valid: problems.length === 0, filesChecked: 0, problems, ...extra });

  const raw = await readOrNull(join(dir, MANIFEST_FILE));
  if (!raw) {
    problems.push({ code: 'MANIFEST_MISSING', path: MANIFEST_FILE, message: `${MANIFEST_FILE} is missing: ${dir} is not an archive package` });
    return result();
  }
  const manifestSha256 = sha256Of(raw);
  let manifest: ArchiveManifest;
  try {
    manifest = JSON.parse(raw.toString('utf8')) as ArchiveManifest;
  } catch {
    problems.push({ code: 'MANIFEST_INVALID', path: MANIFEST_FILE, message: `${MANIFEST_FILE} is not JSON` });
    return result({ manifestSha256 });
  }
  const shape = manifestShapeProblems(manifest);
  if (shape.length) {
    problems.push({ code: 'MANIFEST_INVALID', path: MANIFEST_FILE, message: `${MANIFEST_FILE}: ${shape.join('; ')}` });
    return result({ manifestSha256 });
  }
  const head = { caseId: manifest.caseId, caseNumber: manifest.caseNumber, keyId: manifest.keyId, signedAt: manifest.signedAt, throughSeq: manifest.throughSeq, manifestSha256 };

  // The signature, by the key the manifest names, valid when it says it signed.
  const sig = await readOrNull(join(dir, SIGNATURE_FILE));
  const key = await resolveKey(manifest.keyId);
  if (!sig) problems.push({ code: 'SIGNATURE_MISSING', path: SIGNATURE_FILE, message: `${SIGNATURE_FILE} is missing` });
  if (!key) {
    problems.push({ code: 'KEY_UNKNOWN', path: MANIFEST_FILE, message: `the manifest is signed with key ${manifest.keyId}, which no agency holds: the signature cannot be checked` });
  } else {
    if (sig && !signatureValid(raw, sig.toString('utf8'), key.publicKeyPem)) {
      problems.push({ code: 'SIGNATURE_INVALID', path: SIGNATURE_FILE, message: `the signature in ${SIGNATURE_FILE} does not match ${MANIFEST_FILE} under key ${manifest.keyId}: the manifest or the signature was changed` });
    }
    const at = Date.parse(manifest.signedAt);
    if (!(at >= Date.parse(key.validFrom)) || (key.validUntil !== null && at >= Date.parse(key.validUntil))) {
      problems.push({
        code: 'KEY_NOT_VALID_AT_SIGNING',
        path: MANIFEST_FILE,
        message: `key ${key.keyId} signs from ${key.validFrom}${key.validUntil ? ` until ${key.validUntil}` : ''}; the manifest says it was signed at ${manifest.signedAt}`,
      });
    }
    if (key.agencyId !== manifest.agencyId) {
      problems.push({ code: 'KEY_OF_ANOTHER_AGENCY', path: MANIFEST_FILE, message: `key ${key.keyId} belongs to agency ${key.agencyId}, the package to ${manifest.agencyId}` });
    }
  }

  // Every file the manifest lists, and nothing it does not.
  let filesChecked = 0;
  for (const f of manifest.files) {
    const path = join(dir, f.path);
    const found = await stat(path).catch(() => null);
    if (!found?.isFile()) {
      problems.push({ code: 'FILE_MISSING', path: f.path, expected: f.sha256, message: `${f.path} is listed in the manifest but missing` });
      continue;
    }
    const actual = await hashFile(path);
    filesChecked++;
    if (actual.sha256 !== f.sha256) {
      problems.push({ code: 'FILE_HASH_MISMATCH', path: f.path, expected: f.sha256, actual: actual.sha256, message: `${f.path}: sha256 is ${actual.sha256}, the manifest says ${f.sha256}` });
    } else if (actual.bytes !== f.bytes) {
      problems.push({ code: 'FILE_SIZE_MISMATCH', path: f.path, expected: String(f.bytes), actual: String(actual.bytes), message: `${f.path}: ${actual.bytes} bytes, the manifest says ${f.bytes}` });
    }
  }
  const listed = new Set([MANIFEST_FILE, SIGNATURE_FILE, ...manifest.files.map((f) => f.path)]);
  for (const p of await listFiles(dir)) {
    if (!listed.has(p)) problems.push({ code: 'FILE_UNLISTED', path: p, message: `${p} is in the package but not in the manifest` });
  }

  const events = manifest.files.find((f: ManifestEntry) => f.kind === 'events' && f.path === EVENTS_FILE);
  if (!events) problems.push({ code: 'MANIFEST_INVALID', path: MANIFEST_FILE, message: `the manifest lists no ${EVENTS_FILE}` });
  else problems.push(...(await chainProblems(join(dir, EVENTS_FILE), manifest)));
  return result({ ...head, filesChecked });
}

/** Recomputes the chain of events.json and holds its end against the manifest. */
async function chainProblems(path: string, manifest: ArchiveManifest): Promise<ArchiveProblem[]> {
  const raw = await readOrNull(path);
  if (!raw) return []; // reported as FILE_MISSING
  let events: StoredEvent[];
  try {
    events = JSON.parse(raw.toString('utf8')) as StoredEvent[];
    if (!Array.isArray(events)) throw new Error('not an array');
  } catch {
    return [{ code: 'CHAIN_BROKEN', path: EVENTS_FILE, message: `${EVENTS_FILE} is not a JSON array of events` }];
  }
  let prev = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    const at = (why: string, expected?: string, actual?: string): ArchiveProblem[] => [
      { code: 'CHAIN_BROKEN', path: EVENTS_FILE, expected, actual, message: `${EVENTS_FILE}, event ${e?.seq ?? i + 1}: ${why}` },
    ];
    if (e?.seq !== i + 1) return at(`expected seq ${i + 1}, found ${String(e?.seq)}`);
    if (e.caseId !== manifest.caseId) return at(`belongs to case ${e.caseId}, the package to ${manifest.caseId}`);
    if (e.prevHash !== prev) return at('prevHash does not match the previous event hash', prev, e.prevHash);
    const hash = chainHash(prev, e);
    if (hash !== e.hash) return at('hash does not match the event content', hash, e.hash);
    prev = e.hash;
  }
  const last = events.at(-1);
  if (!last || last.seq !== manifest.throughSeq || last.hash !== manifest.lastHash) {
    return [
      {
        code: 'CHAIN_END_MISMATCH',
        path: EVENTS_FILE,
        expected: `${manifest.throughSeq} ${manifest.lastHash}`,
        actual: last ? `${last.seq} ${last.hash}` : 'no events',
        message: `${EVENTS_FILE} ends at event ${last?.seq ?? 0}, the manifest at event ${manifest.throughSeq} (hash ${manifest.lastHash})`,
      },
    ];
  }
  return [];
}
