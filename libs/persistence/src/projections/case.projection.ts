import type { NewCaseEvent } from '@zhifa/contracts';
import type { CaseState } from '@zhifa/domain';
import type { JsonDoc } from '../entities/json';

/** The read-model rows of one case, as the event store writes them in the event's transaction. */
export interface CaseProjection {
  caseId: string;
  caseNumber: string;
  agencyId: string;
  status: string;
  procedure: string;
  violationCode: string;
  party: JsonDoc;
  officers: JsonDoc[];
  flags: string[];
  deadlines: JsonDoc;
  policyVersion: string;
  state: JsonDoc;
  registeredAt: string;
  /** The instant of the last event folded in (workflow time), so the row and a command's answer agree. */
  updatedAt: string;
  /** Rows of the evidence tables; only the items listed are written. */
  evidence: EvidenceProjection[];
}

export interface EvidenceProjection {
  evidenceId: string;
  kind: string;
  title: string;
  collectedAt: string;
  location: string;
  sha256: string;
  sizeBytes: number;
  mediaType?: string;
  source?: string;
  collectors: JsonDoc[];
  recordedBy: JsonDoc;
  recordedAt: string;
  custodian: string;
  custody: { from: string; to: string; at: string; reason: string }[];
}

/** Evidence ids the events name: only those rows need projecting again. */
export function touchedEvidence(events: Pick<NewCaseEvent, 'payload'>[]): Set<string> {
  return new Set(events.map((e) => e.payload.evidenceId).filter((id): id is string => typeof id === 'string'));
}

/**
 * The case state as read-model rows. `evidenceIds` limits the evidence rows
 * to those a batch touched; without it every item is projected.
 */
export function projectCase(state: CaseState, policyVersion: string, evidenceIds?: Set<string>): CaseProjection {
  return {
    caseId: state.caseId,
    caseNumber: state.caseNumber,
    agencyId: state.agencyId,
    status: state.status,
    procedure: state.procedure,
    violationCode: state.violationCode,
    party: { ...state.party },
    officers: state.officers.map((o) => ({ ...o })),
    flags: [...state.flags],
    // Written as they are (the driver serialises them once): no copy of the whole state per command.
    deadlines: state.deadlines as unknown as JsonDoc,
    policyVersion,
    state: state as unknown as JsonDoc,
    registeredAt: state.registeredAt,
    updatedAt: state.updatedAt,
    evidence: state.evidence
      .filter((e) => !evidenceIds || evidenceIds.has(e.evidenceId))
      .map((e) => ({
        evidenceId: e.evidenceId,
        kind: e.kind,
        title: e.title,
        collectedAt: e.collectedAt,
        location: e.location,
        sha256: e.sha256,
        sizeBytes: e.sizeBytes,
        mediaType: e.mediaType,
        source: e.source,
        collectors: e.collectors.map((c) => ({ ...c })),
        recordedBy: { ...e.recordedBy },
        recordedAt: e.recordedAt,
        custodian: e.custodian,
        custody: e.custody.map((c) => ({ ...c })),
      })),
  };
}
