import { startStack, Stack } from '../support/stack';
import { ago, Client, decisionContents } from './command-helpers';

// 案卷评查 over HTTP: the checklist over a real case chain, for supervisors;
// a period's files in one batch, as JSON or CSV for the annual report.
describe('the case-file evaluation of a supervisor', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  /** A filed case taken to a penalty decision by the lawful path. */
  async function decidedCase(): Promise<string> {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    expect((await api.textEvidence(id)).status).toBe(201);
    const report = await api.command('officer.li', id, 'investigation-report', {
      findings: 'The party sold substandard goods worth ¥2,000 as standard',
      proposedOutcome: 'PENALTY',
      proposedPenalty: { kinds: ['FINE'], fineAmount: 3000 },
      legalBasis: '《产品质量法》第五十条',
      circumstanceLevel: 'GENERAL',
      discretionBases: [{ kind: 'GOODS_VALUE', value: 2000, note: 'purchase invoices' }],
    });
    expect(report.status).toBe(200);
    expect((await api.command('reviewer.liu', id, 'case-review', { opinion: 'AGREE', comments: 'facts clear' })).status).toBe(200);
    await api.approveNotice(id);
    const noticed = await api.command('officer.zhang', id, 'notice', {
      noticeNumber: '长市监告〔2026〕EV-1号',
      text: '拟罚款叁仟元; 你有陈述、申辩的权利.',
      hearingRightsNotified: false,
      method: 'DIRECT',
      servedAt: ago(20),
      recipient: '王某',
      proof: '送达回证 No. EV-N1',
    });
    expect(noticed.status).toBe(200);
    expect((await api.command('officer.zhang', id, 'defence', { waived: true })).status).toBe(200);
    const decided = await api.command('head.sun', id, 'decision', {
      outcome: 'PENALTY',
      penalty: { kinds: ['FINE'], fineAmount: 3000 },
      documentNumber: '长市监罚〔2026〕EV-1号',
      text: '决定: 罚款人民币叁仟元整.',
      ...decisionContents(await api.evidenceIds(id), { legalBasis: '《产品质量法》第五十条' }),
    });
    expect(decided.status).toBe(200);
    return id;
  }

  /** Today in the zone the agency counts in (the stack's CASE_TIME_ZONE default). */
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

  it('a lawfully decided case passes every check that applies, each with the event it rests on and its source', async () => {
    const id = await decidedCase();
    const { data, response } = await api.as('supervisor.zhou').GET('/api/v1/supervision/cases/{id}/evaluation', { params: { path: { id } } });
    expect(response.status).toBe(200);
    const byId = new Map(data!.checks.map((c) => [c.id, c]));
    for (const passed of <const>['filing-approved', 'evidence-two-officers', 'rights-told', 'review-independent', 'notice-approved-served', 'defence-window', 'benchmark', 'decision-in-time']) {
      expect([passed, byId.get(passed)?.result]).toEqual([passed, 'PASS']);
    }
    expect(byId.get('archived')?.result).toBe('NOT_APPLICABLE');
    expect(byId.get('review-independent')).toMatchObject({ source: 'APL 58; MSA 49–55 (查审分离)', detail: { zh: expect.stringContaining('审核') } });
    const types = await api.eventTypes(id);
    expect(types[byId.get('filing-approved')!.seq! - 1]).toBe('FILING_APPROVED');
    expect(data).toMatchObject({ failed: 0, score: 100, grade: 'EXCELLENT', caseId: id });
  });

  it('a certificate not valid on the day of collection fails the evidence check, naming it; the batch counts the failure, in JSON and CSV', async () => {
    const id = await decidedCase();
    const li = (await api.case('officer.zhang', id)).officers.find((o) => o.userId === api.id('officer.li'))!;
    const row = { number: li.certificateNumber };
    const [{ valid_from: from }] = await stack.ds.query(`SELECT to_char(valid_from, 'YYYY-MM-DD') AS valid_from FROM certificates WHERE number = $1`, [row.number]);
    // Found after the fact: the certificate only began two days later (past any zone's today; behind the application's back, restored below).
    await stack.ds.query(`UPDATE certificates SET valid_from = CURRENT_DATE + 2 WHERE number = $1`, [row.number]);
    try {
      const { data } = await api.as('supervisor.zhou').GET('/api/v1/supervision/cases/{id}/evaluation', { params: { path: { id } } });
      const evidence = data!.checks.find((c) => c.id === 'evidence-two-officers')!;
      expect(evidence.result).toBe('FAIL');
      expect(evidence.detail.zh).toContain(row.number);
      expect(data!.grade).not.toBe('EXCELLENT');

      const batch = await api.as('supervisor.zhou').GET('/api/v1/supervision/evaluations', { params: { query: { from: today(), to: today() } } });
      expect(batch.response.status).toBe(200);
      const mine = batch.data!.items.find((i) => i.caseId === id)!;
      expect(mine.failedChecks).toContain('evidence-two-officers');
      expect((batch.data!.failuresByCheck as Record<string, number>)['evidence-two-officers']).toBeGreaterThanOrEqual(1);
      expect(batch.data!.cases).toBe(batch.data!.items.length);

      const res = await fetch(`${stack.url}/api/v1/supervision/evaluations?from=${today()}&to=${today()}&format=csv`, {
        headers: { authorization: `Bearer ${await api.token('supervisor.zhou')}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toBe('case_number,status,score,grade,failed_checks');
      const caseNumber = (await api.case('officer.zhang', id)).caseNumber;
      expect(lines.find((l) => l.startsWith(caseNumber))).toContain('evidence-two-officers');
    } finally {
      await stack.ds.query(`UPDATE certificates SET valid_from = $2 WHERE number = $1`, [row.number, from]);
    }
  });

  it('is for supervisors; an unknown case is 404; a period ending before it starts is 400 naming the field', async () => {
    const id = await api.filedCase();
    const officer = await api.as('officer.zhang').GET('/api/v1/supervision/cases/{id}/evaluation', { params: { path: { id } } });
    expect(officer.response.status).toBe(403);
    expect(officer.error).toMatchObject({ code: 'SUPERVISION.SUPERVISOR_ONLY' });
    const unknown = await api.as('supervisor.zhou').GET('/api/v1/supervision/cases/{id}/evaluation', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
    expect(unknown.response.status).toBe(404);
    const backwards = await api.as('supervisor.zhou').GET('/api/v1/supervision/evaluations', { params: { query: { from: '2026-12-31', to: '2026-01-01' } } });
    expect(backwards.response.status).toBe(400);
    expect(backwards.error?.errors?.map((e) => e.field)).toEqual(['to']);
  });
});
