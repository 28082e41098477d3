import { Injectable, Logger } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import { CASE_EVENTS_TOPIC, type AppendCaseEventsInput, type AppendResult, type CaseActivities } from '@zhifa/contracts';
import { currentTraceCarrier } from '@zhifa/tracing';
import { CaseEventStore, ChainConflictError, projectCase, touchedEvidence } from '@zhifa/persistence';

/** The case workflow's activities: the only code that writes a case's record. */
@Injectable()
export class CaseActivitiesService implements CaseActivities {
  private readonly logger = new Logger('CaseActivities');

  constructor(private readonly store: CaseEventStore) {}

  async appendCaseEvents(input: AppendCaseEventsInput): Promise<AppendResult> {
    try {
      // The activity's span (tracing on; none otherwise), for the outbox messages to carry like the request id.
      const trace = currentTraceCarrier();
      const result = await this.store.append({
        workflowId: input.workflowId,
        caseId: input.caseId,
        events: input.events.map((e) => ({ ...e, actor: { ...e.actor } })),
        projection: projectCase(input.state, input.policyVersion, touchedEvidence(input.events)),
        outboxTopics: [CASE_EVENTS_TOPIC],
        ...(input.requestId ? { requestId: input.requestId } : {}),
        ...(input.commandId ? { commandId: input.commandId } : {}),
        ...(trace ? { trace } : {}),
      });
      if (result.ahead) {
        this.logger.warn({
          message: `the chain holds ${result.ahead.length} event(s) from seq ${result.ahead[0]?.seq} that a failed workflow task recorded; the workflow adopts them`,
          requestId: input.requestId,
          caseId: input.caseId,
          workflowId: input.workflowId,
          commandId: input.commandId,
        });
        return { appended: 0, lastSeq: result.lastSeq, ahead: result.ahead };
      }
      // The line that ties a request (requestId) to what the case recorded (caseId, workflowId, seqs).
      this.logger.log({
        message: `recorded ${input.events.map((e) => e.type).join(', ')}`,
        requestId: input.requestId,
        caseId: input.caseId,
        workflowId: input.workflowId,
        events: input.events.map((e) => e.type),
        appended: result.appended,
        lastSeq: result.lastSeq,
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
