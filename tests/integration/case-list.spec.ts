import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { readScope, type ActorSnapshot, type CaseState, type Role } from '@zhifa/domain';
import { CaseReadRepository, createDataSource, type CaseListFilter } from '@zhifa/persistence';
import { BACKFILL_ASSIGNED_USER_IDS, BACKFILL_OFFICER_IDS, BACKFILL_SEARCH_TEXT } from '@zhifa/persistence/migrations/1765700000000-case-list-columns';
import { DEMO_USERS } from '../../infra/seed/demo-people';
import { seedVolume } from '../../infra/seed/volume';
import { TEST_DATABASE_URL } from '../support/test-env';

// The case list's filters, order, paging and total on Postgres, against the
// same list worked out in JavaScript from the cases' states: the page's ids
// come from the covering index, the rows after them, the total from count(*),
// the assigned reader from assigned_user_ids and the text from search_text.
describe('the case list on Postgres: filters, order, pages and totals', () => {
  let ds: DataSource;
  let repo: CaseReadRepository;
  const agencyId = randomUUID();
  let states: CaseState[] = [];
  const user = (name: string) => DEMO_USERS.find((u) => u.username === name)!;
  const actor = (name: string): ActorSnapshot => ({ userId: user(name).id, name: user(name).name, agencyId, roles: [...user(name).roles] as Role[], certificates: [] });

  beforeAll(async () => {
    ds = createDataSource(TEST_DATABASE_URL, { logQueries: false });
    await ds.initialize();
    repo = new CaseReadRepository(ds);
    // Cases of a fresh agency (other suites' rows never match), registered over 60 days.
    await seedVolume(ds, { cases: 90, agencyId, spreadDays: 60, numberPrefix: `L${agencyId.slice(0, 8)}`, seed: 7 });
    const rows = await ds.query<{ state: CaseState }[]>('SELECT state FROM cases WHERE agency_id = $1', [agencyId]);
    states = rows.map((r) => r.state);
  });
  afterAll(() => ds.destroy());

  /** The list as the repository should answer it, from the states. */
  function expected(reader: ActorSnapshot, f: Omit<CaseListFilter, 'page' | 'pageSize'>): string[] {
    const text = f.text?.toLowerCase();
    return states
      .filter((s) => reader.roles.includes('AGENCY_HEAD') || s.officers.some((o) => o.userId === reader.userId) || (s.auxiliaries ?? []).some((a) => a.userId === reader.userId) || s.hearing?.host?.userId === reader.userId)
      .filter((s) => !f.status || s.status === f.status)
      .filter((s) => f.overdue === undefined || s.flags.includes('OVERDUE') === f.overdue)
      .filter((s) => !f.officerId || s.officers.some((o) => o.userId === f.officerId))
      .filter((s) => !f.from || Date.parse(s.registeredAt) >= Date.parse(f.from))
      .filter((s) => !f.to || Date.parse(s.registeredAt) < Date.parse(f.to))
      .filter((s) => !text || [s.caseNumber, s.party.name, s.summary].some((x) => x.toLowerCase().includes(text)))
      .sort((a, b) => Date.parse(b.registeredAt) - Date.parse(a.registeredAt) || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0))
      .map((s) => s.caseId);
  }

  async function listed(reader: ActorSnapshot, f: Omit<CaseListFilter, 'page' | 'pageSize'>, pageSize: number): Promise<{ ids: string[]; totals: number[] }> {
    const ids: string[] = [];
    const totals: number[] = [];
    for (let page = 1; ; page++) {
      const { rows, total } = await repo.list(readScope(reader), { ...f, page, pageSize });
      totals.push(total);
      ids.push(...rows.map((r) => r.id));
      if (rows.length < pageSize) return { ids, totals };
    }
  }

  const middle = () => [...states].map((s) => s.registeredAt).sort()[Math.floor(states.length / 2)];
  const statusOfMost = () => {
    const n = new Map<string, number>();
    for (const s of states) n.set(s.status, (n.get(s.status) ?? 0) + 1);
    return [...n.entries()].sort((a, b) => b[1] - a[1])[0][0];
  };
  const filters: [string, () => Omit<CaseListFilter, 'page' | 'pageSize'>][] = [
    ['no filter', () => ({})],
    ['the most common status', () => ({ status: statusOfMost() })],
    ['overdue', () => ({ overdue: true })],
    ['not overdue', () => ({ overdue: false })],
    ['one officer', () => ({ officerId: user('officer.li').id })],
    ['registered from the middle on', () => ({ from: middle() })],
    ['registered before the middle', () => ({ to: middle() })],
    ['text in the summary, in capitals', () => ({ text: states[0].summary.slice(2, 12).toUpperCase() })],
    ['text of a case number', () => ({ text: states[3].caseNumber })],
    ['text of a party name', () => ({ text: states[5].party.name.slice(0, 1) })],
    ['text that matches nothing', () => ({ text: `无此${randomUUID()}` })],
    ['text with LIKE wildcards, taken literally', () => ({ text: '%_' })],
    ['status and a period', () => ({ status: statusOfMost(), from: middle() })],
  ];

  it.each(filters)('head: %s — every page in order, the total on each', async (_name, f) => {
    const want = expected(actor('head.sun'), f());
    const got = await listed(actor('head.sun'), f(), 7);
    expect(got.ids).toEqual(want);
    expect(new Set(got.totals)).toEqual(new Set([want.length]));
  });

  it.each(filters)('an officer (assigned cases only): %s', async (_name, f) => {
    const want = expected(actor('officer.zhang'), f());
    const got = await listed(actor('officer.zhang'), f(), 9);
    expect(got.ids).toEqual(want);
    expect(new Set(got.totals)).toEqual(new Set([want.length]));
  });

  it("the migration's backfill gives existing cases the columns the projection writes", async () => {
    const rows = await ds.query<{ assigned: string[]; backfilled: string[]; search: string; search_backfilled: string; officers: string[]; officers_backfilled: string[] }[]>(
      `SELECT assigned_user_ids AS assigned, ${BACKFILL_ASSIGNED_USER_IDS} AS backfilled, search_text AS search, ${BACKFILL_SEARCH_TEXT} AS search_backfilled,
         officer_ids AS officers, ${BACKFILL_OFFICER_IDS} AS officers_backfilled FROM cases WHERE agency_id = $1`,
      [agencyId],
    );
    expect(rows).toHaveLength(90);
    for (const r of rows) {
      expect(r.officers_backfilled).toEqual(r.officers);
      expect([...r.backfilled].sort()).toEqual([...r.assigned].sort());
      expect(r.search_backfilled).toBe(r.search);
    }
    // Some case names more than its two officers (auxiliary staff, a hearing host), or the comparison proves little.
    expect(rows.some((r) => r.assigned.length > 2)).toBe(true);
  });

  it('the seeded agency gives the filters something to tell apart', () => {
    expect(states).toHaveLength(90);
    // Each filter above keeps some cases and drops others, or it would not test itself.
    expect(expected(actor('head.sun'), { overdue: true }).length).toBeGreaterThan(0);
    expect(expected(actor('officer.zhang'), {}).length).toBeLessThan(90);
    expect(expected(actor('officer.zhang'), {}).length).toBeGreaterThan(9);
  });
});
