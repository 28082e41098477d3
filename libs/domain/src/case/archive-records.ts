// The archive (归档) as the case keeps it: who asked for it and when, then
// the package the archive job built, signed and reported. The package itself
// lives outside the case (apps/jobs writes it, docs/archives.md describes it);
// the case records what binds it: the manifest's hash and signature, the key
// that signed it and the last event it holds.

import type { PersonRef } from './case-records';

/** What RECORD_ARCHIVE_PACKAGE reports and CASE_ARCHIVED records. */
export interface ArchivePackageRef {
  /** sha256 of the manifest file: the manifest lists every file of the package with its sha256. */
  manifestSha256: string;
  /** Ed25519 signature of the manifest, base64. */
  signature: string;
  /** The agency's signing key (its public half is kept with its validity). */
  keyId: string;
  /** The package holds the case's events 1..throughSeq: every event before CASE_ARCHIVED. */
  throughSeq: number;
  /** The chain hash of event `throughSeq`. */
  lastHash: string;
  /** How many files the manifest lists. */
  files: number;
}

export interface ArchiveRecord {
  requestedAt: string;
  requestedBy: PersonRef;
  package?: ArchivePackageRef & { at: string };
}
