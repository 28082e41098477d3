import { caseWorkflowId, jobIdFor } from '@zhifa/contracts';
import { TemporalClientProvider } from '../../apps/case-api/src/temporal/temporal-client.provider';
import type { DisclosureJob } from '../../apps/jobs/src/disclosure/disclosure.job';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { Client, deadline } from '../e2e/command-helpers';
import { decidedCase as decided, disclosureJobOf, lastEventMessage, PRIVATE_ACCOUNT, PRIVATE_PARTY as PARTY } from '../support/disclosure-cases';
import { maybeRecordHistory } from '../support/record-history';
import { http, startStack, type Stack } from '../support/stack';

// 事后公示 by the disclosure job's handler, called directly (the per-purpose
// queues feed it once wired) on the real Postgres and Temporal: a decision
// published on time and redacted; the same job twice, one publication; a
// revoked decision withdrawn, the record kept and marked; a minor's decision
// withheld with its reason.

describe('the disclosure job', () => {
  let stack: Stack;
  let api: Client;
  let job: DisclosureJob;
  let closeJob: () => Promise<void>;

  beforeAll(async () => {
    // No jobs app: the queue would run the same job beside the test's own calls.
    stack = await startStack();
    api = new Client(stack);
    ({ job, close: closeJob } = disclosureJobOf(stack));
  });
  afterAll(async () => {
    await closeJob?.();
    await stack?.close();
  });

  async function ok(res: Promise<{ status: number; body: unknown }>): Promise<void> {
    const r = await res;
    if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.body)}`);
  }
  const decidedCase = (party: Record<string, unknown>) => decided(api, party);
  const message = (caseId: string, type: string) => lastEventMessage(stack, caseId, type);

  const publicGet = (path: string) => http<Record<string, unknown>>(stack, 'GET', `/api/v1/public${path}`);
  const count = (types: string[], t: string) => types.filter((x) => x === t).length;

  it('publishes a decision on time, redacted, once however often the job runs; a revocation withdraws it and the record stays, marked', async () => {
    const id = await decidedCase(PARTY);
    const decision = await message(id, 'DECISION_MADE');
    expect(decision.payload.disclosure).toBe(true);
    expect(deadline(await api.case('head.sun', id), 'disclosure')).toMatchObject({ state: 'OPEN', basis: expect.objectContaining({ days: 7, kind: 'WORKING' }) });

    // The same job twice (a retry, a relay after a crash): one publication, one event on the case.
    const first = await job.handle(decision, jobIdFor(decision.eventId, 'disclosure'));
    const again = await job.handle(decision, jobIdFor(decision.eventId, 'disclosure'));
    expect(first).toMatchObject({ action: 'PUBLISHED', reported: 'RECORDED' });
    // Within a run Temporal answers a repeated Update id with the first answer; the case's job ids cover the rest.
    expect(again).toMatchObject({ action: 'PUBLISHED', disclosureId: first.action === 'NONE' ? '' : first.disclosureId });
    const [{ n }] = await stack.ds.query('SELECT count(*)::int AS n FROM public_disclosures WHERE case_id = $1', [id]);
    expect(n).toBe(1);
    expect(count(await api.eventTypes(id), 'DISCLOSURE_PUBLISHED')).toBe(1);
    const c = await api.case('head.sun', id);
    expect(deadline(c, 'disclosure')).toMatchObject({ state: 'MET' });
    const [{ d }] = await stack.ds.query(`SELECT state->'deadlines'->'disclosure' AS d FROM cases WHERE id = $1`, [id]);
    expect(d).toMatchObject({ state: 'MET' });
    expect(d.late).toBeUndefined();

    // Anyone reads it, without a token: the decision's words, with no ID number, phone, home address or account.
    const disclosureId = first.action === 'NONE' ? '' : first.disclosureId;
    const list = await publicGet(`/disclosures?agencyId=${DEMO_AGENCY.id}&pageSize=100`);
    expect(list.status).toBe(200);
    expect((list.body.items as { id: string }[]).map((i) => i.id)).toContain(disclosureId);
    const one = await publicGet(`/disclosures/${disclosureId}`);
    expect(one.body).toMatchObject({ status: 'PUBLISHED', partyName: '李建国', documentNumber: `长市监罚〔2026〕DS-${id.slice(0, 6)}号`, amountDue: 3000 });
    const published = JSON.stringify(one.body);
    for (const secret of [PARTY.idNumber, PARTY.phone, '英雄中路', PRIVATE_ACCOUNT]) expect(published).not.toContain(secret);
    expect(published).toContain('以不合格产品冒充合格产品销售');
    expect(one.body.removed).toMatchObject({ ID_NUMBER: 1, PHONE: 2, ADDRESS: 2, BANK_ACCOUNT: 1 });

    // Revoked on reconsideration: the withdrawal is owed within 3 WD, and the job makes it.
    const filed = { kind: 'RECONSIDERATION', at: new Date().toISOString(), body: '长治市人民政府' };
    const challenge = await api.command<{ challengeId: string }>('officer.zhang', id, 'challenges', { ...filed, stage: 'FILED' });
    const challengeId = challenge.body.challengeId;
    await ok(api.command('officer.zhang', id, 'challenges', { ...filed, challengeId, stage: 'DECIDED', result: 'REVOKED' }));
    expect(deadline(await api.case('head.sun', id), 'disclosureWithdrawal')).toMatchObject({ state: 'OPEN', basis: expect.objectContaining({ days: 3, kind: 'WORKING' }) });
    const revoked = await message(id, 'CHALLENGE_RECORDED');
    const withdrawn = await job.handle(revoked, jobIdFor(revoked.eventId, 'disclosure'));
    expect(withdrawn).toMatchObject({ action: 'WITHDRAWN', reported: 'RECORDED', disclosureId });
    expect(await job.handle(revoked, jobIdFor(revoked.eventId, 'disclosure'))).toMatchObject({ action: 'WITHDRAWN', disclosureId });
    expect(count(await api.eventTypes(id), 'DISCLOSURE_WITHDRAWN')).toBe(1);
    expect(deadline(await api.case('head.sun', id), 'disclosureWithdrawal')).toMatchObject({ state: 'MET' });
    const marked = await publicGet(`/disclosures/${disclosureId}`);
    expect(marked.body).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: expect.stringContaining('长治市人民政府行政复议撤销'), withdrawnAt: expect.any(String) });

    // Other events are not the job's.
    expect(await job.handle(await message(id, 'DECISION_SERVED'), 'other')).toEqual({ action: 'NONE' });
    await maybeRecordHistory(stack.api.get(TemporalClientProvider).client, caseWorkflowId(id), 'decision-published-then-withdrawn');
  });

  it('publishes nothing for a minor: the case records the withholding and why; the public sees nothing', async () => {
    const id = await decidedCase({ ...PARTY, name: '王小明', idNumber: '140425200906120030', minor: true });
    const decision = await message(id, 'DECISION_MADE');
    const r = await job.handle(decision, jobIdFor(decision.eventId, 'disclosure'));
    expect(r).toMatchObject({ action: 'WITHHELD', reported: 'RECORDED' });
    const withheld: { payload: Record<string, unknown> }[] = await stack.ds.query("SELECT payload FROM case_events WHERE case_id = $1 AND type = 'DISCLOSURE_WITHHELD'", [id]);
    expect(withheld.map((e) => e.payload)).toEqual([expect.objectContaining({ ground: 'MINOR', reason: expect.objectContaining({ zh: '当事人为未成年人，决定不予公示' }) })]);
    expect(deadline(await api.case('head.sun', id), 'disclosure')).toMatchObject({ state: 'MET' });
    const disclosureId = r.action === 'NONE' ? '' : r.disclosureId;
    expect((await publicGet(`/disclosures/${disclosureId}`)).status).toBe(404);
    const list = await publicGet('/disclosures?pageSize=100');
    expect(JSON.stringify(list.body)).not.toContain('王小明');
    const [row] = await stack.ds.query('SELECT status, sections, party_name, withheld_reason FROM public_disclosures WHERE id = $1', [disclosureId]);
    expect(row).toEqual({ status: 'WITHHELD', sections: null, party_name: null, withheld_reason: '当事人为未成年人，决定不予公示' });
  });

  it('the agency’s 事前公示 and the certificate lookup answer without a token; unknown ones are 404', async () => {
    const agency = await publicGet(`/agencies/${DEMO_AGENCY.id}`);
    expect(agency.status).toBe(200);
    expect(agency.body).toMatchObject({ name: DEMO_AGENCY.name, powers: expect.arrayContaining([expect.objectContaining({ code: 'PRODUCT-FAKE', legalBasis: expect.stringContaining('产品质量法') })]) });
    expect(agency.body.officers).toEqual(expect.arrayContaining([{ name: '张伟', certificates: [expect.objectContaining({ number: '14040120240001', validToday: true })] }]));
    expect((await publicGet('/officers/14040120240001')).body).toMatchObject({ holderName: '张伟', validToday: true, agencyName: DEMO_AGENCY.name, scope: 'ENFORCEMENT:market' });
    expect((await publicGet('/officers/14040120210004')).body).toMatchObject({ validToday: false, validTo: '2025-12-31' });
    expect((await publicGet('/officers/NO-SUCH-CERT')).body).toMatchObject({ status: 404, code: 'CERTIFICATE.NOT_FOUND' });
    expect((await publicGet('/agencies/00000000-0000-4000-8000-000000000000')).body).toMatchObject({ status: 404, code: 'AGENCY.NOT_FOUND' });
    expect((await publicGet('/disclosures?from=yesterday')).status).toBe(400);
  });
});
