import { Injectable, Logger } from '@nestjs/common';
import type { CaseEventMessage } from '@zhifa/contracts';
import type { DispatchedJob } from '../dispatch/job-handler';
import {
  DOCUMENT_TRIGGERS,
  documentKindFor,
  documentNumber,
  documentText,
  evolve,
  localDate,
  recordedDocumentNumber,
  withCalendars,
  type CaseEvent,
  type CaseState,
  type DocumentKind,
  type JurisdictionPolicy,
  type SourceEvent,
} from '@zhifa/domain';
import {
  AgencyRepository,
  CalendarRepository,
  CaseEventStore,
  CaseReadRepository,
  DocumentRepository,
  EvidenceStore,
  PolicyRepository,
  type DocumentRow,
  type StoredEvent,
} from '@zhifa/persistence';
import { CaseReporter } from '../case-reporter.service';
import { renderPdf } from './pdf-layout';

export interface DocumentIssue {
  document: DocumentRow;
  /** The case had already recorded this job's report: nothing new recorded. */
  duplicate: boolean;
}

/**
 * Issues the document an event calls for (立案审批表 on filing, 决定书 on the
 * decision...): renders it from the case as that event left it, keeps the
 * file beside the evidence by its sha256, writes the job's `documents` row,
 * and reports it to the case (RECORD_DOCUMENT). Idempotent on the job id: the
 * row keeps its number and file, the case records the report once.
 */
@Injectable()
export class DocumentsJobHandler {
  /** The event types that issue a document. */
  static readonly EVENT_TYPES: readonly string[] = Object.keys(DOCUMENT_TRIGGERS);
  private readonly logger = new Logger('Documents');

  constructor(
    private readonly events: CaseEventStore,
    private readonly cases: CaseReadRepository,
    private readonly agencies: AgencyRepository,
    private readonly policies: PolicyRepository,
    private readonly calendars: CalendarRepository,
    private readonly documents: DocumentRepository,
    private readonly store: EvidenceStore,
    private readonly reporter: CaseReporter,
  ) {}

  /** The documents queue's entry: the job's id is the one the case records the report under. */
  run(job: DispatchedJob<CaseEventMessage>): Promise<DocumentIssue | null> {
    return this.handle(job.data, job.id);
  }

  /** Null when the event issues no document. */
  async handle(message: CaseEventMessage, jobId: string): Promise<DocumentIssue | null> {
    const kind = documentKindFor(message.type);
    if (!kind) return null;
    const row = (await this.documents.completed(jobId)) ?? (await this.issue(message, jobId, kind));
    const reported = await this.reporter.report(message.caseId, jobId, {
      type: 'RECORD_DOCUMENT',
      kind,
      number: row.number,
      sha256: row.sha256!,
      bytes: row.bytes!,
      sourceSeq: row.sourceSeq,
      fileName: row.fileName!,
    });
    return { document: row, duplicate: reported.duplicate };
  }

  private async issue(message: CaseEventMessage, jobId: string, kind: DocumentKind): Promise<DocumentRow> {
    const caseRow = await this.cases.byId(message.caseId);
    if (!caseRow) throw new Error(`case ${message.caseId} not projected yet`);
    const log = (await this.events.timeline(message.caseId)).filter((e) => e.seq <= message.seq);
    const source = log.find((e) => e.seq === message.seq);
    if (!source) throw new Error(`event ${message.eventId} not in the case's log yet`);
    const pinned = await this.policies.version(caseRow.policyVersion);
    if (!pinned) throw new Error(`policy ${caseRow.policyVersion} of case ${caseRow.caseNumber} not found`);
    const policy = withCalendars(pinned, await this.calendars.forCases());
    const agency = await this.agencies.byId(caseRow.agencyId);
    if (!agency) throw new Error(`agency ${caseRow.agencyId} not found`);
    const state = foldTo(log, policy);
    const year = Number(localDate(source.occurredAt, policy.timeZone).slice(0, 4));
    const reserved = await this.documents.reserve({
      jobId,
      caseId: message.caseId,
      agencyId: agency.id,
      kind,
      year,
      sourceSeq: source.seq,
      issuedAt: source.occurredAt,
      number: recordedDocumentNumber(kind, state) ?? ((n) => documentNumber(agency.code, kind, year, n)),
    });
    const text = documentText(kind, state, sourceEvent(source), policy, agency.jurisdiction, reserved.number);
    const stored = await this.store.putBytes(await renderPdf(text, source.occurredAt));
    const fileName = `${state.caseNumber}-${source.seq}-${text.title}.pdf`;
    this.logger.log(`${text.title} ${reserved.number} for case ${state.caseNumber}: sha256 ${stored.sha256}`);
    return this.documents.complete(jobId, { sha256: stored.sha256, bytes: stored.sizeBytes, fileName, title: text.title });
  }
}

/** The case as the event log stood at its last event here: the state the document speaks of. */
function foldTo(log: StoredEvent[], policy: JurisdictionPolicy): CaseState {
  let state: CaseState | null = null;
  for (const e of log) state = evolve(state, e.payload as unknown as CaseEvent, { at: e.occurredAt, policy });
  if (!state) throw new Error('an empty case log');
  return state;
}

function sourceEvent(e: StoredEvent): SourceEvent {
  const actor = e.actor as { name?: unknown };
  return { seq: e.seq, type: e.type, occurredAt: e.occurredAt, payload: e.payload, actorName: typeof actor.name === 'string' ? actor.name : '' };
}
