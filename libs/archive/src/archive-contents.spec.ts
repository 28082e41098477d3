import type { StoredEvent } from '@zhifa/persistence';
import { archived, scenario } from '@zhifa/domain/testing/case-fixtures';
import { caseSummary, documentFiles, evidenceFiles } from './archive-contents';

function event(seq: number, type: string, payload: Record<string, unknown>): StoredEvent {
  return { eventId: `case-x:${seq}`, caseId: 'x', seq, type, actor: {}, occurredAt: '2026-03-01T00:00:00.000Z', payload, prevHash: '0', hash: String(seq) };
}

describe('what a package holds besides its events', () => {
  it('every evidence file by the sha256 the case recorded, from the content-addressed store', () => {
    const r = scenario('CLOSED');
    const files = evidenceFiles(r.s, '/store');
    expect(files).toHaveLength(r.s.evidence.length);
    const [first] = r.s.evidence;
    expect(files[0].path).toMatch(new RegExp(`^evidence/${first.evidenceId}\\.(txt|bin|jpg|png|pdf|mp4|mp3)$`));
    expect(files[0]).toMatchObject({
      kind: 'evidence',
      sha256: first.sha256,
      source: `/store/sha256/${first.sha256.slice(0, 2)}/${first.sha256.slice(2, 4)}/${first.sha256}`,
    });
  });

  it('documents from the DOCUMENT_ISSUED events (the documents job), each file once, with a safe name', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    const events = [
      event(5, 'DOCUMENT_ISSUED', { kind: 'PENALTY_DECISION', number: '长市监罚〔2026〕7号', sha256: a, fileName: '行政处罚决定书 长市监罚〔2026〕7号.pdf' }),
      event(6, 'PAYMENT_RECORDED', { amount: 1 }),
      event(7, 'DOCUMENT_ISSUED', { kind: 'SERVICE_RECEIPT', sha256: b, fileName: '../送达回证.pdf' }),
      event(8, 'DOCUMENT_ISSUED', { kind: 'PENALTY_DECISION', sha256: a, fileName: 'again.pdf' }),
    ];
    expect(documentFiles(events, '/store').map((f) => [f.path, f.sha256])).toEqual([
      ['documents/0005-行政处罚决定书_长市监罚_2026_7号.pdf', a],
      ['documents/0007-__送达回证.pdf', b],
    ]);
    expect(() => documentFiles([event(9, 'DOCUMENT_ISSUED', { kind: 'X' })], '/store')).toThrow('names no sha256');
  });

  it('the summary: the facts of the case as archived', () => {
    const r = archived(scenario('CLOSED'));
    const s = caseSummary(r.s, 'case-1', r.s.eventCount);
    expect(s).toMatchObject({ caseId: 'case-1', caseNumber: r.s.caseNumber, status: 'ARCHIVED', events: r.s.eventCount, closure: r.s.closure });
    expect(s.decision).toMatchObject({ documentNumber: r.s.decision!.documentNumber, amountDue: r.s.decision!.amountDue });
    expect(s.archive).toMatchObject({ requestedBy: { userId: r.s.archive!.requestedBy.userId } });
  });
});
