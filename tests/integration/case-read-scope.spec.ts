import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { readAccess, readScope, type ActorSnapshot, type CaseState } from '@zhifa/domain';
import { AGENCY_ID, OTHER_AGENCY_ID, people, POLICE_AGENCY_ID, scenario } from '@zhifa/domain/testing/case-fixtures';
import { CaseEventStore, CaseReadRepository, createDataSource, projectCase } from '@zhifa/persistence';
import { TEST_DATABASE_URL } from '../support/test-env';

// The case list's WHERE is the domain's readScope translated to SQL. This
// checks the translation against readAccess itself: for every fixture person
// and a spread of cases (own agency, another agency; filed, with a hearing
// host, transferred), the listed cases are exactly the readable ones.
describe('case list read scope on Postgres', () => {
  let ds: DataSource;
  let cases: CaseReadRepository;
  const token = `scope-${randomUUID()}`;
  // Fresh agencies, so other suites' rows in the same database never match.
  const agencies: Record<string, string> = { [AGENCY_ID]: randomUUID(), [OTHER_AGENCY_ID]: randomUUID(), [POLICE_AGENCY_ID]: randomUUID() };
  const hostUserId = scenario('HEARING_SCHEDULED').state!.hearing!.host!.userId;
  const inAgency = (p: ActorSnapshot): ActorSnapshot => ({ ...p, agencyId: agencies[p.agencyId] });
  // The hearing host as a plain officer, so only the host grant lets them in.
  const plainHost: ActorSnapshot = { ...people.officerC, userId: hostUserId, agencyId: agencies[AGENCY_ID] };
  // A liaison of the unit the forwarded cases went to (R310 7): reads them, as the forwarding unit still does.
  const competentPolice: ActorSnapshot = { ...people.police, userId: 'u-police-luzhou', body: '长治市公安局潞州分局' };
  const actors: ActorSnapshot[] = [...Object.values(people).map(inAgency), plainHost, inAgency(competentPolice)];
  const forwarded = (): CaseState => {
    const r = scenario('TRANSFERRED');
    r.exec({ type: 'FORWARD_TRANSFER', policeAgency: '长治市公安局潞州分局', at: r.now, reason: '违法行为发生地在潞州区' }, people.police);
    return r.s;
  };
  const states: CaseState[] = [];

  beforeAll(async () => {
    ds = createDataSource(TEST_DATABASE_URL, { logQueries: false });
    await ds.initialize();
    cases = new CaseReadRepository(ds);
    const store = new CaseEventStore(ds);
    for (const name of ['LEAD_REGISTERED', 'FILED', 'HEARING_SCHEDULED', 'TRANSFERRED', 'FORWARDED'] as const) {
      for (const agencyId of [agencies[AGENCY_ID], agencies[OTHER_AGENCY_ID]]) {
        const caseId = randomUUID();
        const base = name === 'FORWARDED' ? forwarded() : scenario(name).state!;
        const state: CaseState = { ...base, caseId, caseNumber: `RS-${caseId}`, agencyId, summary: `${token} ${name}` };
        states.push(state);
        await store.append({
          workflowId: `case-${caseId}`,
          caseId,
          outboxTopics: [],
          events: [{ seq: 1, type: 'LEAD_REGISTERED', actor: { system: true, name: 'test' }, occurredAt: state.registeredAt, payload: {} }],
          projection: projectCase(state, 'p1'),
        });
      }
    }
  });
  afterAll(() => ds.destroy());

  it('lists for every person exactly the cases readAccess lets them read', async () => {
    for (const actor of actors) {
      const { rows, total } = await cases.list(readScope(actor), { text: token, page: 1, pageSize: 100 });
      const listed = rows.map((r) => r.id).sort();
      const readable = states.filter((s) => readAccess(s, actor).ok).map((s) => s.caseId).sort();
      expect({ who: actor.userId, listed }).toEqual({ who: actor.userId, listed: readable });
      expect(total).toBe(readable.length);
    }
  });

  it('covers each grant: an overseer, an assigned officer, a hearing host and a liaison across agencies', () => {
    const readableBy = (who: ActorSnapshot) =>
      states.filter((s) => readAccess(s, who).ok).map((s) => `${s.status}@${s.agencyId === agencies[AGENCY_ID] ? 'own' : 'other'}`);
    expect(readableBy(inAgency(people.head))).toHaveLength(5);
    expect(readableBy(inAgency(people.officerC))).toEqual([]);
    expect(readableBy(inAgency(people.officerA)).length).toBeGreaterThan(0);
    expect(readableBy(plainHost)).toEqual(['HEARING_SCHEDULED@own']);
    expect(readableBy(inAgency(people.police))).toEqual(['TRANSFERRED@own', 'TRANSFERRED@other', 'TRANSFERRED@own', 'TRANSFERRED@other']);
    // The forwarded-to unit reads only the forwarded cases; a police body never addressed reads none.
    expect(readableBy(inAgency(competentPolice))).toEqual(['TRANSFERRED@own', 'TRANSFERRED@other']);
    expect(readableBy(inAgency(people.otherPolice))).toEqual([]);
  });
});
