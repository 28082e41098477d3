import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { CaseEventMessage } from '@zhifa/contracts';
import { localDate, publicationOf, type CaseCommand, type CaseState, type Message } from '@zhifa/domain';
import { CaseReadRepository, DisclosureRepository, PolicyRepository, type DisclosureRow } from '@zhifa/persistence';
import { CaseReporter } from '../case-reporter.service';
import type { DispatchedJob } from '../dispatch/job-handler';

/** What one run of the job did. */
export type DisclosureJobResult =
  | { action: 'NONE' }
  | { action: 'PUBLISHED' | 'WITHHELD' | 'WITHDRAWN'; disclosureId: string; reported: 'RECORDED' | 'DUPLICATE' | 'CASE_ARCHIVED' };

/** The disclosure's id, derived from the decision event so every run of the job names the same one. */
export function disclosureIdFor(decisionEventId: string): string {
  const h = createHash('sha256').update(`disclosure:${decisionEventId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * 事后公示 (118号; APL 48): on a decision that owes its publication, publish
 * the 决定书's words with personal information removed — or, for a minor or
 * where the law forbids it, record that nothing is published and why; on a
 * challenge that took a published decision down, withdraw it with the reason
 * (the row stays, marked). What may be published is the domain's call
 * (publicationOf); the case records the outcome through its workflow
 * (RECORD_DISCLOSURE / RECORD_DISCLOSURE_WITHDRAWAL, once per job id), then
 * the job writes its own public_disclosures row (once per decision event).
 * An archived case's workflow has ended: the row is written, nothing reported.
 */
@Injectable()
export class DisclosureJob {
  private readonly logger = new Logger('DisclosureJob');

  constructor(
    private readonly cases: CaseReadRepository,
    private readonly policies: PolicyRepository,
    private readonly disclosures: DisclosureRepository,
    private readonly reporter: CaseReporter,
  ) {}

  /** The events the disclosure queue takes (job-routes.ts); of these, `concerns` says which the job acts on. */
  static readonly EVENT_TYPES: readonly string[] = ['DECISION_MADE', 'CHALLENGE_RECORDED'];

  /** The disclosure queue's entry: the job's own id makes every retry one report and one row. */
  run(job: DispatchedJob<CaseEventMessage>): Promise<DisclosureJobResult> {
    return this.handle(job.data, job.id);
  }

  /** Whether a case event is this job's to handle (everything else is NONE). */
  static concerns(message: Pick<CaseEventMessage, 'type' | 'payload'>): boolean {
    return (
      (message.type === 'DECISION_MADE' && message.payload.disclosure === true) ||
      (message.type === 'CHALLENGE_RECORDED' && typeof message.payload.disclosureWithdrawal === 'object' && message.payload.disclosureWithdrawal !== null)
    );
  }

  async handle(message: CaseEventMessage, jobId: string): Promise<DisclosureJobResult> {
    if (!DisclosureJob.concerns(message)) return { action: 'NONE' };
    return message.type === 'DECISION_MADE' ? this.publish(message, jobId) : this.withdraw(message, jobId);
  }

  private async caseOf(caseId: string): Promise<{ state: CaseState; status: string; policyVersion: string }> {
    const row = await this.cases.byId(caseId);
    if (!row) throw new Error(`case ${caseId} not projected yet`);
    return { state: row.state as CaseState, status: row.status, policyVersion: row.policyVersion };
  }

  private async publish(message: CaseEventMessage, jobId: string): Promise<DisclosureJobResult> {
    const c = await this.caseOf(message.caseId);
    const policy = await this.policies.version(c.policyVersion);
    if (!policy) throw new Error(`policy ${c.policyVersion} of case ${message.caseId} not found`);
    const pub = publicationOf(c.state, policy);
    if (!pub) throw new Error(`case ${message.caseId} has no decision to publish`);
    const disclosureId = disclosureIdFor(message.eventId);
    const outcome = pub.publish ? 'PUBLISHED' : 'WITHHELD';
    const reported = await this.report(c, jobId, { type: 'RECORD_DISCLOSURE', disclosureId, outcome });
    const content = decisionFacts(c.state, policy.jurisdiction, policy.timeZone);
    const row: DisclosureRow = pub.publish
      ? {
          ...content,
          id: disclosureId,
          decisionEventId: message.eventId,
          status: 'PUBLISHED',
          title: pub.title,
          agencyName: pub.agency,
          documentNumber: pub.documentNumber,
          decidedOn: pub.decidedOn,
          partyName: pub.partyName,
          legalBasis: pub.legalBasis,
          penaltyLines: pub.penaltyLines,
          amountDue: pub.amountDue.toFixed(2),
          sections: pub.sections.map((s) => ({ ...s })),
          removed: pub.removed,
          withheldGround: null,
          withheldReason: null,
          publishedAt: new Date(),
        }
      : {
          ...content,
          id: disclosureId,
          decisionEventId: message.eventId,
          status: 'WITHHELD',
          partyName: null,
          legalBasis: null,
          penaltyLines: [],
          amountDue: null,
          sections: null,
          removed: {},
          withheldGround: pub.ground,
          withheldReason: pub.reason.zh,
          publishedAt: new Date(),
        };
    const written = await this.disclosures.record(row);
    this.logger.log(`${outcome.toLowerCase()} ${written.documentNumber} (case ${message.caseId}, ${reported.toLowerCase()})`);
    return { action: outcome, disclosureId, reported };
  }

  private async withdraw(message: CaseEventMessage, jobId: string): Promise<DisclosureJobResult> {
    const c = await this.caseOf(message.caseId);
    const disclosureId = c.state.disclosure?.disclosureId;
    if (!disclosureId) throw new Error(`case ${message.caseId} records no publication to withdraw`);
    const published = await this.disclosures.byId(disclosureId);
    // The publication's own job reports before it writes its row: wait (retry) for the row.
    if (!published) throw new Error(`disclosure ${disclosureId} of case ${message.caseId} not written yet`);
    const reason = (message.payload.disclosureWithdrawal as { reason: Message }).reason;
    const reported = await this.report(c, jobId, { type: 'RECORD_DISCLOSURE_WITHDRAWAL', disclosureId });
    await this.disclosures.withdraw(disclosureId, { reason: reason.zh, at: new Date(), eventId: message.eventId });
    this.logger.log(`withdrew ${published.documentNumber} (case ${message.caseId}, ${reported.toLowerCase()})`);
    return { action: 'WITHDRAWN', disclosureId, reported };
  }

  /** Reports to the case's workflow; an archived case's has ended and takes no report. */
  private async report(c: { state: CaseState; status: string }, jobId: string, command: CaseCommand): Promise<'RECORDED' | 'DUPLICATE' | 'CASE_ARCHIVED'> {
    if (c.status === 'ARCHIVED') return 'CASE_ARCHIVED';
    const r = await this.reporter.report(c.state.caseId, jobId, command);
    return r.duplicate ? 'DUPLICATE' : 'RECORDED';
  }
}

/** The columns every row carries, published or not. */
function decisionFacts(s: CaseState, jurisdiction: string, timeZone: string): Pick<DisclosureRow, 'caseId' | 'agencyId' | 'caseNumber' | 'title' | 'agencyName' | 'documentNumber' | 'decidedOn'> {
  return {
    caseId: s.caseId,
    agencyId: s.agencyId,
    caseNumber: s.caseNumber,
    title: '行政处罚决定书',
    agencyName: s.decision?.contents?.agency ?? jurisdiction,
    documentNumber: s.decision?.documentNumber ?? '',
    decidedOn: s.decision?.contents?.decidedOn ?? localDate(s.decision?.decidedAt ?? s.updatedAt, timeZone),
  };
}

