// 文书: the documents job (apps/jobs) renders a document from the case and
// reports it here, so the case records which documents it issued, with the
// hash of each file. A system command only: a person never records one.

import type { CaseState } from '../case-state';
import type { IssuedDocument } from '../case-records';
import { Validator } from '../rules/validation';
import { DOCUMENT_KINDS, type DocumentKind } from '../../documents/document-kinds';
import { UNSEALED } from '../vocabulary';
import { inStatus, invalid, stage } from './kit';

export type DocumentCommand = {
  type: 'RECORD_DOCUMENT';
  kind: DocumentKind;
  number: string;
  sha256: string;
  bytes: number;
  /** The event the document was issued on. */
  sourceSeq: number;
  fileName: string;
};

export type DocumentEvent = Omit<DocumentCommand, 'type'> & { type: 'DOCUMENT_ISSUED' };

export const documents = stage<DocumentCommand, DocumentEvent>()(
  'documents',
  {
    RECORD_DOCUMENT: {
      action: null,
      roles: 'SYSTEM',
      from: inStatus(UNSEALED),
      handle: (s: CaseState, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.oneOf('kind', cmd.kind, DOCUMENT_KINDS).text('number', cmd.number).sha256('sha256', cmd.sha256).integer('bytes', cmd.bytes, { min: 1 });
        v.integer('sourceSeq', cmd.sourceSeq, { min: 1 }).text('fileName', cmd.fileName);
        if (v.ok && cmd.sourceSeq > s.eventCount) v.add('sourceSeq', { en: `is after the case's last event (${s.eventCount})`, zh: `晚于本案最后一个事件（第${s.eventCount}号）` });
        if (!v.ok) return invalid(v);
        return { type: 'DOCUMENT_ISSUED', kind: cmd.kind, number: cmd.number, sha256: cmd.sha256, bytes: cmd.bytes, sourceSeq: cmd.sourceSeq, fileName: cmd.fileName };
      },
    },
  },
  {
    DOCUMENT_ISSUED: (s, e, { at }) => {
      const doc: IssuedDocument = { kind: e.kind, number: e.number, sha256: e.sha256, bytes: e.bytes, sourceSeq: e.sourceSeq, fileName: e.fileName, issuedAt: at };
      (s.documents ??= []).push(doc);
    },
  },
);
