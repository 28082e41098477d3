import { readSheet } from 'read-excel-file/node';
import { randomUUID } from 'node:crypto';
import { startStack, Stack } from '../support/stack';
import { eventually } from '../support/eventually';
import { ago, Client, decisionContents } from './command-helpers';
import { majorCaseAwaitingReview, ok, reportedAndHeard } from './legal-review-helpers';

// Enforcement statistics over HTTP: cases taken through the real workflow,
// and the figures they add to the supervisor's report, computed by hand.
// Other suites' cases share the agency and the day, so each figure is read
// as the difference the cases below make to a report taken before them.
describe('the enforcement statistics of a supervisor', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  /** Today in the zone the agency counts in (the stack's CASE_TIME_ZONE default). */
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

  type Report = NonNullable<Awaited<ReturnType<typeof report>>>;
  async function report(groupBy: 'agency' | 'officer' | 'violationCode' | 'procedure') {
    const { data, response } = await api.as('supervisor.zhou').GET('/api/v1/supervision/statistics', { params: { query: { from: today(), to: today(), groupBy } } });
    expect(response.status).toBe(200);
    return data;
  }
  const group = (r: Report, key: string) => r.groups.find((g) => g.key === key);

  /** An on-the-spot ¥200 fine, decided and served in one act (`servedAt`). */
  async function simpleFine(servedAt: string): Promise<string> {
    const lead = await api.register({ procedure: 'SIMPLE', violationCode: 'TRAFFIC-RULE', party: { type: 'PERSON', name: '李某' }, officerIds: [api.id('officer.zhang')] });
    await ok(
      api.command('officer.zhang', lead.id, 'simple-decision', {
        facts: 'Vehicle stopped in a no-stopping zone',
        legalBasis: '《道路交通安全法》第九十条',
        penalty: { kinds: ['FINE'], fineAmount: 200 },
        documentNumber: `长市监简〔2026〕ST-${randomUUID().slice(0, 6)}号`,
        text: '当场处罚决定书: 罚款 200 元',
        service: { method: 'DIRECT', servedAt, recipient: '李某', proof: '当事人签收' },
        defence: { waived: true },
      }),
    );
    return lead.id;
  }

  it('counts what the workflow recorded: decided fines, a closed case, a missed payment limit, a legal review returned then approved', async () => {
    const before = { code: (await report('violationCode'))!, agency: (await report('agency'))! };

    // 1. Paid, reported and closed.
    const closed = await simpleFine(ago(5));
    await ok(api.command('officer.zhang', closed, 'payments', { amount: 200, paidAt: ago(1), receipt: 'ST-1', collector: { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' } }));
    await ok(api.command('officer.zhang', closed, 'simple-report', {}));
    await ok(api.command('head.sun', closed, 'closure', { summary: 'on-the-spot fine paid' }));

    // 2. Served 60 days ago and never paid: the workflow records the payment limit missed; the surcharge runs.
    const unpaid = await simpleFine(new Date(Date.now() - 60 * 86400_000).toISOString());
    await eventually(async () => (await api.eventTypes(unpaid)).includes('DEADLINE_MISSED'));

    // 3. An ordinary case decided today: a ¥3,000 fine for fake products.
    const decided = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    await ok(api.textEvidence(decided), 201);
    await ok(
      api.command('officer.li', decided, 'investigation-report', {
        findings: 'The party sold substandard goods worth ¥2,000 as standard',
        proposedOutcome: 'PENALTY',
        proposedPenalty: { kinds: ['FINE'], fineAmount: 3000 },
        legalBasis: '《产品质量法》第五十条',
        circumstanceLevel: 'GENERAL',
        discretionBases: [{ kind: 'GOODS_VALUE', value: 2000, note: 'purchase invoices' }],
      }),
    );
    await ok(api.command('reviewer.liu', decided, 'case-review', { opinion: 'AGREE', comments: 'facts clear' }));
    await api.approveNotice(decided);
    await ok(
      api.command('officer.zhang', decided, 'notice', {
        noticeNumber: `长市监告〔2026〕ST-${randomUUID().slice(0, 6)}号`,
        text: '拟罚款叁仟元; 你有陈述、申辩的权利.',
        hearingRightsNotified: false,
        method: 'DIRECT',
        servedAt: ago(20),
        recipient: '王某',
        proof: '送达回证 ST',
      }),
    );
    await ok(api.command('officer.zhang', decided, 'defence', { waived: true }));
    await ok(
      api.command('head.sun', decided, 'decision', {
        outcome: 'PENALTY',
        penalty: { kinds: ['FINE'], fineAmount: 3000 },
        documentNumber: `长市监罚〔2026〕ST-${randomUUID().slice(0, 6)}号`,
        text: '决定: 罚款人民币叁仟元整.',
        ...decisionContents(await api.evidenceIds(decided), { legalBasis: '《产品质量法》第五十条' }),
      }),
    );

    // 4. A major food case: its legal review returned, the new proposal approved.
    const { id: reviewed } = await majorCaseAwaitingReview(api);
    await ok(api.command('reviewer.liu', reviewed, 'legal-review', { opinion: 'RETURN', text: '罚款数额需重新论证', points: ['货值计算依据不足'], returnTo: 'PROPOSAL' }));
    await reportedAndHeard(api, reviewed, 130000);
    await ok(api.command('officer.zhang', reviewed, 'legal-review-request', { reviewerId: api.id('reviewer.liu') }));
    await ok(api.command('reviewer.liu', reviewed, 'legal-review', { opinion: 'APPROVE', text: '同意' }));

    const after = { code: (await report('violationCode'))!, agency: (await report('agency'))! };
    const delta = (r: { code: Report; agency: Report }, key: string, byCode = true) => (byCode ? group(r.code, key) : group(r.agency, key));
    const diff = (key: string, byCode = true) => {
      const a = delta(after, key, byCode)!;
      const b = delta(before, key, byCode);
      const n = (f: (g: Report['groups'][number]) => number) => f(a) - (b ? f(b) : 0);
      return {
        opened: n((g) => g.opened),
        filed: n((g) => g.filed),
        decided: n((g) => g.decided),
        penalty: n((g) => g.decisionsByOutcome.PENALTY ?? 0),
        closed: n((g) => g.closed),
        fines: n((g) => g.penaltyKinds.FINE ?? 0),
        fineTotal: n((g) => g.fineTotal),
        paymentMissed: n((g) => g.deadlinesMissed.payment ?? 0),
        decisionTimed: n((g) => g.stages.decision.count),
        closingTimed: n((g) => g.stages.closing.count),
        due: n((g) => g.execution.due),
        paid: n((g) => g.execution.paidInFull),
        overdue: n((g) => g.execution.overdue),
        surcharge: n((g) => g.execution.surcharge),
        approved: n((g) => g.legalReviews.approved),
        returned: n((g) => g.legalReviews.returned),
        rejected: n((g) => g.legalReviews.rejected),
      };
    };
    // Two on-the-spot fines of ¥200: both decided today, one paid and closed, the other's payment limit missed (surcharge accrues).
    expect(diff('TRAFFIC-RULE')).toEqual({
      opened: 2, filed: 0, decided: 2, penalty: 2, closed: 1, fines: 2, fineTotal: 400, paymentMissed: 1,
      decisionTimed: 0, closingTimed: 1, due: 2, paid: 1, overdue: 1, surcharge: 1, approved: 0, returned: 0, rejected: 0,
    });
    // One ordinary ¥3,000 fine, filed and decided today (timed from filing to decision).
    expect(diff('PRODUCT-FAKE')).toEqual({
      opened: 1, filed: 1, decided: 1, penalty: 1, closed: 0, fines: 1, fineTotal: 3000, paymentMissed: 0,
      decisionTimed: 1, closingTimed: 0, due: 1, paid: 0, overdue: 0, surcharge: 0, approved: 0, returned: 0, rejected: 0,
    });
    // The food case: opened and filed, not decided; one review returned, one approved.
    expect(diff('FOOD-UNLICENSED')).toEqual({
      opened: 1, filed: 1, decided: 0, penalty: 0, closed: 0, fines: 0, fineTotal: 0, paymentMissed: 0,
      decisionTimed: 0, closingTimed: 0, due: 0, paid: 0, overdue: 0, surcharge: 0, approved: 1, returned: 1, rejected: 0,
    });
    // The agency's one group is their sum.
    const agencyId = (await api.case('head.sun', closed)).agencyId;
    expect(diff(agencyId, false)).toMatchObject({ opened: 4, filed: 2, decided: 3, closed: 1, fineTotal: 3400, paymentMissed: 1, approved: 1, returned: 1 });
    expect(group(after.agency, agencyId)!.label).toContain('市场监督管理局');

    // The stage times: the closed case's closing, measured from its service five seconds before payment.
    const traffic = group(after.code, 'TRAFFIC-RULE')!;
    expect(traffic.stages.closing.worstDays).toBeGreaterThanOrEqual(0);
    expect(traffic.stages.closing.averageDays).not.toBeNull();

    // By officer: officer.zhang is on every case above, officer.li on the two ordinary ones.
    const byOfficer = (await report('officer'))!;
    expect(group(byOfficer, api.id('officer.zhang'))!.label).toBe((await api.case('head.sun', closed)).officers[0].name);

    // CSV: one row per group, the same figures.
    const res = await fetch(`${stack.url}/api/v1/supervision/statistics?from=${today()}&to=${today()}&groupBy=violationCode&format=csv`, {
      headers: { authorization: `Bearer ${await api.token('supervisor.zhou')}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
    const row = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === 'TRAFFIC-RULE')![i]]));
    expect(row).toMatchObject({ decided: String(traffic.decided), fine_total: String(traffic.fineTotal), missed_payment: String(traffic.deadlinesMissed.payment), execution_overdue: String(traffic.execution.overdue) });

    // XLSX: the same table, numbers as numbers.
    const xlsx = await fetch(`${stack.url}/api/v1/supervision/statistics?from=${today()}&to=${today()}&groupBy=violationCode&format=xlsx`, {
      headers: { authorization: `Bearer ${await api.token('supervisor.zhou')}` },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('content-disposition')).toBe(`attachment; filename="statistics-violationCode-${today()}-${today()}.xlsx"`);
    const [sheetHeader, ...sheetRows] = await readSheet(Buffer.from(await xlsx.arrayBuffer()));
    expect(sheetHeader).toEqual(header);
    expect(sheetRows).toHaveLength(rows.length);
    const sheetRow = Object.fromEntries(sheetHeader.map((h, i) => [h, sheetRows.find((r) => r[0] === 'TRAFFIC-RULE')![i]]));
    expect(sheetRow).toMatchObject({ decided: traffic.decided, fine_total: traffic.fineTotal, missed_payment: traffic.deadlinesMissed.payment, execution_overdue: traffic.execution.overdue });
  });

  it('is for supervisors; a bad period or grouping is 400 naming the field', async () => {
    const officer = await api.as('officer.zhang').GET('/api/v1/supervision/statistics', { params: { query: { from: today(), to: today() } } });
    expect(officer.response.status).toBe(403);
    expect(officer.error).toMatchObject({ code: 'SUPERVISION.SUPERVISOR_ONLY' });
    const backwards = await api.as('supervisor.zhou').GET('/api/v1/supervision/statistics', { params: { query: { from: '2026-12-31', to: '2026-01-01' } } });
    expect(backwards.response.status).toBe(400);
    expect(backwards.error?.errors?.map((e) => e.field)).toEqual(['to']);
    const notADay = await api.as('supervisor.zhou').GET('/api/v1/supervision/statistics', { params: { query: { from: '2026-02-30', to: '2026-03-01' } } });
    expect(notADay.response.status).toBe(400);
    expect(notADay.error?.errors?.map((e) => e.field)).toEqual(['from']);
    const res = await fetch(`${stack.url}/api/v1/supervision/statistics?from=2026-01-01&to=2026-01-31&groupBy=party`, {
      headers: { authorization: `Bearer ${await api.token('supervisor.zhou')}` },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['groupBy']);
  });
});
