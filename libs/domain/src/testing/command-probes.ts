// Commands to probe decide() with in sweeps (messages.spec, refusal-classes.spec):
// every fixture command at a given instant, and each spoiled field by field.

import type { CaseCommand } from '../case/case-commands';
import { commands as C, DAY, plus, scenario, SYSTEM, type CaseRunner } from './case-fixtures';
import { measureCommands as M } from './measure-fixtures';
import { people } from './case-fixtures';

/** An instant given to a factory that took it for something else (a user id, a reason): not a command anyone sends. */
function misplaced(value: unknown, key = ''): boolean {
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}T/.test(value) && !/(At|Date|^at)$/.test(key);
  if (Array.isArray(value)) return value.some((v) => misplaced(v, key));
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => misplaced(v, k));
  return false;
}

/** The fixture commands, each with the arguments it is usually given at `now`. */
export function fixtureCommands(now: string): CaseCommand[] {
  const out: CaseCommand[] = [];
  for (const make of [...Object.values(C), ...Object.values(M)] as ((...args: unknown[]) => CaseCommand)[]) {
    for (const args of [[], [now], [now, plus(now, 20 * DAY)], [1, now]]) {
      try {
        const c = make(...args);
        if (c && typeof c === 'object' && !misplaced(c) && !out.some((o) => JSON.stringify(o) === JSON.stringify(c))) out.push(c);
      } catch {
        // a factory that needs other arguments: another argument list builds it
      }
    }
  }
  return out;
}

/** The command with one field at a time missing, emptied, negated, multiplied or moved years away. */
export function spoiled(c: CaseCommand): CaseCommand[] {
  const out: CaseCommand[] = [];
  const record = c as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(record)) {
    if (k === 'type') continue;
    const set = (value: unknown) => out.push({ ...record, [k]: value } as unknown as CaseCommand);
    const rest = { ...record };
    delete rest[k];
    out.push(rest as unknown as CaseCommand);
    if (typeof v === 'string') {
      set('');
      if (/^\d{4}-\d{2}-\d{2}T/.test(v)) {
        set(plus(v, 400 * DAY));
        set(plus(v, -400 * DAY));
        set(plus(v, -4000 * DAY));
        set('2026-13-45T99:00:00');
      }
    }
    if (typeof v === 'boolean') set(!v);
    if (typeof v === 'number') set(-v);
    if (Array.isArray(v)) {
      set([]);
      set([...v, ...v]);
      set(v.slice(0, 1));
      set(v.map((x) => (typeof x === 'object' && x !== null ? { ...x, certificates: [] } : x)));
    }
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [kk, vv] of Object.entries(v)) {
        if (typeof vv === 'number') {
          set({ ...v, [kk]: vv * 100 });
          set({ ...v, [kk]: vv / 100 });
        }
        if (typeof vv === 'string') set({ ...v, [kk]: '' });
      }
    }
  }
  return out;
}

/**
 * Served cases the scenarios do not reach: left unpaid past their period, then demanded; under a pending
 * challenge; and published, then revoked (its withdrawal owed).
 */
export function executionRunners(): CaseRunner[] {
  const unpaid = scenario('SERVED');
  unpaid.at(plus(unpaid.s.deadlines.payment!.dueAt, DAY)).exec(C.escalation('payment'), SYSTEM);
  const demanded = scenario('SERVED');
  demanded.at(plus(demanded.s.deadlines.payment!.dueAt, DAY)).exec(C.escalation('payment'), SYSTEM);
  demanded.exec(C.demand(demanded.now), people.officerA);
  const challenged = scenario('SERVED');
  challenged.exec(C.challenge(challenged.now), people.officerA);
  const revoked = scenario('SERVED');
  revoked.exec(C.publishDisclosure(), SYSTEM);
  revoked.exec(C.challenge(revoked.now), people.officerA);
  revoked.exec(C.challenge(revoked.now, 'DECIDED', 'REVOKED'), people.officerA);
  return [unpaid, demanded, challenged, revoked];
}
