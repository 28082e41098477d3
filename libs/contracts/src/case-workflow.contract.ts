// What the API, the worker and the workflow agree on. No Nest, no I/O:
// only Temporal's definition helpers (pure) and domain types.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { decisionFinalAt, type ActorSnapshot, type CaseCommand, type CaseEvent, type CaseState, type HolidayCalendarYear, type JurisdictionPolicy, type Rejection } from '@zhifa/domain';

export const DEFAULT_TASK_QUEUE = 'zhifa-cases';
export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

/** What the answer to a command needs of an event it recorded: the type, and a recount's moved deadlines. */
export interface RecordedEventSummary {
  type: CaseEvent['type'];
  changes?: { deadline: string; oldDueAt: string; newDueAt: string }[];
}

/**
 * A recorded command, as a run remembers it: its first seq and what its events
 * were (summaries; runs from before the patch `recent-commands-summarised`
 * kept and carried the whole events, which read as summaries too).
 */
export interface RecentCommand {
  commandId: string;
  first: number;
  events: RecordedEventSummary[];
}

export interface CaseWorkflowInput {
  caseId: string;
  /** The policy version pinned at registration; never re-read while the case runs. */
  policy: JurisdictionPolicy;
  /**
   * The published holiday calendars (by year) when the case started, then as
   * later publications reached it; carried across continue-as-new. Absent in
   * workflows started before calendars left the policy: they count with
   * `policy.calendars` until a calendar is published to them.
   */
  calendars?: HolidayCalendarYear[];
  /** Carried across continue-as-new. */
  carried?: {
    state: CaseState;
    seq: number;
    /** The last commands' records by command id (Update id), so an Update the server sends again to the new run is answered with its record. */
    recent?: RecentCommand[];
  };
}

/** A person's command, with the actor as the API resolved it from Postgres. */
export interface CommandEnvelope {
  command: CaseCommand;
  actor: ActorSnapshot;
  /** The HTTP request that sent it (X-Request-Id), passed on to the activity for the logs; not part of the record. */
  requestId?: string;
}

export interface CommandResult {
  caseId: string;
  status: string;
  /** The events this command recorded, with their sequence numbers. */
  events: { seq: number; type: string }[];
  /**
   * The case as this command left it, with what its actor may do next: all a
   * command's HTTP response shows, so the API does not read the case row again.
   * Absent from results recorded before it was added (the API then reads the row).
   */
  case?: CaseSnapshot;
}

/** What a case's header shows straight from its state: the same whether read from the row or from a command's snapshot. */
export interface CaseHeaderFacts {
  /** Marked major for legal review (APL 58 (1), (3)). */
  majorCase?: CaseState['majorCase'];
  /** The benchmark band and range the current report's fine was judged in. */
  discretion?: NonNullable<CaseState['report']>['discretion'];
  /** APL 29: other open or decided cases against the same party for the same violation, as last checked. */
  sameActCases?: CaseState['sameActCases'];
  /** 先行登记保存 and 查封扣押 on the case, each with its id (absent before the first). */
  coerciveMeasures?: CaseState['coerciveMeasures'];
  /** When the served decision becomes final: its challenge windows closed and no challenge pending (absent once revoked). */
  decisionFinalAt?: string;
  /** Yuan due under the decision as it now stands (revoked: 0; varied: the new amount). */
  amountDue?: number;
  /** Yuan paid beyond what the decision, as revoked or varied, leaves due: owed back to the party. */
  refundOwed?: number;
  /** Why SUSPECTED_CRIME stands: an officer's grounds, or the thresholds the facts reached (only while it stands). */
  suspicion?: CaseState['suspicion'];
  /** The party's earlier administrative penalties recorded on the case. */
  priorPenalties?: CaseState['priorPenalties'];
  /** 归档: requested, then the signed package the archive job recorded. */
  archive?: CaseState['archive'];
}

export function caseHeaderFacts(s: CaseState | null | undefined): CaseHeaderFacts {
  const facts: CaseHeaderFacts = {};
  if (s?.majorCase) facts.majorCase = s.majorCase;
  if (s?.report?.discretion) facts.discretion = s.report.discretion;
  if (s?.sameActCases && s.sameActCases.length > 0) facts.sameActCases = s.sameActCases;
  if (s?.coerciveMeasures && s.coerciveMeasures.length > 0) facts.coerciveMeasures = s.coerciveMeasures;
  if (s?.suspectedCrime && s.suspicion) facts.suspicion = s.suspicion;
  if (s?.priorPenalties && s.priorPenalties.length > 0) facts.priorPenalties = s.priorPenalties;
  if (s?.archive) facts.archive = s.archive;
  if (s?.decision) {
    facts.amountDue = s.decision.amountDue;
    if (s.decision.refundOwed !== undefined) facts.refundOwed = s.decision.refundOwed;
    // Read models written before the windows existed have no deadlines for them: nothing to say.
    const finalAt = s.deadlines ? decisionFinalAt(s) : undefined;
    if (finalAt) facts.decisionFinalAt = finalAt;
  }
  return facts;
}

/** A case right after a command, as the workflow holds it. */
export interface CaseSnapshot extends CaseHeaderFacts {
  caseNumber: string;
  agencyId: string;
  procedure: string;
  violationCode: string;
  party: CaseState['party'];
  officers: CaseState['officers'];
  flags: string[];
  deadlines: CaseState['deadlines'];
  policyVersion: string;
  lastSeq: number;
  registeredAt: string;
  /** When the command's events were recorded. */
  updatedAt: string;
  /** Actions the command's actor may take now, judged with the case's pinned policy. */
  allowedActions: string[];
}

export const executeCommandUpdate = defineUpdate<CommandResult, [CommandEnvelope]>('executeCommand');
/** What a published calendar did to a case: the deadlines it moved (none: only adopted for later counting). */
export interface CalendarUpdateResult {
  year: number;
  recorded: boolean;
  changes: { deadline: string; oldDueAt: string; newDueAt: string }[];
}

/** A holiday calendar published after the case started (sent by apps/jobs): adopted, and the running deadlines recounted. */
export const publishCalendarUpdate = defineUpdate<CalendarUpdateResult, [HolidayCalendarYear]>('publishCalendar');

/**
 * A job of apps/jobs reporting what it did to the case (a document's hash, a
 * publication, the archive package): a system command of the domain, sent
 * with the job's id. The workflow records it once per job id, whatever the
 * retries (the case keeps the ids: `jobReported`); a duplicate answers
 * `duplicate: true` and records nothing. A command the case refuses fails the
 * Update with the domain's rejection, as a person's command does.
 */
export interface JobReport {
  jobId: string;
  command: CaseCommand;
}

export interface JobReportResult {
  jobId: string;
  /** The report was already in the case: nothing recorded now. */
  duplicate: boolean;
  events: { seq: number; type: string }[];
}

export const reportJobUpdate = defineUpdate<JobReportResult, [JobReport]>('reportJob');

/**
 * The Update id of one attempt to report a job. Not the job id alone: Temporal
 * answers a repeated Update id with the first outcome, so a report refused in
 * its handler (the case moved between validation and recording, e.g. an
 * archive package made stale by a document recorded meanwhile) would be
 * refused again on every retry without being judged. Each attempt is judged
 * anew; the case's own record of reported jobs (`jobReported`) keeps a job
 * from recording twice.
 */
export function jobReportUpdateId(jobId: string, attempt: string): string {
  return `job:${jobId}:${attempt}`;
}

export const caseStateQuery = defineQuery<{ state: CaseState | null; seq: number }>('caseState');

/** A validator rejection as it travels in the Update failure's details: the domain's Rejection itself. */
export type RejectionPayload = Rejection;
