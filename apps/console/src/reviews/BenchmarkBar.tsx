import type { components } from '../api';
import { useI18n } from '../i18n';
import { yuan } from '../format';
import { levelLabel, useReviewMessages } from './messages';

type Discretion = components['schemas']['ProposalDiscretionView'];
type Level = 'LIGHTER' | 'GENERAL' | 'HEAVIER';
const LEVELS: Level[] = ['LIGHTER', 'GENERAL', 'HEAVIER'];
const SHADES: Record<Level, string> = { LIGHTER: '#d6e4f5', GENERAL: '#b3cdeb', HEAVIER: '#8fb3de' };

/**
 * The band's statutory range as a bar, its levels (从轻 / 一般 / 从重) as
 * segments with the report's level outlined, and the proposed fine marked.
 * Every figure is the API's; only the drawing is done here. A fine below the
 * statutory minimum (减轻) is drawn left of the bar on a scale from zero.
 */
export function BenchmarkBar({ d }: { d: Discretion }) {
  const { lang } = useI18n();
  const m = useReviewMessages();
  const { statutory, level } = d.finding;
  const from = d.fineAmount < statutory.min ? 0 : statutory.min;
  const to = Math.max(statutory.max, d.fineAmount);
  const span = to - from || 1;
  const pct = (x: number) => `${(((x - from) / span) * 100).toFixed(2)}%`;
  const width = (a: number, b: number) => `${(((b - a) / span) * 100).toFixed(2)}%`;
  const segments = d.levels
    ? LEVELS.map((l) => ({ l, r: d.levels![l] }))
    : d.finding.range
      ? [{ l: level as Level, r: d.finding.range }]
      : [];
  return (
    <figure style={{ margin: '8px 0 16px' }} data-testid="benchmark-bar">
      <div
        role="img"
        aria-label={m.benchmarkBarLabel(yuan(d.fineAmount), yuan(statutory.min), yuan(statutory.max))}
        style={{ position: 'relative', height: 56, margin: '28px 56px 0' }}
      >
        <div style={{ position: 'absolute', top: 8, height: 24, left: pct(statutory.min), width: width(statutory.min, statutory.max), background: '#f0f0f0', border: '1px solid #8c8c8c' }} />
        {segments.map(({ l, r }) => (
          <div
            key={l}
            data-level={l}
            data-current={l === level}
            style={{
              position: 'absolute',
              top: 8,
              height: 24,
              left: pct(r.min),
              width: width(r.min, r.max),
              background: SHADES[l],
              outline: l === level ? '3px solid #0b5cad' : undefined,
              zIndex: l === level ? 1 : 0,
              fontSize: 12,
              lineHeight: '24px',
              textAlign: 'center',
              overflow: 'hidden',
              color: '#000',
            }}
          >
            {levelLabel(l, lang)}
          </div>
        ))}
        <div data-testid="fine-marker" style={{ position: 'absolute', left: pct(d.fineAmount), top: -24, transform: 'translateX(-50%)', textAlign: 'center', zIndex: 2 }}>
          <div style={{ fontSize: 12, whiteSpace: 'nowrap', color: '#a8071a', fontWeight: 600 }}>
            {m.proposedMarker} {yuan(d.fineAmount)}
          </div>
          <div style={{ width: 0, height: 0, margin: '0 auto', borderLeft: '6px solid transparent', borderRight: '6px solid transparent', borderTop: '8px solid #a8071a' }} />
          <div style={{ width: 2, height: 26, margin: '0 auto', background: '#a8071a' }} />
        </div>
        <div style={{ position: 'absolute', top: 36, left: pct(statutory.min), fontSize: 12, transform: 'translateX(-50%)' }}>{yuan(statutory.min)}</div>
        <div style={{ position: 'absolute', top: 36, left: pct(statutory.max), fontSize: 12, transform: 'translateX(-50%)' }}>{yuan(statutory.max)}</div>
      </div>
    </figure>
  );
}
