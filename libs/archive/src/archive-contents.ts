// What goes into a case's package besides its events: the files the case
// recorded (evidence by its recorded sha256; documents from DOCUMENT_ISSUED
// events, whose files the documents job keeps in the same content-addressed
// store) and the summary. A new kind of file a case records plugs in here.

import type { CaseState } from '@zhifa/domain';
import type { StoredEvent } from '@zhifa/persistence';
import { contentPath, safeName } from './archive-format';
import type { PackageFile } from './package-writer';

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'video/mp4': 'mp4',
  'audio/mpeg': 'mp3',
  'text/plain': 'txt',
};

function extension(mediaType: string | undefined): string {
  return EXTENSIONS[(mediaType ?? '').split(';')[0].trim().toLowerCase()] ?? 'bin';
}

/** Every evidence item's file, by the sha256 the case recorded. */
export function evidenceFiles(state: CaseState, evidenceDir: string): PackageFile[] {
  return state.evidence.map((e) => ({
    path: `evidence/${safeName(e.evidenceId)}.${extension(e.mediaType)}`,
    kind: 'evidence',
    sha256: e.sha256,
    source: contentPath(evidenceDir, e.sha256),
  }));
}

/** What a DOCUMENT_ISSUED event says of its file (the documents job's report). */
interface IssuedDocumentPayload {
  sha256?: unknown;
  fileName?: unknown;
  number?: unknown;
  kind?: unknown;
}

/** Every document the case issued, from its DOCUMENT_ISSUED events; a later issue of the same file is listed once. */
export function documentFiles(events: StoredEvent[], evidenceDir: string): PackageFile[] {
  const out: PackageFile[] = [];
  for (const e of events) {
    if (e.type !== 'DOCUMENT_ISSUED') continue;
    const p = e.payload as IssuedDocumentPayload;
    if (typeof p.sha256 !== 'string') throw new Error(`event ${e.seq} (DOCUMENT_ISSUED) names no sha256`);
    const name = typeof p.fileName === 'string' ? p.fileName : `${String(p.kind ?? 'document')}.pdf`;
    const path = `documents/${String(e.seq).padStart(4, '0')}-${safeName(name)}`;
    if (!out.some((f) => f.sha256 === p.sha256)) out.push({ path, kind: 'document', sha256: p.sha256, source: contentPath(evidenceDir, p.sha256) });
  }
  return out;
}

/** The case as it was archived, for a reader of the package: the facts, not the state's bookkeeping. */
export function caseSummary(state: CaseState, caseId: string, throughSeq: number): Record<string, unknown> {
  const d = state.decision;
  return {
    caseId,
    caseNumber: state.caseNumber,
    agencyId: state.agencyId,
    procedure: state.procedure,
    violationCode: state.violationCode,
    party: state.party,
    officers: state.officers.map((o) => ({ userId: o.userId, name: o.name })),
    status: state.status,
    events: throughSeq,
    registeredAt: state.registeredAt,
    filedAt: state.filedAt ?? null,
    decidedAt: state.decidedAt ?? null,
    servedAt: state.servedAt ?? null,
    closedAt: state.closedAt ?? null,
    decision: d
      ? { outcome: d.outcome, documentNumber: d.documentNumber, penalty: d.penalty ?? null, amountDue: d.amountDue, revoked: d.revoked ?? false, decidedBy: d.decidedBy }
      : null,
    amountPaid: state.amountPaid,
    closure: state.closure ?? null,
    challenges: state.challenges.map((c) => ({ kind: c.kind, result: c.result ?? null })),
    evidence: state.evidence.map((e) => ({ evidenceId: e.evidenceId, kind: e.kind, title: e.title, sha256: e.sha256, sizeBytes: e.sizeBytes })),
    archive: state.archive ? { requestedAt: state.archive.requestedAt, requestedBy: state.archive.requestedBy } : null,
  };
}
