// The archive package's format, version 1: a directory per case.
//
//   manifest.json   every other file with its sha256 and size, the case, the key id, the last event
//   manifest.sig    the Ed25519 signature of manifest.json's exact bytes, base64
//   events.json     every event of the case up to the request, each with prevHash and hash (the chain)
//   summary.json    the case as it was archived: who, what, the decision, the money, the dates
//   evidence/…      every evidence file, named by evidence id
//   documents/…     every document the case issued (DOCUMENT_ISSUED), named by its file name
//
// A directory, not a tar: evidence can be gigabytes (audio-video), and each
// file is written by streaming and checked on its own, so a failure names
// the file; `sha256sum` can check any file by hand. For transport the
// directory is tarred as it is and verified after unpacking.

import { join } from 'node:path';
import { canonicalJson } from '@zhifa/domain/chain/canonical-json';

export const ARCHIVE_FORMAT = 'zhifa-archive/1';
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
export const EVENTS_FILE = 'events.json';
export const SUMMARY_FILE = 'summary.json';

export type ArchiveFileKind = 'events' | 'summary' | 'evidence' | 'document';

export interface ManifestEntry {
  /** Relative to the package directory, with '/' separators. */
  path: string;
  kind: ArchiveFileKind;
  sha256: string;
  bytes: number;
}

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  caseId: string;
  caseNumber: string;
  agencyId: string;
  /** The signing key: its public half is looked up by this id. */
  keyId: string;
  /** When the package was signed (within the key's validity). */
  signedAt: string;
  /** The package holds events 1..throughSeq. */
  throughSeq: number;
  /** Chain hash of event throughSeq. */
  lastHash: string;
  files: ManifestEntry[];
}

/** The manifest's bytes, as signed and hashed: canonical JSON, so any reader re-derives them. */
export function manifestBytes(m: ArchiveManifest): Buffer {
  return Buffer.from(`${canonicalJson(m)}\n`, 'utf8');
}

/** Where a case's package lives under ARCHIVE_DIR. */
export function packageDir(archiveDir: string, caseId: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(caseId)) throw new Error(`not a case id: ${caseId}`);
  return join(archiveDir, caseId);
}

/** A file name safe in any filesystem: letters, digits, CJK, '.', '-', '_'. */
export function safeName(name: string): string {
  const cleaned = name.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '_');
  return cleaned.slice(0, 120) || '_';
}

/** Where the content-addressed store keeps a file (the layout of EvidenceStore in apps/case-api). */
export function contentPath(evidenceDir: string, sha256: string): string {
  return join(evidenceDir, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}
