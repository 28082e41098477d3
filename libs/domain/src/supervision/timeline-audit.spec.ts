import { evolve, evolveInPlace } from '../case/evolve';
import type { CaseState } from '../case/case-state';
import { people, scenario, SCENARIO_NAMES, type CaseRunner } from '../testing/case-fixtures';
import { auditTimeline, deadlineMarks, deadlinesSettled, type AuditedEvent } from './timeline-audit';

const TZ = 'Asia/Shanghai';
const byId = new Map<string, { userId: string; roles: readonly string[]; certificates: readonly { number: string; validFrom: string; validTo: string }[] }>(
  Object.values(people).map((p) => [p.userId, p]),
);

function auditedEvents(r: CaseRunner): AuditedEvent[] {
  return r.log.map((e) => ({
    type: e.event.type,
    at: e.at,
    actor: e.actor === 'system' ? { system: true } : { userId: e.actor, roles: [...(byId.get(e.actor)?.roles ?? [])] },
    payload: e.event as unknown as Record<string, unknown>,
  }));
}

const certificateOn = (userId: string, day: string) => byId.get(userId)?.certificates.find((c) => c.validFrom <= day && day <= c.validTo)?.number ?? null;

function audit(r: CaseRunner) {
  let s: CaseState | null = null;
  const after = r.log.map((e) => (s = evolve(s, e.event, { at: e.at, policy: r.policy })).deadlines);
  return r.log.map((e, i) => ({ type: e.event.type, ...auditTimeline(auditedEvents(r), after, certificateOn, TZ)[i] }));
}

describe('the timeline audit: role, certificate, body and deadlines of each event', () => {
  it('names the role each actor acted in, an officer\'s certificate that day, and the deadline each event met', () => {
    const rows = audit(scenario('ARCHIVED'));
    const first = (type: string) => rows.find((x) => x.type === type)!;
    expect(first('LEAD_REGISTERED')).toMatchObject({ actedAs: 'OFFICER', certificateNumber: '14010119001', body: null });
    // A head acts on no certificate.
    expect(first('FILING_APPROVED')).toMatchObject({ actedAs: 'AGENCY_HEAD', certificateNumber: null });
    expect(first('FILING_APPROVED').deadlines).toEqual([expect.objectContaining({ kind: 'filingDecision', outcome: 'MET' })]);
    expect(first('DECISION_MADE').deadlines.map((d) => d.kind)).toContain('decision');
    // Every deadline met is met once, by one event.
    const met = rows.flatMap((x) => x.deadlines.map((d) => `${d.kind}/${d.outcome}`));
    expect(new Set(met).size).toBe(met.length);
  });

  it.each(SCENARIO_NAMES)('%s: the marks taken from one state folded in place audit as whole copies of the records do', (name) => {
    const r = scenario(name);
    let copied: CaseState | null = null;
    const whole = r.log.map((e) => (copied = evolve(copied, e.event, { at: e.at, policy: r.policy })).deadlines);
    let inPlace: CaseState | null = null;
    const marks = r.log.map((e) => deadlineMarks((inPlace = evolveInPlace(inPlace, structuredClone(e.event), { at: e.at, policy: r.policy })).deadlines));
    const expected = auditTimeline(auditedEvents(r), whole, certificateOn, TZ);
    // Marks that were the live records (not copies) would all read as the last event's: no event would settle anything.
    expect(auditTimeline(auditedEvents(r), marks, certificateOn, TZ)).toEqual(expected);
  });

  it('a missed deadline is named on the event that records it; met later, it is met late', () => {
    const due = '2026-03-10T16:00:00.000Z';
    const open = { kind: 'decision', state: 'OPEN', dueAt: due } as never;
    const missed = { kind: 'decision', state: 'MISSED', dueAt: due, missedAt: '2026-03-10T16:00:00.000Z' } as never;
    const late = { kind: 'decision', state: 'MET', dueAt: due, metAt: '2026-03-12T02:00:00.000Z', late: true } as never;
    expect(deadlinesSettled({ decision: open }, { decision: missed })).toEqual([{ kind: 'decision', outcome: 'MISSED', dueAt: due }]);
    expect(deadlinesSettled({ decision: missed }, { decision: late })).toEqual([{ kind: 'decision', outcome: 'MET_LATE', dueAt: due }]);
    expect(deadlinesSettled({ decision: late }, { decision: late })).toEqual([]);
  });

  it('names the workflow as SYSTEM and a liaison\'s body from the event', () => {
    const [timer, police] = auditTimeline(
      [
        { type: 'DEADLINE_MISSED', at: '2026-03-10T16:00:00.000Z', actor: { system: true }, payload: {} },
        { type: 'TRANSFER_RECONSIDERATION_ANSWERED', at: '2026-03-11T02:00:00.000Z', actor: { userId: people.police.userId, roles: ['POLICE_LIAISON'] }, payload: { body: '长治市公安局' } },
      ],
      [null, null],
      () => 'never asked',
      TZ,
    );
    expect(timer).toMatchObject({ actedAs: 'SYSTEM', certificateNumber: null, deadlines: [] });
    expect(police).toMatchObject({ actedAs: 'POLICE_LIAISON', certificateNumber: null, body: '长治市公安局' });
  });
});
