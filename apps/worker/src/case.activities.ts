import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import type { AppendCaseEventsInput, AppendResult, CaseActivities } from '@zhifa/contracts';
import { CaseEventStore, ChainConflictError, CaseProjection } from '@zhifa/persistence';
import type { CaseState } from '@zhifa/domain';

export const CASE_EVENTS_TOPIC = 'case-events';

/** The case workflow's activities: the only code that writes a case's record. */
@Injectable()
export class CaseActivitiesService implements CaseActivities {
  constructor(private readonly store: CaseEventStore) {}

  async appendCaseEvents(input: AppendCaseEventsInput): Promise<AppendResult> {
    try {
      const result = await this.store.append({
        workflowId: input.workflowId,
        caseId: input.caseId,
        events: input.events.map((e) => ({ ...e, actor: { ...e.actor } })),
        projection: projectCase(input.state, input.policyVersion, touchedEvidence(input.events)),
        outboxTopics: [CASE_EVENTS_TOPIC],
      });
      return { appended: result.appended, lastSeq: result.lastSeq };
    } catch (err) {
      // A broken chain will not heal by retrying: fail the command loudly.
      if (err instanceof ChainConflictError) {
        throw ApplicationFailure.nonRetryable(err.message, err.code);
      }
      throw err;
    }
  }
}

export const CASE_ACTIVITY_NAMES: (keyof CaseActivities)[] = ['appendCaseEvents'];

/** Evidence ids the events name: only those rows need projecting again. */
function touchedEvidence(events: AppendCaseEventsInput['events']): Set<string> {
  return new Set(events.map((e) => e.payload.evidenceId).filter((id): id is string => typeof id === 'string'));
}

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
    deadlines: JSON.parse(JSON.stringify(state.deadlines)) as Record<string, unknown>,
    policyVersion,
    state: JSON.parse(JSON.stringify(state)) as Record<string, unknown>,
    registeredAt: state.registeredAt,
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
