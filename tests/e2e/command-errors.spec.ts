import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_ACTIONS, COMMAND_RULES, type CommandType } from '@zhifa/domain';
import { http, startStack, Stack } from '../support/stack';
import { ago, Client } from './command-helpers';

// Commands that must be refused, with the problem+json a client can act on,
// and never a recorded event. Every request here goes through api.refused(),
// which checks the case's case_events count is unchanged.
describe('refused commands', () => {
  let stack: Stack;
  let api: Client;
  let lead: string; // LEAD_REGISTERED, ordinary, officers zhang + li
  let filed: string; // FILED, ordinary, officers zhang + li

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
    lead = (await api.register()).id;
    filed = await api.filedCase();
  });
  afterAll(() => stack?.close());

  const filing = (officers: string[], extra: Record<string, unknown> = {}) => ({
    approve: true,
    reason: 'facts verified',
    officerIds: officers.map((u) => api.id(u)),
    ...extra,
  });
  const fields = (errors: { field: string }[] | undefined) => (errors ?? []).map((e) => e.field);

  describe('400: missing and malformed fields, named one by one', () => {
    it('filing with wrong types, a missing reason and an unknown field', async () => {
      const res = await api.refused(lead, () => api.command('head.sun', lead, 'filing', { approve: 'yes', officerIds: ['nope'], extra: 1 }));
      expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
      expect(fields(res.body.errors)).toEqual(expect.arrayContaining(['approve', 'reason', 'officerIds', 'extra']));
    });

    it('nested fields of a penalty are named with their path', async () => {
      const res = await api.refused(filed, () =>
        api.command('head.sun', filed, 'decision', { outcome: 'PENALTY', penalty: { kinds: ['FINEST'], fineAmount: -1, colour: 'red' }, documentNumber: '', text: 'x' }),
      );
      expect(res.status).toBe(400);
      expect(fields(res.body.errors)).toEqual(expect.arrayContaining(['penalty.kinds', 'penalty.fineAmount', 'penalty.colour', 'documentNumber']));
    });

    it('a field of the other action, and the fields this action needs', async () => {
      const res = await api.refused(filed, () => api.command('officer.zhang', filed, 'hearing', { action: 'RECORD', hearingAt: ago(1), record: 'x' }));
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([{ field: 'hearingAt', message: 'hearingAt is only given with action SCHEDULE' }]));
      expect(fields(res.body.errors)).toEqual(expect.arrayContaining(['heldAt', 'report']));
      expect(fields(res.body.errors)).not.toContain('record');

      const unknown = await api.refused(filed, () => api.command('head.sun', filed, 'suspension', { action: 'PAUSE', reason: 'x' }));
      expect(fields(unknown.body.errors)).toEqual(['action']);
    });

    it('instants must carry their zone; amounts at most two decimals', async () => {
      const res = await api.refused(filed, () =>
        api.command('officer.zhang', filed, 'service', { method: 'DIRECT', servedAt: '2026-11-23T10:00:00', recipient: '王某', proof: 'x' }),
      );
      expect(fields(res.body.errors)).toEqual(['servedAt']);
      const pay = await api.refused(filed, () => api.command('officer.zhang', filed, 'payments', { amount: 1.005, paidAt: ago(1), receipt: 'x', collector: { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' } }));
      expect(fields(pay.body.errors)).toEqual(['amount']);
    });

    it('people are named by existing user ids', async () => {
      const ghost = randomUUID();
      const officers = await api.refused(lead, () =>
        api.command('head.sun', lead, 'filing', { approve: true, reason: 'x', officerIds: [api.id('officer.zhang'), ghost] }),
      );
      expect(officers.body.errors).toEqual([{ field: 'officerIds[1]', message: `no active user with id ${ghost}` }]);
      const host = await api.refused(filed, () =>
        api.command('officer.zhang', filed, 'hearing', { action: 'SCHEDULE', hearingAt: ago(-30 * 86400), hostId: ghost, location: 'x', isPublic: true }),
      );
      expect(host.body.errors).toEqual([{ field: 'hostId', message: `no active user with id ${ghost}` }]);
    });

    it('the domain names what only it can judge: approving needs the violation date (limitation, APL 36)', async () => {
      const { id } = await api.register({ violationAt: undefined });
      const res = await api.refused(id, () => api.command('head.sun', id, 'filing', filing(['officer.zhang', 'officer.li'])));
      expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
      expect(fields(res.body.errors)).toEqual(['violationAt']);
    });

    it('archive takes no fields, and a body must be JSON', async () => {
      const res = await api.refused(filed, () => api.command('officer.zhang', filed, 'archive', { force: true }));
      expect(fields(res.body.errors)).toEqual(['force']);
      const broken = await api.refused(filed, async () =>
        http(stack, 'POST', `/api/v1/cases/${filed}/closure`, { token: await api.token('head.sun'), body: '{"summary":', headers: { 'content-type': 'application/json' } }),
      );
      expect(broken.status).toBe(400);
    });
  });

  describe('401, 403 and 404', () => {
    it('401 without a token', async () => {
      const res = await api.refused(filed, () => http(stack, 'POST', `/api/v1/cases/${filed}/closure`, { body: { summary: 'x' } }));
      expect(res.body).toMatchObject({ status: 401, code: 'AUTH.TOKEN_MISSING' });
    });

    it('404 for an unknown case, whatever the id looks like', async () => {
      for (const id of [randomUUID(), 'not-a-case']) {
        const res = await api.refused(id, () => api.command('head.sun', id, 'closure', { summary: 'x' }));
        expect(res.body).toMatchObject({ status: 404, code: 'CASE.NOT_FOUND' });
      }
    });

    it('403 naming the role the command needs', async () => {
      const res = await api.refused(lead, () => api.command('officer.zhang', lead, 'filing', filing(['officer.zhang', 'officer.li'])));
      expect(res.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
      expect(res.body.detail).toContain('AGENCY_HEAD');
      const head = await api.refused(filed, () =>
        api.command('head.sun', filed, 'investigation-report', { findings: 'x', proposedOutcome: 'DISMISS', legalBasis: 'x', circumstanceLevel: 'GENERAL' }),
      );
      expect(head.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
      expect(head.body.detail).toContain('OFFICER');
    });

    it('a Chinese reader gets the Chinese title of the code; the code stays the same', async () => {
      const zh = await api.refused(lead, () =>
        api.command('officer.zhang', lead, 'filing', filing(['officer.zhang', 'officer.li']), { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' }),
      );
      expect(zh.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED', title: '当前角色无权办理此事项' });
      expect(zh.headers.get('content-language')).toBe('zh-CN');
      const en = await api.refused(lead, () => api.command('officer.zhang', lead, 'filing', filing(['officer.zhang', 'officer.li']), { 'Accept-Language': 'en' }));
      expect(en.body).toMatchObject({ code: 'AUTH.ROLE_NOT_ALLOWED', title: 'Forbidden' });
    });

    it('403 for auxiliary staff deciding or approving', async () => {
      const decide = await api.refused(filed, () =>
        api.command('aux.chen', filed, 'decision', { outcome: 'PENALTY', penalty: { kinds: ['WARNING'] }, documentNumber: 'x', text: 'x' }),
      );
      // The domain judges roles (no guard answers first): auxiliary staff hear why, not only which role.
      expect(decide.body).toMatchObject({ status: 403, code: 'CASE.AUXILIARY_CANNOT_DECIDE' });
      const approve = await api.refused(lead, () => api.command('aux.chen', lead, 'filing', filing(['officer.zhang', 'officer.li'])));
      expect(approve.body).toMatchObject({ status: 403, code: 'CASE.AUXILIARY_CANNOT_DECIDE' });
      const simple = await api.refused(lead, () =>
        api.command('aux.chen', lead, 'simple-decision', {
          facts: 'x',
          legalBasis: 'x',
          penalty: { kinds: ['WARNING'] },
          documentNumber: 'x',
          text: 'x',
          service: { method: 'DIRECT', servedAt: ago(1), recipient: 'x', proof: 'x' },
        }),
      );
      expect(simple.body).toMatchObject({ status: 403, code: 'CASE.AUXILIARY_CANNOT_DECIDE' });
    });

    it('403 for an officer who is not on the case', async () => {
      const res = await api.refused(filed, () =>
        api.command('officer.wang', filed, 'investigation-report', { findings: 'x', proposedOutcome: 'DISMISS', legalBasis: 'x', circumstanceLevel: 'GENERAL' }),
      );
      expect(res.body).toMatchObject({ status: 403, code: 'CASE.NOT_ASSIGNED' });
    });
  });

  describe('422: legal rules on the content', () => {
    it('filing with one officer instead of two (APL 42)', async () => {
      const res = await api.refused(lead, () => api.command('head.sun', lead, 'filing', filing(['officer.zhang'])));
      expect(res.body).toMatchObject({ status: 422, code: 'CASE.TWO_OFFICERS_REQUIRED' });
      // The same person twice is still one officer.
      const twice = await api.refused(lead, () => api.command('head.sun', lead, 'filing', filing(['officer.zhang', 'officer.zhang'])));
      expect(twice.body.code).toBe('CASE.TWO_OFFICERS_REQUIRED');
    });

    it('an officer whose certificate expired acts for nothing', async () => {
      const res = await api.refused(lead, () => api.command('head.sun', lead, 'filing', filing(['officer.zhang', 'officer.expired'])));
      expect(res.body).toMatchObject({ status: 422, code: 'CASE.OFFICER_CERTIFICATE_INVALID' });
      expect(res.body.errors).toEqual([{ field: 'officerIds[1]', message: expect.stringContaining('expired on 2025-12-31') }]);
    });

    it('auxiliary staff never act as officers', async () => {
      const res = await api.refused(lead, () => api.command('head.sun', lead, 'filing', filing(['officer.zhang', 'aux.chen'])));
      expect(res.body).toMatchObject({ status: 422, code: 'CASE.NOT_AN_OFFICER' });
    });

    it('a penalty needs recorded evidence first (APL 40)', async () => {
      const res = await api.refused(filed, () =>
        api.command('officer.zhang', filed, 'investigation-report', {
          findings: 'x',
          proposedOutcome: 'PENALTY',
          proposedPenalty: { kinds: ['FINE'], fineAmount: 500 },
          legalBasis: 'x',
          circumstanceLevel: 'GENERAL',
        }),
      );
      expect(res.body).toMatchObject({ status: 422, code: 'CASE.EVIDENCE_REQUIRED' });
    });
  });

  describe('409: not in this state', () => {
    it('names the state and what the caller may do instead', async () => {
      const decide = await api.refused(lead, () =>
        api.command('head.sun', lead, 'decision', { outcome: 'PENALTY', penalty: { kinds: ['WARNING'] }, documentNumber: 'x', text: 'x' }),
      );
      expect(decide.body).toMatchObject({ status: 409, code: 'CASE.TRANSITION_NOT_ALLOWED', state: 'LEAD_REGISTERED' });
      expect(decide.body.allowedActions).toEqual(expect.arrayContaining(['filing', 'extension', 'recusal']));
      expect(decide.body.allowedActions).not.toContain('decision');

      const pay = await api.refused(filed, () => api.command('officer.zhang', filed, 'payments', { amount: 100, paidAt: ago(1), receipt: 'x', collector: { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' } }));
      expect(pay.body).toMatchObject({ status: 409, code: 'CASE.TRANSITION_NOT_ALLOWED', state: 'FILED' });
      expect(pay.body.allowedActions).toEqual(expect.arrayContaining(['evidence', 'investigation-report', 'criminal-transfer']));

      const again = await api.refused(filed, () => api.command('head.sun', filed, 'filing', filing(['officer.zhang', 'officer.li'])));
      expect(again.body).toMatchObject({ status: 409, state: 'FILED' });
    });
  });

  it('every operation of the served OpenAPI document says what it does', async () => {
    const doc = await http<{ paths: Record<string, Record<string, { summary?: string }>> }>(stack, 'GET', '/api/docs-json');
    const operations = Object.entries(doc.body.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ op: `${method.toUpperCase()} ${path}`, summary: op.summary })));
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.filter((o) => !o.summary?.trim()).map((o) => o.op)).toEqual([]);
  });

  it('serves the committed OpenAPI document (apps/case-api/openapi.json; `npm run openapi` regenerates it)', async () => {
    const served = await http(stack, 'GET', '/api/docs-json');
    const committed = JSON.parse(readFileSync(join(__dirname, '../../apps/case-api/openapi.json'), 'utf8')) as unknown;
    if (JSON.stringify(served.body) !== JSON.stringify(committed)) {
      throw new Error('The served document differs from apps/case-api/openapi.json: run `npm run openapi` and commit the result.');
    }
  });

  it('every operation of the served document declares a success body and at least one problem+json answer', async () => {
    type Responses = Record<string, { content?: Record<string, unknown> }>;
    const doc = await http<{ paths: Record<string, Record<string, { responses: Responses }>> }>(stack, 'GET', '/api/docs-json');
    const missing = Object.entries(doc.body.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) => {
        const statuses = Object.entries(op.responses);
        const success = statuses.some(([s, r]) => /^2\d\d$/.test(s) && r.content && Object.keys(r.content).length > 0);
        const problem = statuses.some(([s, r]) => /^[45]\d\d$/.test(s) && r.content?.['application/problem+json']);
        return [...(success ? [] : [`${method.toUpperCase()} ${path}: success`]), ...(problem ? [] : [`${method.toUpperCase()} ${path}: problem`])];
      }),
    );
    expect(missing).toEqual([]);
  });

  it("a refusal's problem type resolves, against the response's URL, to the description of its code", async () => {
    const res = await api.as('officer.zhang').POST('/api/v1/cases/{id}/filing', {
      params: { path: { id: lead } },
      body: { approve: true, reason: 'facts verified', officerIds: [api.id('officer.zhang'), api.id('officer.li')] },
    });
    expect(res.response.status).toBe(403);
    expect(res.error).toMatchObject({ code: 'AUTH.ROLE_NOT_ALLOWED', type: '/api/v1/problems/AUTH.ROLE_NOT_ALLOWED' });
    const page = await fetch(new URL(res.error!.type, res.response.url));
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ code: 'AUTH.ROLE_NOT_ALLOWED', status: 403, type: res.error!.type });
    // A code the API never answers with has no page, and says so as a problem too.
    const unknown = await api.as('officer.zhang').GET('/api/v1/problems/{code}', { params: { path: { code: 'NO.SUCH_CODE' } } });
    expect(unknown.response.status).toBe(404);
    expect(unknown.error?.code).toBe('PROBLEM.UNKNOWN_CODE');
    // Every code in the catalog resolves (the domain's and the edge's).
    const list = await api.as('officer.zhang').GET('/api/v1/problems');
    expect(list.data?.items.map((p) => p.code)).toEqual(expect.arrayContaining(['CASE.TWO_OFFICERS_REQUIRED', 'VALIDATION.FAILED', 'AUTH.TOKEN_MISSING']));
  });

  it('every command path of the contract is in the OpenAPI document', async () => {
    const doc = await http<{ paths: Record<string, { post?: { tags?: string[] } }> }>(stack, 'GET', '/api/docs-json');
    const actions = [
      'filing', 'evidence/{evidenceId}/custody', 'evidence/{evidenceId}/confirmation', 'auxiliary', 'investigation-report', 'preservations', 'preservations/approval', 'preservations/decision', 'seizures', 'seizures/extension', 'seizures/testing', 'seizures/end', 'examination', 'examination/result', 'case-review', 'notice-approval', 'investigation-reopening', 'notice',
      'defence', 'hearing-request', 'hearing-waiver', 'hearing', 'hearing-end', 'major-case', 'legal-review-request', 'legal-review', 'legal-review-assignment',
      'collective-discussion', 'decision', 'service', 'payments', 'challenges', 'extension',
      'suspension', 'recusal', 'closure', 'archive', 'simple-decision', 'simple-report', 'simple-conversion', 'simple-no-penalty', 'simple-dismissal', 'criminal-transfer',
      'criminal-transfer/approval', 'criminal-transfer/dispatch', 'criminal-transfer/police-decision',
      'criminal-transfer/reconsideration', 'criminal-transfer/supervision', 'criminal-transfer/return',
      'criminal-transfer/forward', 'criminal-transfer/material-request', 'criminal-transfer/material-supply', 'criminal-transfer/handover', 'criminal-transfer/police-return',
      'criminal-transfer/intake-review', 'criminal-transfer/explanation-request', 'criminal-transfer/explanation',
    ];
    for (const action of actions) {
      expect({ action, tags: doc.body.paths[`/api/v1/cases/{id}/${action}`]?.post?.tags }).toEqual({ action, tags: ['case commands'] });
    }
    // The served document states who may issue each command, as COMMAND_RULES says.
    const own: Record<string, string> = { 'evidence-custody': 'evidence/{evidenceId}/custody', 'evidence-confirmation': 'evidence/{evidenceId}/confirmation' };
    const route = (action: string) => (action === 'register' ? '/api/v1/cases' : `/api/v1/cases/{id}/${own[action] ?? action}`);
    for (const [type, action] of Object.entries(COMMAND_ACTIONS)) {
      if (!action) continue;
      const post = doc.body.paths[route(action)]?.post as { 'x-zhifa-roles'?: string[]; 'x-zhifa-commands'?: string[] } | undefined;
      const roles = COMMAND_RULES[type as CommandType].roles;
      expect({ type, commands: post?.['x-zhifa-commands'] }).toEqual({ type, commands: expect.arrayContaining([type]) });
      expect({ type, roles: post?.['x-zhifa-roles'] }).toEqual({ type, roles: expect.arrayContaining(roles === 'SYSTEM' ? [] : [...roles]) });
    }
  });

  describe('Idempotency-Key on a command', () => {
    it('a repeat replays the first answer and records nothing new; another body with the key is 422', async () => {
      const { id } = await api.register();
      const key = `filing-${randomUUID()}`;
      const body = filing(['officer.zhang', 'officer.li']);
      const first = await api.command('head.sun', id, 'filing', body, { 'idempotency-key': key });
      expect(first.status).toBe(200);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(await api.eventCount(id)).toBe(2);

      const second = await api.command('head.sun', id, 'filing', body, { 'idempotency-key': key });
      expect(second.status).toBe(200);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(await api.eventCount(id)).toBe(2);

      const other = await api.refused(id, () => api.command('head.sun', id, 'filing', { ...body, reason: 'other' }, { 'idempotency-key': key }));
      expect(other.body).toMatchObject({ status: 422, code: 'IDEMPOTENCY.KEY_REUSED' });
    });

    it('a refused attempt does not use up its key: the corrected request goes through', async () => {
      const { id } = await api.register();
      const key = `filing-${randomUUID()}`;
      const wrong = await api.refused(id, () => api.command('head.sun', id, 'filing', filing(['officer.zhang']), { 'idempotency-key': key }));
      expect(wrong.body.code).toBe('CASE.TWO_OFFICERS_REQUIRED');
      const right = await api.command('head.sun', id, 'filing', filing(['officer.zhang', 'officer.li']), { 'idempotency-key': key });
      expect(right.status).toBe(200);
      expect(right.body.recorded).toEqual([{ seq: 2, type: 'FILING_APPROVED' }]);
    });

    it('a malformed key is refused', async () => {
      const res = await api.refused(filed, () => api.command('head.sun', filed, 'suspension', { action: 'SUSPEND', reason: 'x' }, { 'idempotency-key': 'short' }));
      expect(res.body).toMatchObject({ status: 400, code: 'IDEMPOTENCY.KEY_INVALID' });
    });
  });
});
