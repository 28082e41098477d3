// The official documents (文书) a case issues, the event each is issued on,
// and how its number is written. A document is issued by the documents job
// from the case as that event left it and recorded back as DOCUMENT_ISSUED.

export const DOCUMENT_KINDS = [
  'FILING_APPROVAL', // 立案审批表
  'PRE_DECISION_NOTICE', // 行政处罚事先告知书
  'HEARING_NOTICE', // 听证通知书
  'HEARING_REPORT', // 听证笔录及报告
  'DECISION', // 行政处罚决定书
  'SERVICE_RECEIPT', // 送达回证
  'TRANSFER_LETTER', // 涉嫌犯罪案件移送书 with its item list
  'CLOSING_APPROVAL', // 结案审批表
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The document's title as printed. The decision's own title depends on its outcome (decision-content.ts). */
export const ZH_DOCUMENT_KIND: Readonly<Record<DocumentKind, string>> = {
  FILING_APPROVAL: '立案审批表',
  PRE_DECISION_NOTICE: '行政处罚事先告知书',
  HEARING_NOTICE: '听证通知书',
  HEARING_REPORT: '听证笔录及听证报告',
  DECISION: '行政处罚决定书',
  SERVICE_RECEIPT: '送达回证',
  TRANSFER_LETTER: '涉嫌犯罪案件移送书',
  CLOSING_APPROVAL: '结案审批表',
};

/** The character of each kind in its number (字号): 立, 告, 听, 听报, 罚, 送, 移, 结. */
export const DOCUMENT_NUMBER_WORD: Readonly<Record<DocumentKind, string>> = {
  FILING_APPROVAL: '立',
  PRE_DECISION_NOTICE: '告',
  HEARING_NOTICE: '听',
  HEARING_REPORT: '听报',
  DECISION: '罚',
  SERVICE_RECEIPT: '送',
  TRANSFER_LETTER: '移',
  CLOSING_APPROVAL: '结',
};

/** Which event issues which document. */
export const DOCUMENT_TRIGGERS: Readonly<Record<string, DocumentKind>> = {
  FILING_APPROVED: 'FILING_APPROVAL',
  NOTICE_SERVED: 'PRE_DECISION_NOTICE',
  HEARING_SCHEDULED: 'HEARING_NOTICE',
  HEARING_HELD: 'HEARING_REPORT',
  DECISION_MADE: 'DECISION',
  SIMPLE_DECISION_MADE: 'DECISION',
  DECISION_SERVED: 'SERVICE_RECEIPT',
  TRANSFER_DISPATCHED: 'TRANSFER_LETTER',
  CASE_CLOSED: 'CLOSING_APPROVAL',
};

export function documentKindFor(eventType: string): DocumentKind | undefined {
  return Object.prototype.hasOwnProperty.call(DOCUMENT_TRIGGERS, eventType) ? DOCUMENT_TRIGGERS[eventType] : undefined;
}

/** The notice and the decision keep the number they were recorded with (the party holds it); the others are allocated. */
export function recordedDocumentNumber(kind: DocumentKind, s: { notice?: { noticeNumber: string }; decision?: { documentNumber: string } }): string | undefined {
  if (kind === 'DECISION') return s.decision?.documentNumber;
  if (kind === 'PRE_DECISION_NOTICE') return s.notice?.noticeNumber;
  return undefined;
}

/**
 * A number allocated by the agency per year and kind, as 公文 write it:
 * CZSJ告〔2026〕3号. The notice and the decision keep the number they were
 * recorded with (the party holds it), so only the others are allocated.
 */
export function documentNumber(agencyCode: string, kind: DocumentKind, year: number, n: number): string {
  return `${agencyCode}${DOCUMENT_NUMBER_WORD[kind]}〔${year}〕${n}号`;
}
