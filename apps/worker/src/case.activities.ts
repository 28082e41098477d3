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
        projection: projectCase(input.state, input.policyVersion),
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

export function projectCase(state: CaseState, policyVersion: string): CaseProjection {
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
  };
}
