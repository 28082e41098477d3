import { DataSource } from 'typeorm';

/** What a statistics report groups by. */
export const STATISTICS_GROUPINGS = ['agency', 'officer', 'violationCode', 'procedure'] as const;
export type StatisticsGrouping = (typeof STATISTICS_GROUPINGS)[number];

export interface StageTime {
  /** Cases whose stage ended in the period. */
  count: number;
  /** Days (24 h), two decimals; null when no case ended the stage. */
  averageDays: number | null;
  worstDays: number | null;
}

export interface StatisticsGroup {
  /** The agency's or officer's id, the violation code, or the procedure; null: cases with no officer. */
  key: string | null;
  /** The agency's or officer's name; the key otherwise. */
  label: string | null;
  opened: number;
  filed: number;
  decided: number;
  decisionsByOutcome: Record<string, number>;
  closed: number;
  penaltyKinds: Record<string, number>;
  fineTotal: number;
  confiscationTotal: number;
  stages: { filing: StageTime; decision: StageTime; service: StageTime; closing: StageTime };
  deadlinesMissed: Record<string, number>;
  hearings: { requested: number; held: number; ended: number };
  legalReviews: { approved: number; returned: number; rejected: number };
  /** Filed by kind; outcomes as `<kind>:<result>`. */
  challenges: { filed: Record<string, number>; outcomes: Record<string, number> };
  execution: { due: number; paidInFull: number; overdue: number; surcharge: number; surchargePaid: number; courtEnforcement: number; ended: number };
  transfers: { stage: string; outcome: string | null; count: number }[];
}

export interface StatisticsPeriod {
  agencyId: string;
  /** Instants: from inclusive, to exclusive. */
  from: string;
  to: string;
  groupBy: StatisticsGrouping;
  /**
   * The same period as local days (both inclusive) in `timeZone`, when it is
   * whole days: the daily roll-up answers it if it is kept in that zone.
   */
  days?: { from: string; to: string; timeZone: string };
}

/** The SQL of each query, by name: the benchmark times and explains each one. */
export type StatisticsQueryName = 'cases' | 'penalties' | 'events' | 'transfers';

const GROUP_KEY: Record<StatisticsGrouping, string> = {
  agency: 'CROSS JOIN LATERAL (SELECT s.agency_id::text) g(key)',
  officer: 'CROSS JOIN LATERAL unnest(CASE WHEN cardinality(s.officer_ids) = 0 THEN ARRAY[NULL::uuid] ELSE s.officer_ids END) u(officer) CROSS JOIN LATERAL (SELECT u.officer::text) g(key)',
  violationCode: 'CROSS JOIN LATERAL (SELECT s.violation_code) g(key)',
  procedure: 'CROSS JOIN LATERAL (SELECT s.procedure) g(key)',
};

const IN = (col: string) => `(s.${col} >= $2 AND s.${col} < $3)`;
/** A stage's count, mean and worst, from its length kept in the projection (`<name>_days`). */
function stage(name: string, when: string): string {
  const days = `s.${name}_days`;
  return `count(*) FILTER (WHERE ${when}) AS ${name}_n, avg(${days}) FILTER (WHERE ${when}) AS ${name}_avg, max(${days}) FILTER (WHERE ${when}) AS ${name}_max`;
}

/** Each statistics query over the projections (migration 1765230000000), parameters $1 agency, $2 from, $3 to. */
export function statisticsSql(groupBy: StatisticsGrouping): Record<StatisticsQueryName, string> {
  const g = GROUP_KEY[groupBy];
  const decided = IN('decided_at');
  const due = `${decided} AND s.amount_due > 0`;
  return {
    cases: `SELECT g.key,
        count(*) FILTER (WHERE ${IN('registered_at')}) AS opened,
        count(*) FILTER (WHERE ${IN('filed_at')}) AS filed,
        count(*) FILTER (WHERE ${decided}) AS decided,
        count(*) FILTER (WHERE ${decided} AND s.outcome = 'PENALTY') AS outcome_penalty,
        count(*) FILTER (WHERE ${decided} AND s.outcome = 'NO_PENALTY') AS outcome_no_penalty,
        count(*) FILTER (WHERE ${decided} AND s.outcome = 'DISMISS') AS outcome_dismiss,
        count(*) FILTER (WHERE ${IN('closed_at')}) AS closed,
        COALESCE(sum(s.fine_amount) FILTER (WHERE ${decided}), 0) AS fine_total,
        COALESCE(sum(s.confiscation_amount) FILTER (WHERE ${decided}), 0) AS confiscation_total,
        ${stage('filing', IN('filed_at'))},
        ${stage('decision', `${decided} AND s.filed_at IS NOT NULL`)},
        ${stage('service', `${IN('served_at')} AND s.decided_at IS NOT NULL`)},
        ${stage('closing', `${IN('closed_at')} AND s.decided_at IS NOT NULL`)},
        count(*) FILTER (WHERE ${due}) AS due,
        count(*) FILTER (WHERE ${due} AND s.amount_paid >= s.amount_due) AS paid_in_full,
        count(*) FILTER (WHERE ${due} AND s.payment_missed AND s.amount_paid < s.amount_due) AS overdue,
        count(*) FILTER (WHERE ${due} AND (s.payment_missed OR s.surcharge_accrued > 0 OR s.surcharge_paid > 0)) AS surcharge,
        COALESCE(sum(s.surcharge_paid) FILTER (WHERE ${due}), 0) AS surcharge_paid,
        count(*) FILTER (WHERE ${due} AND s.court_applied) AS court,
        count(*) FILTER (WHERE ${due} AND s.execution_ended) AS ended
      FROM case_statistics s ${g}
      WHERE s.agency_id = $1
        AND (${IN('registered_at')} OR ${IN('filed_at')} OR ${decided} OR ${IN('served_at')} OR ${IN('closed_at')})
      GROUP BY g.key`,
    penalties: `SELECT g.key, k.kind, count(*) AS n
      FROM case_statistics s ${g} CROSS JOIN LATERAL unnest(s.penalty_kinds) k(kind)
      WHERE s.agency_id = $1 AND ${decided}
      GROUP BY g.key, k.kind`,
    events: `SELECT g.key, s.type, s.key AS what, s.detail, count(*) AS n
      FROM case_statistic_events s ${g}
      WHERE s.agency_id = $1 AND ${IN('occurred_at')}
      GROUP BY g.key, s.type, s.key, s.detail`,
    transfers: `SELECT g.key, s.transfer_stage AS stage, s.transfer_outcome AS outcome, count(*) AS n
      FROM case_statistics s ${g}
      WHERE s.agency_id = $1 AND ${IN('transfer_proposed_at')}
      GROUP BY g.key, s.transfer_stage, s.transfer_outcome`,
  };
}

/**
 * The `cases` and `penalties` queries over the daily roll-up (migration
 * 1765450000000), with the base queries' column names; parameters $1 agency,
 * $2 grouping, $3 first day, $4 last day (inclusive).
 */
export function dailyStatisticsSql(): Record<'cases' | 'penalties', string> {
  const sums = ['opened', 'filed', 'decided', 'outcome_penalty', 'outcome_no_penalty', 'outcome_dismiss', 'closed', 'fine_total', 'confiscation_total'];
  const exec = ['due', 'paid_in_full', 'overdue', 'surcharge', 'surcharge_paid', 'court', 'ended'];
  const stages = ['filing', 'decision', 'service', 'closing'].map(
    (st) => `sum(d.${st}_n) AS ${st}_n, sum(d.${st}_sum) / NULLIF(sum(d.${st}_n), 0) AS ${st}_avg, max(d.${st}_max) AS ${st}_max`,
  );
  const where = `d.agency_id = $1 AND d.grouping = $2 AND d.day BETWEEN $3::date AND $4::date`;
  return {
    cases: `SELECT d.key, ${[...sums, ...exec].map((c) => `sum(d.${c}) AS ${c}`).join(', ')}, ${stages.join(', ')}
      FROM case_statistics_daily d WHERE ${where} GROUP BY d.key`,
    penalties: `SELECT d.key, k.kind, sum(k.n::int) AS n
      FROM case_statistics_daily d CROSS JOIN LATERAL jsonb_each_text(d.penalty_kinds) k(kind, n)
      WHERE ${where} GROUP BY d.key, k.kind`,
  };
}

type Row = Record<string, string | null>;

const num = (v: string | null | undefined): number => (v == null ? 0 : Number(v));
const days = (v: string | null | undefined): number | null => (v == null ? null : Math.round(Number(v) * 100) / 100);

function empty(key: string | null): StatisticsGroup {
  const time = (): StageTime => ({ count: 0, averageDays: null, worstDays: null });
  return {
    key,
    label: key,
    opened: 0,
    filed: 0,
    decided: 0,
    decisionsByOutcome: {},
    closed: 0,
    penaltyKinds: {},
    fineTotal: 0,
    confiscationTotal: 0,
    stages: { filing: time(), decision: time(), service: time(), closing: time() },
    deadlinesMissed: {},
    hearings: { requested: 0, held: 0, ended: 0 },
    legalReviews: { approved: 0, returned: 0, rejected: 0 },
    challenges: { filed: {}, outcomes: {} },
    execution: { due: 0, paidInFull: 0, overdue: 0, surcharge: 0, surchargePaid: 0, courtEnforcement: 0, ended: 0 },
    transfers: [],
  };
}

const OPINION: Record<string, 'approved' | 'returned' | 'rejected'> = { APPROVE: 'approved', RETURN: 'returned', REJECT: 'rejected' };
const HEARING: Record<string, 'requested' | 'held' | 'ended'> = { HEARING_REQUESTED: 'requested', HEARING_HELD: 'held', HEARING_ENDED: 'ended' };

/** Enforcement statistics of one agency over a period, computed in SQL over the statistics projections. */
export class StatisticsRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * The report; `cases` and `penalties` from the daily roll-up when the
   * period is whole days in the zone it is kept in, from case_statistics
   * otherwise (`source` forces one: the tests compare the two).
   */
  async report(p: StatisticsPeriod, source?: 'daily' | 'cases'): Promise<StatisticsGroup[]> {
    const sql = statisticsSql(p.groupBy);
    const params = [p.agencyId, p.from, p.to];
    const daily = source ? source === 'daily' : p.days !== undefined && (await this.dailyZone()) === p.days.timeZone;
    if (daily && !p.days) throw new Error('the daily roll-up answers whole local days only');
    const run = (q: 'cases' | 'penalties') =>
      daily ? this.ds.query<Row[]>(dailyStatisticsSql()[q], [p.agencyId, p.groupBy, p.days!.from, p.days!.to]) : this.ds.query<Row[]>(sql[q], params);
    const [cases, penalties, events, transfers] = await Promise.all([
      run('cases'),
      run('penalties'),
      this.ds.query<Row[]>(sql.events, params),
      this.ds.query<Row[]>(sql.transfers, params),
    ]);
    const groups = new Map<string | null, StatisticsGroup>();
    const of = (key: string | null): StatisticsGroup => {
      let g = groups.get(key);
      if (!g) groups.set(key, (g = empty(key)));
      return g;
    };
    for (const r of cases) {
      const g = of(r.key);
      Object.assign(g, { opened: num(r.opened), filed: num(r.filed), decided: num(r.decided), closed: num(r.closed) });
      for (const [o, col] of [['PENALTY', 'outcome_penalty'], ['NO_PENALTY', 'outcome_no_penalty'], ['DISMISS', 'outcome_dismiss']] as const) {
        if (num(r[col])) g.decisionsByOutcome[o] = num(r[col]);
      }
      g.fineTotal = num(r.fine_total);
      g.confiscationTotal = num(r.confiscation_total);
      for (const s of ['filing', 'decision', 'service', 'closing'] as const) {
        g.stages[s] = { count: num(r[`${s}_n`]), averageDays: days(r[`${s}_avg`]), worstDays: days(r[`${s}_max`]) };
      }
      g.execution = {
        due: num(r.due),
        paidInFull: num(r.paid_in_full),
        overdue: num(r.overdue),
        surcharge: num(r.surcharge),
        surchargePaid: num(r.surcharge_paid),
        courtEnforcement: num(r.court),
        ended: num(r.ended),
      };
    }
    for (const r of penalties) of(r.key).penaltyKinds[r.kind!] = num(r.n);
    for (const r of events) {
      const g = of(r.key);
      const n = num(r.n);
      if (r.type === 'DEADLINE_MISSED') g.deadlinesMissed[r.what!] = (g.deadlinesMissed[r.what!] ?? 0) + n;
      else if (r.type === 'LEGAL_REVIEW_RECORDED' && OPINION[r.what!]) g.legalReviews[OPINION[r.what!]] += n;
      else if (r.type! in HEARING) g.hearings[HEARING[r.type!]] += n;
      else if (r.type === 'CHALLENGE_RECORDED') {
        if (r.detail === 'FILED') g.challenges.filed[r.what!] = (g.challenges.filed[r.what!] ?? 0) + n;
        else g.challenges.outcomes[`${r.what}:${r.detail}`] = (g.challenges.outcomes[`${r.what}:${r.detail}`] ?? 0) + n;
      }
    }
    for (const r of transfers) of(r.key).transfers.push({ stage: r.stage!, outcome: r.outcome, count: num(r.n) });
    await this.label(p.groupBy, [...groups.values()]);
    return [...groups.values()].sort((a, b) => b.opened - a.opened || String(a.label).localeCompare(String(b.label)));
  }

  /** The time zone the daily roll-up's days are in. */
  async dailyZone(): Promise<string | undefined> {
    const [row] = await this.ds.query<{ time_zone: string }[]>(`SELECT time_zone FROM statistics_daily_zone`);
    return row?.time_zone;
  }

  /**
   * Rebuilds the daily roll-up: every agency's in a time zone (CASE_TIME_ZONE
   * changed; run with the apps stopped), or one agency's in the zone kept
   * (after a bulk load with it switched off). The agency days rebuilt.
   */
  async rebuildDaily(timeZone: string, agencyId?: string): Promise<number> {
    const [{ n }] = await this.ds.query<{ n: number }[]>(`SELECT zhifa_rebuild_statistics_daily($1, $2) AS n`, [timeZone, agencyId ?? null]);
    return n;
  }

  /** Names for the agency and officer groupings. */
  private async label(groupBy: StatisticsGrouping, groups: StatisticsGroup[]): Promise<void> {
    const table = groupBy === 'agency' ? 'agencies' : groupBy === 'officer' ? 'users' : undefined;
    if (!table) return;
    const ids = groups.map((g) => g.key).filter((k): k is string => k !== null);
    const rows = await this.ds.query<{ id: string; name: string }[]>(`SELECT id::text, name FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
    const names = new Map(rows.map((r) => [r.id, r.name]));
    for (const g of groups) g.label = g.key === null ? null : (names.get(g.key) ?? g.key);
  }
}
