import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jobIdFor, type CaseEventMessage } from '@zhifa/contracts';
import { EvidenceStore } from '@zhifa/persistence';
import { DocumentsJobHandler } from '../../apps/jobs/src/documents/documents.handler';
import { eventually } from '../support/eventually';
import { startStack, Stack } from '../support/stack';
import { ago, Client, decisionContents } from './command-helpers';

// Cases driven through the HTTP API against the real workflow and the real
// jobs app: each issuing event goes through the outbox relay to the
// documents queue, whose handler renders one PDF, stores it by its hash and
// records it on the case; listed, downloadable, recorded once however often
// the job runs (the handler is also called directly, as a retry would).
// A4 is 595 × 842 pt; the footer (page number, case number) sits in the bottom margin, below 745 pt.
const BODY = ['-x', '0', '-y', '0', '-W', '595', '-H', '745'];

describe('official documents (文书) as PDFs', () => {
  let stack: Stack;
  let api: Client;
  let handler: DocumentsJobHandler;
  const dir = mkdtempSync(join(tmpdir(), 'zhifa-documents-'));

  beforeAll(async () => {
    stack = await startStack({ jobs: true });
    api = new Client(stack);
    handler = stack.jobs!.get(DocumentsJobHandler);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await stack?.close();
  });

  /** The outbox's message for the case's last event of `type`, and the job id the queue gives it. */
  async function message(caseId: string, type: string): Promise<{ msg: CaseEventMessage; jobId: string }> {
    const [row]: { event_id: string; seq: number; payload: Record<string, unknown> }[] = await stack.ds.query(
      'SELECT event_id, seq, payload FROM case_events WHERE case_id = $1 AND type = $2 ORDER BY seq DESC LIMIT 1',
      [caseId, type],
    );
    if (!row) throw new Error(`no ${type} in case ${caseId}`);
    return { msg: { eventId: row.event_id, caseId, seq: row.seq, type, payload: row.payload }, jobId: jobIdFor(row.event_id, 'documents') };
  }

  interface Listed {
    id: string;
    kind: string;
    number: string;
    sha256: string;
    sizeBytes: number;
    title: string;
    fileName: string;
    sourceSeq: number;
  }

  /** The case's documents once the documents queue has issued `count` of them. */
  async function issuedDocuments(caseId: string, count: number): Promise<Listed[]> {
    return eventually(async () => {
      const list = await api.get<{ items: Listed[] }>('officer.zhang', `/cases/${caseId}/documents`);
      const recorded = (await api.eventTypes(caseId)).filter((t) => t === 'DOCUMENT_ISSUED').length;
      return list.body.items.length === count && recorded === count && list.body.items;
    }, 60000);
  }

  /** A document downloaded for a reason (it carries the party's full personal information: PIPL). */
  async function download(caseId: string, documentId: string, username = 'officer.zhang', reason: string | null = '核对文书内容'): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${await api.token(username)}` };
    if (reason !== null) headers['x-access-reason'] = encodeURIComponent(reason);
    return fetch(`${stack.url}/api/v1/cases/${caseId}/documents/${documentId}`, { headers });
  }

  /** The PDF's text as pdftotext reads it without the page's line breaks: the body (above the footer), the whole, and its fonts. */
  function read(bytes: Buffer, name: string): { text: string; whole: string; fonts: string } {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, bytes);
    const text = (crop: string[]) => execFileSync('pdftotext', ['-enc', 'UTF-8', ...crop, file, '-']).toString('utf8').replace(/\s+/g, '');
    return { text: text(BODY), whole: text([]), fonts: execFileSync('pdffonts', [file]).toString('utf8') };
  }

  async function orderedCaseToClosing(): Promise<{ id: string; caseNumber: string }> {
    const registered = await api.register({ violationCode: 'PRODUCT-FAKE', party: { type: 'PERSON', name: '王某', address: '长治市潞州区某街12号' } });
    const id = registered.id;
    const ok = async (p: Promise<{ status: number; body: unknown }>) => {
      const r = await p;
      if (r.status !== 200 && r.status !== 201) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    };
    await ok(api.command('head.sun', id, 'filing', { approve: true, reason: '经核查，有违法事实，属于本机关管辖', officerIds: [api.id('officer.zhang'), api.id('officer.li')] }));
    await ok(api.textEvidence(id));
    await ok(
      api.command('officer.li', id, 'investigation-report', {
        findings: '当事人以不合格产品冒充合格产品销售，货值金额人民币2000元',
        proposedOutcome: 'PENALTY',
        proposedPenalty: { kinds: ['FINE'], fineAmount: 3000 },
        legalBasis: '《产品质量法》第五十条',
        circumstanceLevel: 'GENERAL',
        discretionBases: [{ kind: 'GOODS_VALUE', value: 2000, note: '进货发票' }],
      }),
    );
    await ok(api.command('reviewer.liu', id, 'case-review', { opinion: 'AGREE', comments: '事实清楚，依据正确' }));
    await api.approveNotice(id);
    await ok(
      api.command('officer.zhang', id, 'notice', {
        noticeNumber: '长市监告〔2026〕DOC-1号',
        text: '拟罚款叁仟元',
        hearingRightsNotified: false,
        method: 'DIRECT',
        servedAt: ago(20),
        recipient: '王某',
        proof: '送达回证 DOC-N1',
      }),
    );
    await ok(api.command('officer.zhang', id, 'defence', { waived: true }));
    await ok(
      api.command('head.sun', id, 'decision', {
        outcome: 'PENALTY',
        penalty: { kinds: ['FINE'], fineAmount: 3000 },
        documentNumber: '长市监罚〔2026〕DOC-1号',
        text: '罚款人民币叁仟元整',
        ...decisionContents(await api.evidenceIds(id), { legalBasis: '《产品质量法》第五十条', facts: '当事人以不合格产品冒充合格产品销售，货值金额人民币2000元' }),
      }),
    );
    await ok(api.command('officer.zhang', id, 'service', { method: 'DIRECT', servedAt: new Date().toISOString(), recipient: '王某', proof: '送达回证 DOC-1' }));
    await ok(
      api.command('officer.li', id, 'payments', { amount: 3000, paidAt: new Date().toISOString(), receipt: '非税收入缴款书 DOC-1', collector: { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' } }),
    );
    await ok(api.command('head.sun', id, 'closure', { summary: '罚款已缴清，执行完毕' }));
    return { id, caseNumber: registered.caseNumber };
  }

  let closed: { id: string; caseNumber: string };

  it('filing, notice, decision, service and closing each issue their document, recorded on the case once', async () => {
    closed = await orderedCaseToClosing();
    const { id, caseNumber } = closed;
    // The documents queue issues them, each from its event.
    const issued = await issuedDocuments(id, 5);
    const issuing = ['FILING_APPROVED', 'NOTICE_SERVED', 'DECISION_MADE', 'DECISION_SERVED', 'CASE_CLOSED'];
    expect(issued.map((d) => d.sourceSeq)).toEqual(await Promise.all(issuing.map(async (t) => (await message(id, t)).msg.seq)));
    expect(issued.map((d) => d.kind)).toEqual(['FILING_APPROVAL', 'PRE_DECISION_NOTICE', 'DECISION', 'SERVICE_RECEIPT', 'CLOSING_APPROVAL']);
    // Allocated per agency, kind and year; the notice and the decision keep the numbers they were recorded with.
    expect(issued[0].number).toMatch(/^CZSJ立〔2026〕\d+号$/);
    expect(issued[1].number).toBe('长市监告〔2026〕DOC-1号');
    expect(issued[2].number).toBe('长市监罚〔2026〕DOC-1号');
    expect(issued[3].number).toMatch(/^CZSJ送〔2026〕\d+号$/);

    // Each recorded on the case as DOCUMENT_ISSUED, stamped with its job id, and listed in its state — in the
    // order their jobs finished, which the documents queue (several at once) does not fix: compared by source event.
    const recorded: { payload: Record<string, unknown> }[] = await stack.ds.query(
      `SELECT payload FROM case_events WHERE case_id = $1 AND type = 'DOCUMENT_ISSUED' ORDER BY (payload->>'sourceSeq')::int, payload->>'kind'`,
      [id],
    );
    expect(recorded.map((r) => [r.payload.kind, r.payload.sha256, r.payload.sourceSeq])).toEqual(issued.map((d) => [d.kind, d.sha256, d.sourceSeq]));
    const [{ state }] = await stack.ds.query('SELECT state FROM cases WHERE id = $1', [id]);
    expect(state.documents.map((d: { number: string }) => d.number).sort()).toEqual(issued.map((d) => d.number).sort());

    // The list, as whoever may read the case.
    const list = await api.get<{ items: Listed[] }>('officer.li', `/cases/${id}/documents`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual(issued);
    expect(list.body.items[2].title).toBe('行政处罚决定书');

    // The decision carries the party's full address: no download without a reason, and each one logged with the document's number.
    const unexplained = await download(id, issued[2].id, 'officer.zhang', null);
    expect(unexplained.status).toBe(400);
    expect(((await unexplained.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['X-Access-Reason']);
    const before = await api.as('supervisor.zhou').GET('/api/v1/supervision/personal-data-access', { params: { query: { caseId: id } } });

    // The decision's PDF, downloaded: its text is the case's, its font embedded.
    const res = await download(id, issued[2].id, 'officer.zhang', '送达前核对决定书');
    expect(res.status).toBe(200);
    const after = await api.as('supervisor.zhou').GET('/api/v1/supervision/personal-data-access', { params: { query: { caseId: id } } });
    expect(after.data!.total).toBe(before.data!.total + 1);
    expect(after.data!.items[0]).toMatchObject({ caseId: id, userId: api.id('officer.zhang'), reason: '送达前核对决定书', source: 'DOCUMENT', sourceRef: '长市监罚〔2026〕DOC-1号', fields: ['address'] });
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-sha256')).toBe(issued[2].sha256);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(issued[2].sha256);
    expect(bytes.length).toBe(issued[2].sizeBytes);
    const decision = read(bytes, 'decision');
    for (const s of [
      '长治市市场监督管理局',
      '行政处罚决定书',
      '长市监罚〔2026〕DOC-1号',
      '当事人（姓名）：王某',
      '住址：长治市潞州区某街12号',
      '经查，当事人以不合格产品冒充合格产品销售，货值金额人民币2000元',
      '1.现场检查笔录（现场笔录）',
      '依据《产品质量法》第五十条的规定',
      '（一）罚款人民币叁仟元整（¥3,000.00）。',
      '自收到本决定书之日起十五日',
      '六十日内向长治市人民政府申请行政复议',
      '六个月内向长治市市场监督管理局所在地有管辖权的人民法院提起行政诉讼',
      '（印章）',
    ]) {
      expect(decision.text).toContain(s);
    }
    expect(decision.whole).toContain(`—1—案件编号：${caseNumber}`);
    expect(decision.fonts).toMatch(/[A-Z]{6}\+NotoSerifCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes/);

    const receipt = read(Buffer.from(await (await download(id, issued[3].id)).arrayBuffer()), 'receipt');
    expect(receipt.text).toContain('送达文书：行政处罚决定书（长市监罚〔2026〕DOC-1号）');
    expect(receipt.text).toContain('送达方式：直接送达');
    const closing = read(Buffer.from(await (await download(id, issued[4].id)).arrayBuffer()), 'closing');
    expect(closing.text).toContain('结案理由罚款已缴清，执行完毕');
    expect(closing.text).toContain('应缴罚没款人民币叁仟元整（¥3,000.00），已缴人民币叁仟元整（¥3,000.00）。');
    expect(closing.text).toContain('审批人：孙局长');
  });

  it('the same job twice gives one document and one event', async () => {
    const { id } = closed;
    const { msg, jobId } = await message(id, 'DECISION_MADE');
    const [listed] = (await issuedDocuments(id, 5)).filter((d) => d.sourceSeq === msg.seq);
    const before = await api.eventCount(id);
    // The queue's job run again, as a retry would: its row, number and file are reused; the case records nothing new
    // (within the run Temporal answers a repeated Update id with the first answer).
    const again = await handler.handle(msg, jobId);
    expect(again!.document).toMatchObject({ id: listed.id, number: listed.number, sha256: listed.sha256 });
    expect(await api.eventCount(id)).toBe(before);
    const rows = await stack.ds.query('SELECT id FROM documents WHERE job_id = $1', [jobId]);
    expect(rows).toEqual([{ id: listed.id }]);
    const [{ n }] = await stack.ds.query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND type = 'DOCUMENT_ISSUED' AND payload->>'jobId' = $2`, [id, jobId]);
    expect(n).toBe(1);
    // An event that issues nothing is no document job.
    expect(await handler.handle((await message(id, 'PAYMENT_RECORDED')).msg, 'x')).toBeNull();
  });

  it('a transfer dispatched issues the transfer letter with its item list; it is hidden from who may not read the case', async () => {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE', party: { type: 'PERSON', name: '赵某' } });
    await api.textEvidence(id);
    await api.command('officer.zhang', id, 'criminal-transfer', { grounds: '销售伪劣产品，销售金额达到立案追诉标准', officerIds: [api.id('officer.zhang'), api.id('officer.li')] });
    await api.command('head.sun', id, 'criminal-transfer/approval', { approve: true, reason: '达到立案追诉标准' });
    const dispatched = await api.command('officer.li', id, 'criminal-transfer/dispatch', {
      sentAt: ago(5),
      policeAgency: '长治市公安局',
      procuratorate: '长治市人民检察院',
      documents: ['涉嫌犯罪案件移送书', '调查终结报告', '涉案物品清单', '检验报告'],
    });
    expect(dispatched.status).toBe(200);
    const { msg, jobId } = await message(id, 'TRANSFER_DISPATCHED');
    // Two more runs of the job at once, beside the queue's (a stalled job taken over): one number, one file, one event.
    const [a, b] = await Promise.all([handler.handle(msg, jobId), handler.handle(msg, jobId)]);
    expect(a!.document).toEqual(b!.document);
    const [filing, issued] = await issuedDocuments(id, 2);
    expect(filing.kind).toBe('FILING_APPROVAL');
    expect(issued).toMatchObject({ id: a!.document.id, kind: 'TRANSFER_LETTER', sha256: a!.document.sha256 });
    expect(await stack.ds.query('SELECT count(*)::int AS n FROM documents WHERE case_id = $1', [id])).toEqual([{ n: 2 }]);
    expect(issued).toMatchObject({ kind: 'TRANSFER_LETTER', number: expect.stringMatching(/^CZSJ移〔2026〕\d+号$/) });
    const letter = read(Buffer.from(await (await download(id, issued.id)).arrayBuffer()), 'transfer');
    expect(letter.text).toContain('长治市公安局：');
    expect(letter.text).toContain('赵某涉嫌违法一案');
    expect(letter.text).toContain('抄送长治市人民检察院');
    expect(letter.text).toContain('附：移送材料清单1.涉嫌犯罪案件移送书2.调查终结报告3.涉案物品清单4.检验报告');
    // The police liaison of the dispatch's body reads the case, so its documents; another agency's case is not found.
    expect((await api.get('police.wu', `/cases/${id}/documents`)).status).toBe(200);
    // An officer of the agency not on the case may not read it, nor its documents (as for the case itself).
    const stranger = await api.get('officer.wang', `/cases/${id}/documents`);
    expect(stranger.status).toBe((await api.get('officer.wang', `/cases/${id}`)).status);
    expect(stranger.status).toBeGreaterThanOrEqual(403);
    expect((await download(id, issued.id, 'officer.wang')).status).toBe(stranger.status);
    expect((await api.get('officer.zhang', `/cases/${id}/documents/00000000-0000-4000-8000-000000000000`)).body).toMatchObject({ status: 404, code: 'DOCUMENT.NOT_FOUND' });
  });

  it('a hearing scheduled and held issues the hearing notice and the record with the report', async () => {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE', party: { type: 'PERSON', name: '钱某' } });
    const ok = async (p: Promise<{ status: number; body: unknown }>) => {
      const r = await p;
      if (r.status !== 200 && r.status !== 201) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    };
    await ok(api.textEvidence(id));
    // ¥8,000 for a person: a hearing is offered (≥ ¥5,000); the steps are entered after the fact (补录), dated as they happened.
    await ok(
      api.command('officer.zhang', id, 'investigation-report', {
        findings: '当事人三个月内以不合格产品冒充合格产品销售，货值金额人民币3000元',
        proposedOutcome: 'PENALTY',
        proposedPenalty: { kinds: ['FINE'], fineAmount: 8000 },
        legalBasis: '《产品质量法》第五十条',
        circumstanceLevel: 'HEAVIER',
        discretionReasons: '经警告后再犯',
        discretionBases: [{ kind: 'GOODS_VALUE', value: 3000 }],
      }),
    );
    await ok(api.command('reviewer.liu', id, 'case-review', { opinion: 'AGREE', comments: '事实清楚' }));
    await api.approveNotice(id);
    await ok(
      api.command('officer.zhang', id, 'notice', {
        noticeNumber: '长市监告〔2026〕DOC-2号',
        text: '拟罚款捌仟元',
        hearingRightsNotified: true,
        method: 'DIRECT',
        servedAt: ago(30 * 86400),
        recipient: '钱某',
        proof: '送达回证 DOC-N2',
      }),
    );
    await ok(api.command('officer.zhang', id, 'hearing-request', { requestedAt: ago(29 * 86400), note: '电话申请' }));
    await ok(
      api.command('officer.zhang', id, 'hearing', {
        action: 'SCHEDULE',
        hearingAt: ago(3 * 86400),
        hostId: api.id('reviewer.liu'),
        location: '长治市市场监督管理局第一听证室',
        isPublic: true,
        noticeService: { method: 'DIRECT', servedAt: ago(28 * 86400), recipient: '钱某', proof: '听证通知书送达回证 DOC-2' },
      }),
    );
    await ok(
      api.command('reviewer.liu', id, 'hearing', {
        action: 'RECORD',
        heldAt: ago(3 * 86400 - 3600),
        record: '当事人承认销售不合格产品的事实，请求从轻处罚。',
        report: '违法事实清楚，拟处罚意见适当，建议维持。',
      }),
    );
    const [, , notice, report] = await issuedDocuments(id, 4);
    expect([notice.kind, report.kind]).toEqual(['HEARING_NOTICE', 'HEARING_REPORT']);
    expect(notice.number).toMatch(/^CZSJ听〔2026〕\d+号$/);
    expect(report.number).toMatch(/^CZSJ听报〔2026〕\d+号$/);
    const n = read(Buffer.from(await (await download(id, notice.id)).arrayBuffer()), 'hearing-notice').text;
    expect(n).toContain('钱某：');
    expect(n).toContain('在长治市市场监督管理局第一听证室就你（单位）涉嫌违法一案');
    expect(n).toContain('听证主持人：刘洋。');
    expect(n).toContain('本次听证公开举行。');
    const r = read(Buffer.from(await (await download(id, report.id)).arrayBuffer()), 'hearing-report').text;
    expect(r).toContain('听证笔录当事人承认销售不合格产品的事实，请求从轻处罚。');
    expect(r).toContain('听证报告违法事实清楚，拟处罚意见适当，建议维持。');
    expect(r).toContain('案件调查人员：张伟（执法证号：14040120240001）、李娜（执法证号：14040120240002）');
  });

  it('a tampered file is refused with a problem, never served', async () => {
    const { id } = closed;
    const list = await api.get<{ items: { id: string; sha256: string }[] }>('officer.zhang', `/cases/${id}/documents`);
    const doc = list.body.items[0];
    const path = stack.jobs!.get(EvidenceStore).pathOf(doc.sha256);
    const bytes = readFileSync(path);
    bytes[bytes.length - 10] ^= 0xff;
    chmodSync(path, 0o644);
    writeFileSync(path, bytes);
    const res = await download(id, doc.id);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'DOCUMENT.HASH_MISMATCH' });
  });
});
