import { AdminEventRepository } from '@zhifa/persistence';
import type { JurisdictionPolicy } from '@zhifa/domain';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { startStack, Stack } from '../support/stack';
import { Client, type CaseBody } from './command-helpers';

// Policy versions over HTTP: an administrator publishes a version judged as a
// whole, never over an existing one; the version in force is the newest whose
// effective date has come. A case registered before keeps the version it
// pinned, deadlines and all; a case registered after takes the new one.
describe('policy versions over HTTP', () => {
  let stack: Stack;
  let api: Client;
  const NEXT = 'changzhi-market-2026.4-e2e';
  const LATER = 'changzhi-market-2027.1-e2e';

  beforeAll(async () => {
    // Its own database: a published version becomes every later case's policy, and the other suites pin the demo's.
    stack = await startStack({ isolated: true });
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  /** The demo policy with stricter local limits: filing decided in 10 working days (not 15), the decision in 60 days (not 90; APL 60 yields to a rule). */
  const next = (version = NEXT): JurisdictionPolicy => ({
    ...DEMO_POLICY,
    version,
    deadlines: {
      ...DEMO_POLICY.deadlines,
      filingDecision: { ...DEMO_POLICY.deadlines.filingDecision, days: 10, source: 'MSA 18; local rule: 10 WD' },
      decision: { ...DEMO_POLICY.deadlines.decision, days: 60, source: 'APL 60; local rule: 60 days' },
    },
  });
  const CHANGED = ['deadlines.decision.days', 'deadlines.decision.source', 'deadlines.filingDecision.days', 'deadlines.filingDecision.source', 'version'];
  const publish = (body: { policy: JurisdictionPolicy; effectiveFrom?: string; reason?: string }, username = 'admin', headers: Record<string, string> = {}) =>
    api.as(username).POST('/api/v1/admin/policies', { body: body as never, headers });
  const register = () => api.register({ discoveredAt: '2026-11-20T02:00:00Z' });
  const deadline = (c: CaseBody, kind: string) => c.deadlines.find((d) => d.kind === kind);
  const filing = (c: CaseBody) => deadline(c, 'filingDecision');
  const file = async (id: string) => {
    const res = await api.command('head.sun', id, 'filing', { approve: true, reason: 'facts verified', officerIds: [api.id('officer.zhang'), api.id('officer.li')] });
    expect(res.status).toBe(200);
    return api.case('officer.zhang', id);
  };
  const policyLog = async () => (await new AdminEventRepository(stack.ds).list({ agencyId: null, page: 1, pageSize: 100 })).items.filter((e) => e.action === 'POLICY_PUBLISHED');

  it('only an administrator publishes or lists versions', async () => {
    const refused = await publish({ policy: next() }, 'officer.zhang');
    expect(refused.response.status).toBe(403);
    expect(refused.error?.code).toBe('POLICY.ADMIN_ONLY');
    expect((await api.as('head.sun').GET('/api/v1/admin/policies')).response.status).toBe(403);
  });

  it('refuses a draft naming each bad field by its path, and publishes nothing', async () => {
    const bad = next();
    const food = bad.discretion![0];
    const draft = {
      ...bad,
      deadlines: { ...bad.deadlines, decision: { days: -1, kind: 'CALENDAR', source: '' } },
      discretion: [{ ...food, bands: [{ ...food.bands[0], levels: { ...food.bands[0].levels, GENERAL: { min: 85000, max: 65000 } } }, food.bands[1]] }, ...bad.discretion!.slice(1)],
      criminalThresholds: [{ ...bad.criminalThresholds![0], violationCode: 'NO-SUCH-CODE' }, ...bad.criminalThresholds!.slice(1)],
      violations: bad.violations.map((v, i) => (i === 2 ? { ...v, legalBasis: undefined } : v)),
      jurisdiction: '晋城市市场监督管理局',
    } as unknown as JurisdictionPolicy;
    const { error, response } = await api.as('admin').POST('/api/v1/admin/policies', { body: { policy: draft, effectiveFrom: '2026-01-01T00:00:00+08:00' } as never, headers: { 'accept-language': 'en' } });
    expect(response.status).toBe(400);
    expect(error?.code).toBe('VALIDATION.FAILED');
    expect(error?.errors?.map((e) => e.field)).toEqual([
      'policy.deadlines.decision.days',
      'policy.deadlines.decision.source',
      'policy.violations[2].legalBasis',
      'policy.discretion[0].bands[0].levels.GENERAL',
      'policy.criminalThresholds[0].violationCode',
      'policy.jurisdiction',
      'effectiveFrom',
    ]);
    expect(error?.errors?.[3].message).toBe('is inverted: min 85000 is above max 65000');
    const list = await api.as('admin').GET('/api/v1/admin/policies');
    expect(list.data?.items.map((v) => v.version)).toEqual([DEMO_POLICY.version]);
    expect(await policyLog()).toEqual([]);
  });

  it('never edits a published version: the same id again is 409', async () => {
    const { error, response } = await publish({ policy: { ...DEMO_POLICY, simpleProcedure: { ...DEMO_POLICY.simpleProcedure, source: 'changed' } } });
    expect(response.status).toBe(409);
    expect(error).toMatchObject({ code: 'POLICY.VERSION_EXISTS', state: 'PUBLISHED', allowedActions: [] });
    expect(await policyLog()).toEqual([]);
  });

  it('a running case keeps its version and deadlines; a case registered after publishing takes the new one', async () => {
    const before = await register();
    expect(before.policyVersion).toBe(DEMO_POLICY.version);
    expect(filing(before)).toMatchObject({ basis: { days: 15, dueDate: '2026-12-11' } });

    const published = await publish({ policy: next(), reason: 'e2e: filing decided within 10 working days' });
    expect(published.response.status).toBe(201);
    expect(published.data).toMatchObject({ version: NEXT, publishedBy: '系统管理员', inForce: true, pending: false, previous: DEMO_POLICY.version });

    const after = await register();
    expect(after.policyVersion).toBe(NEXT);
    expect(filing(after)).toMatchObject({ basis: { days: 10, source: 'MSA 18; local rule: 10 WD', dueDate: '2026-12-04' } });
    const again = await api.case('officer.zhang', before.id);
    expect(again.policyVersion).toBe(DEMO_POLICY.version);
    expect(filing(again)).toEqual(filing(before));
    const current = await api.as('officer.zhang').GET('/api/v1/policies/current');
    expect(current.data?.version).toBe(NEXT);
    // Deadlines set after the publication still come from each case's own version: filed now, 90 days against 60.
    expect(deadline(await file(before.id), 'decision')).toMatchObject({ basis: { days: 90, source: 'APL 60; MSA 63' } });
    expect(deadline(await file(after.id), 'decision')).toMatchObject({ basis: { days: 60, source: 'APL 60; local rule: 60 days' } });

    const [logged] = await policyLog();
    expect(logged).toMatchObject({
      agencyId: DEMO_AGENCY.id,
      actorId: api.id('admin'),
      subjectType: 'POLICY',
      subjectId: NEXT,
      before: DEMO_POLICY.version,
      after: { version: NEXT, changedAgainstInForce: { version: DEMO_POLICY.version, paths: CHANGED } },
      reason: 'e2e: filing decided within 10 working days',
    });
  });

  it('a version with an effective date ahead waits: listed as pending, and new cases keep pinning the one in force', async () => {
    const effectiveFrom = new Date(Date.now() + 24 * 3600_000).toISOString();
    const later = next(LATER);
    const body = { policy: { ...later, hearing: { ...later.hearing, source: 'APL 63; 2027 threshold' } }, effectiveFrom };
    const key = { 'idempotency-key': 'e2e-policy-2027-1' };
    const published = await publish(body, 'admin', key);
    expect(published.response.status).toBe(201);
    expect(published.data).toMatchObject({ version: LATER, inForce: false, pending: true, effectiveFrom, previous: NEXT });
    // A retry with the same key replays the first answer (not a 409) and records nothing more.
    const logged = (await policyLog()).length;
    const retried = await publish(body, 'admin', key);
    expect(retried.response.status).toBe(201);
    expect(retried.response.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.data).toEqual(published.data);
    expect(await policyLog()).toHaveLength(logged);
    expect((await register()).policyVersion).toBe(NEXT);

    const { data } = await api.as('admin').GET('/api/v1/admin/policies');
    expect(data?.items.map((v) => [v.version, v.inForce, v.pending])).toEqual([
      [LATER, false, true],
      [NEXT, true, false],
      [DEMO_POLICY.version, false, false],
    ]);
    expect(data?.items[1]).toMatchObject({ publishedBy: '系统管理员', jurisdiction: DEMO_POLICY.jurisdiction });
  });

  it('diffs a version against the one before it, or against any other', async () => {
    const byDefault = await api.as('admin').GET('/api/v1/admin/policies/{version}/diff', { params: { path: { version: NEXT } } });
    expect(byDefault.response.status).toBe(200);
    expect(byDefault.data).toEqual({
      version: NEXT,
      against: DEMO_POLICY.version,
      changes: [
        { path: 'deadlines.decision.days', kind: 'changed', before: 90, after: 60 },
        { path: 'deadlines.decision.source', kind: 'changed', before: 'APL 60; MSA 63', after: 'APL 60; local rule: 60 days' },
        { path: 'deadlines.filingDecision.days', kind: 'changed', before: 15, after: 10 },
        { path: 'deadlines.filingDecision.source', kind: 'changed', before: 'MSA 18', after: 'MSA 18; local rule: 10 WD' },
        { path: 'version', kind: 'changed', before: DEMO_POLICY.version, after: NEXT },
      ],
    });
    const across = await api.as('admin').GET('/api/v1/admin/policies/{version}/diff', { params: { path: { version: LATER }, query: { against: DEMO_POLICY.version } } });
    expect(across.data?.changes.map((c) => c.path)).toEqual([...CHANGED.slice(0, 4), 'hearing.source', 'version']);
    const first = await api.as('admin').GET('/api/v1/admin/policies/{version}/diff', { params: { path: { version: DEMO_POLICY.version } } });
    // The first version: every section added.
    expect(first.data?.against).toBeNull();
    expect(first.data?.changes.every((c) => c.kind === 'added' && !c.path.includes('.'))).toBe(true);
    expect(first.data?.changes).toContainEqual({ path: 'version', kind: 'added', after: DEMO_POLICY.version });
    const missing = await api.as('admin').GET('/api/v1/admin/policies/{version}/diff', { params: { path: { version: NEXT }, query: { against: 'nope' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.code).toBe('POLICY.NOT_FOUND');
  });
});
