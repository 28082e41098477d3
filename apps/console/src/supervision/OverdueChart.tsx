import type { OverdueListView } from '@zhifa/api-client';
import { useI18n } from '../i18n';
import { deadlineLabel } from '../labels';
import { useSupervisionMessages } from './messages';

/**
 * The API's counts per deadline kind as plain CSS bars (no chart library):
 * each row says its figures in words, the bars only draw them.
 */
export function OverdueChart({ counts }: { counts: OverdueListView['counts'] }) {
  const { lang } = useI18n();
  const m = useSupervisionMessages();
  const max = Math.max(1, ...counts.map((c) => c.overdue + c.near));
  return (
    <figure className="zf-chart" aria-labelledby="overdue-chart-title" data-testid="overdue-chart">
      <figcaption id="overdue-chart-title" className="zf-chart-title">
        {m.chartTitle}
        <span className="zf-chart-legend" aria-hidden="true">
          <span className="zf-swatch zf-swatch-overdue" /> {m.overdue} <span className="zf-swatch zf-swatch-near" /> {m.near}
        </span>
      </figcaption>
      {counts.length === 0 ? (
        <p>{m.chartEmpty}</p>
      ) : (
        <ul className="zf-chart-rows">
          {counts.map((c) => (
            <li key={c.deadline} className="zf-chart-row" data-deadline={c.deadline}>
              <span className="zf-chart-label">{m.countLine(deadlineLabel(c.deadline, lang), c.overdue, c.near)}</span>
              <span className="zf-chart-bar" aria-hidden="true">
                <span className="zf-bar zf-bar-overdue" style={{ width: `${(c.overdue / max) * 100}%` }} />
                <span className="zf-bar zf-bar-near" style={{ width: `${(c.near / max) * 100}%` }} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
