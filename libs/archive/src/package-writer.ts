// Writes a case's archive package: into a temporary directory beside the
// target, every file streamed and hashed, the manifest signed last; then one
// rename puts the whole package in place, so a crash never leaves half a
// package where a verifier would look.

import { randomUUID, type KeyObject } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { StoredEvent } from '@zhifa/persistence';
import {
  ARCHIVE_FORMAT,
  EVENTS_FILE,
  MANIFEST_FILE,
  manifestBytes,
  SIGNATURE_FILE,
  SUMMARY_FILE,
  type ArchiveFileKind,
  type ArchiveManifest,
  type ManifestEntry,
} from './archive-format';
import { copyHashing, sha256Of } from './file-hash';
import { signBytes } from './signing-keys';

/** A stored file the package copies: where it is, where it goes in the package, the sha256 the case recorded for it. */
export interface PackageFile {
  path: string;
  kind: Extract<ArchiveFileKind, 'evidence' | 'document'>;
  sha256: string;
  source: string;
}

export interface PackageContent {
  caseId: string;
  caseNumber: string;
  agencyId: string;
  /** Every event of the case up to the package's last, in order, with their chain hashes. */
  events: StoredEvent[];
  summary: Record<string, unknown>;
  files: PackageFile[];
}

export interface PackageSigner {
  keyId: string;
  privateKey: KeyObject;
}

export interface WrittenPackage {
  dir: string;
  manifest: ArchiveManifest;
  manifestSha256: string;
  signature: string;
}

/** A stored file no longer matches the hash the case recorded: the package is not built. */
export class StoredFileMismatchError extends Error {
  readonly code = 'ARCHIVE.STORED_FILE_MISMATCH';
}

export async function writePackage(dir: string, content: PackageContent, signer: PackageSigner, signedAt: string): Promise<WrittenPackage> {
  const last = content.events.at(-1);
  if (!last) throw new Error(`case ${content.caseId}: no events to archive`);
  const tmp = join(dirname(dir), `.tmp-${content.caseId}-${randomUUID()}`);
  await mkdir(tmp, { recursive: true });
  try {
    const files: ManifestEntry[] = [];
    const put = async (path: string, kind: ArchiveFileKind, data: string) => {
      const bytes = Buffer.from(data, 'utf8');
      await writeFile(join(tmp, path), bytes, { flag: 'wx' });
      files.push({ path, kind, sha256: sha256Of(bytes), bytes: bytes.length });
    };
    await put(EVENTS_FILE, 'events', `${JSON.stringify(content.events, null, 2)}\n`);
    await put(SUMMARY_FILE, 'summary', `${JSON.stringify(content.summary, null, 2)}\n`);
    for (const f of content.files) {
      const target = join(tmp, f.path);
      await mkdir(dirname(target), { recursive: true });
      const written = await copyHashing(f.source, target);
      if (written.sha256 !== f.sha256) {
        throw new StoredFileMismatchError(`${f.path}: the stored file hashes to ${written.sha256}, the case recorded ${f.sha256}`);
      }
      files.push({ path: f.path, kind: f.kind, sha256: written.sha256, bytes: written.bytes });
    }
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      caseId: content.caseId,
      caseNumber: content.caseNumber,
      agencyId: content.agencyId,
      keyId: signer.keyId,
      signedAt,
      throughSeq: last.seq,
      lastHash: last.hash,
      files,
    };
    const bytes = manifestBytes(manifest);
    const signature = signBytes(bytes, signer.privateKey);
    await writeFile(join(tmp, MANIFEST_FILE), bytes, { flag: 'wx' });
    await writeFile(join(tmp, SIGNATURE_FILE), `${signature}\n`, { flag: 'wx' });
    await rename(tmp, dir);
    return { dir, manifest, manifestSha256: sha256Of(bytes), signature };
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}
