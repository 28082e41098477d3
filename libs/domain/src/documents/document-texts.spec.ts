import { decide } from '../case/decide';
import { evolve } from '../case/evolve';
import { people, scenario, SYSTEM } from '../testing/case-fixtures';
import { documentKindFor, documentNumber, recordedDocumentNumber, DOCUMENT_KINDS } from './document-kinds';
import { documentText, zhDateTime } from './document-texts';

const source = (type: string, occurredAt: string) => ({ seq: 3, type, occurredAt, payload: {}, actorName: '赵局长' });

describe('document texts', () => {
  it('an on-the-spot decision is titled as such and still states the remedies', () => {
    const r = scenario('SIMPLE:SERVED');
    const kind = documentKindFor('SIMPLE_DECISION_MADE')!;
    const t = documentText(kind, r.s, source('SIMPLE_DECISION_MADE', r.s.decision!.decidedAt), r.policy, '长治市市场监督管理局', recordedDocumentNumber(kind, r.s)!);
    expect(t.title).toBe('当场行政处罚决定书');
    expect(t.number).toBe(r.s.decision!.documentNumber);
    const all = t.sections.flatMap((s) => s.paragraphs).join('');
    expect(all).toContain('六十日内依法申请行政复议');
    expect(t.dateZh).toMatch(/^2026年\d+月\d+日$/);
  });

  it('numbers the allocated kinds per agency, kind and year; the notice and decision keep theirs', () => {
    expect(documentNumber('CZSJ', 'SERVICE_RECEIPT', 2026, 7)).toBe('CZSJ送〔2026〕7号');
    const s = scenario('DECIDED').s;
    expect(recordedDocumentNumber('PRE_DECISION_NOTICE', s)).toBe(s.notice!.noticeNumber);
    expect(recordedDocumentNumber('FILING_APPROVAL', s)).toBeUndefined();
    expect(documentKindFor('PAYMENT_RECORDED')).toBeUndefined();
    expect(documentKindFor('toString')).toBeUndefined();
  });

  it('writes a time in the agency’s zone', () => {
    expect(zhDateTime('2026-03-25T01:30:00.000Z', 'Asia/Shanghai')).toBe('2026年3月25日9时30分');
    expect(zhDateTime('2026-03-25T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026年3月26日0时');
  });

  it('RECORD_DOCUMENT lists the document on the case; a person may not record one', () => {
    const r = scenario('FILED');
    const cmd = { type: 'RECORD_DOCUMENT' as const, kind: DOCUMENT_KINDS[0], number: 'CZSJ立〔2026〕1号', sha256: 'b'.repeat(64), bytes: 2048, sourceSeq: 2, fileName: 'x.pdf' };
    const d = decide(r.s, cmd, { actor: SYSTEM, policy: r.policy, now: r.now });
    if (!d.ok) throw new Error(d.rejection.reason);
    const s = evolve(r.s, d.events[0], { at: r.now, policy: r.policy });
    expect(s.documents).toEqual([{ kind: 'FILING_APPROVAL', number: 'CZSJ立〔2026〕1号', sha256: 'b'.repeat(64), bytes: 2048, sourceSeq: 2, fileName: 'x.pdf', issuedAt: r.now }]);
    const bad = decide(r.s, { ...cmd, sha256: 'nope', sourceSeq: 99 }, { actor: SYSTEM, policy: r.policy, now: r.now });
    expect(bad.ok ? [] : bad.rejection.errors?.map((e) => e.field)).toEqual(['sha256']);
    const person = decide(r.s, cmd, { actor: people.officerA, policy: r.policy, now: r.now });
    expect(person.ok ? null : person.rejection.status).toBe(403);
  });
});
