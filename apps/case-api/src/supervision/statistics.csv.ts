import { DEADLINE_KINDS, PENALTY_KINDS, CHALLENGE_KINDS, CHALLENGE_RESULTS } from '@zhifa/domain';
import type { StatisticsGroup } from '@zhifa/persistence';

type Column = [string, (g: StatisticsGroup) => string | number | null];

/** The CSV's columns: every figure of a group, flat, in a fixed order (zero where nothing counted). */
function columns(): Column[] {
  const cols: Column[] = [
    ['group', (g) => g.key],
    ['label', (g) => g.label],
    ['opened', (g) => g.opened],
    ['filed', (g) => g.filed],
    ['decided', (g) => g.decided],
    ['decided_penalty', (g) => g.decisionsByOutcome.PENALTY ?? 0],
    ['decided_no_penalty', (g) => g.decisionsByOutcome.NO_PENALTY ?? 0],
    ['decided_dismiss', (g) => g.decisionsByOutcome.DISMISS ?? 0],
    ['closed', (g) => g.closed],
  ];
  for (const k of PENALTY_KINDS) cols.push([`penalty_${k.toLowerCase()}`, (g) => g.penaltyKinds[k] ?? 0]);
  cols.push(['fine_total', (g) => g.fineTotal], ['confiscation_total', (g) => g.confiscationTotal]);
  for (const s of ['filing', 'decision', 'service', 'closing'] as const) {
    cols.push([`${s}_count`, (g) => g.stages[s].count], [`${s}_average_days`, (g) => g.stages[s].averageDays], [`${s}_worst_days`, (g) => g.stages[s].worstDays]);
  }
  for (const k of DEADLINE_KINDS) cols.push([`missed_${k}`, (g) => g.deadlinesMissed[k] ?? 0]);
  cols.push(['hearings_requested', (g) => g.hearings.requested], ['hearings_held', (g) => g.hearings.held], ['hearings_ended', (g) => g.hearings.ended]);
  cols.push(['legal_reviews_approved', (g) => g.legalReviews.approved], ['legal_reviews_returned', (g) => g.legalReviews.returned], ['legal_reviews_rejected', (g) => g.legalReviews.rejected]);
  for (const k of CHALLENGE_KINDS) {
    cols.push([`${k.toLowerCase()}_filed`, (g) => g.challenges.filed[k] ?? 0]);
    for (const r of CHALLENGE_RESULTS) cols.push([`${k.toLowerCase()}_${r.toLowerCase()}`, (g) => g.challenges.outcomes[`${k}:${r}`] ?? 0]);
  }
  const e = (f: keyof StatisticsGroup['execution']): Column => [`execution_${f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`, (g) => g.execution[f]];
  cols.push(e('due'), e('paidInFull'), e('overdue'), e('surcharge'), e('surchargePaid'), e('courtEnforcement'), e('ended'));
  cols.push(['transfers', (g) => g.transfers.map((t) => `${t.stage}/${t.outcome ?? 'PENDING'}=${t.count}`).join(';')]);
  return cols;
}

/** The export as a table: the header (column names) and one row per group, in the CSV's and the XLSX's order. */
export function statisticsTable(groups: StatisticsGroup[]): { header: string[]; rows: (string | number | null)[][] } {
  const cols = columns();
  return { header: cols.map(([h]) => h), rows: groups.map((g) => cols.map(([, f]) => f(g))) };
}

/** RFC 4180, with a byte-order mark so spreadsheet programs read the UTF-8 (Chinese names). */
export function statisticsCsv(groups: StatisticsGroup[]): string {
  const { header, rows } = statisticsTable(groups);
  const quote = (v: string | number | null): string => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [header.join(','), ...rows.map((r) => r.map(quote).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
