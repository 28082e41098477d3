import { R310_PERIODS, type JurisdictionPolicy, type PeriodSpec } from '@zhifa/domain';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';

/**
 * The demo policy with some periods in seconds of wall time, so a test sees
 * reminders and escalations fire on the real Temporal server within seconds.
 */
export function fastPolicy(periods: Partial<Record<keyof JurisdictionPolicy['deadlines'], { seconds: number; remindBefore?: number }>>): JurisdictionPolicy {
  const deadlines = { ...DEMO_POLICY.deadlines };
  for (const [kind, p] of Object.entries(periods) as [keyof JurisdictionPolicy['deadlines'], { seconds: number; remindBefore?: number }][]) {
    const base = deadlines[kind] ?? (R310_PERIODS as Partial<Record<string, PeriodSpec>>)[kind] ?? { ...deadlines.defence, source: 'APL 64' };
    const spec: PeriodSpec = { ...base, seconds: p.seconds, remindBefore: p.remindBefore };
    deadlines[kind] = spec;
  }
  return { ...DEMO_POLICY, version: `${DEMO_POLICY.version}-fast-${Object.keys(periods).join('-')}`, deadlines };
}
