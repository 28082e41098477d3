import { DataSource } from 'typeorm';
import { canonicalJson, deadlineMarks, evolveInPlace, withCalendars, type CaseEvent, type CaseState, type DeadlineMark, type DeadlineKind, type HolidayCalendarYear, type JurisdictionPolicy } from '@zhifa/domain';
import { CaseEntity } from '../entities';
import { projectCase } from '../projections/case.projection';
import { CalendarRepository } from './calendar.repository';
import { CaseEventStore, type StoredEvent } from './case-event.store';
import { PolicyRepository } from './policy.repository';

/** A field where the read model and the chain folded disagree. */
export interface ReadModelDrift {
  field: 'row' | 'status' | 'lastSeq' | 'deadlines';
  readModel: unknown;
  chain: unknown;
}

type DeadlineMarks = Partial<Record<DeadlineKind, DeadlineMark>>;

interface Folded {
  state: CaseState;
  policyVersion: string;
  workflowId: string;
  lastSeq: number;
}

/**
 * Compares a case's read model with its event chain folded again, and
 * rebuilds it from the chain. The fold uses the policy version the case was
 * registered under (its LEAD_REGISTERED event) with, for each event, the
 * holiday calendars published by the event's instant: the calendars the
 * workflow counted with then, give or take the minutes a new calendar takes
 * to reach it (a DEADLINE_RECOMPUTED event carries its own calendar).
 */
export class ReadModelRepository {
  private readonly events: CaseEventStore;
  private readonly policies: PolicyRepository;
  private readonly calendars: CalendarRepository;

  constructor(private readonly ds: DataSource) {
    this.events = new CaseEventStore(ds);
    this.policies = new PolicyRepository(ds);
    this.calendars = new CalendarRepository(ds);
  }

  /** The chain folded; null when the case has no chain. Throws when the pinned policy is gone. */
  async fold(caseId: string): Promise<Folded | null> {
    return this.foldSteps(caseId, () => undefined);
  }

  /**
   * The marks of the deadline records after each event of `stored` (the
   * case's chain as already read, in seq order): what a timeline's audit
   * reads each event met or missed. Throws when the chain does not fold.
   */
  async deadlineMarksAfterEach(caseId: string, stored: StoredEvent[]): Promise<DeadlineMarks[]> {
    const out: DeadlineMarks[] = [];
    // The fold changes one state in place: each step's marks are taken as they stand.
    // The caller keeps its rows (a timeline shows them): the fold gets its own copy of each event, since a folded state may share an event's objects and later events change them.
    const own = stored.map((e) => ({ ...e, payload: JSON.parse(JSON.stringify(e.payload)) as StoredEvent['payload'] }));
    await this.foldStored(caseId, own, (s) => out.push(deadlineMarks(s.deadlines)));
    return out;
  }

  private async foldSteps(caseId: string, step: (state: CaseState) => void): Promise<Folded | null> {
    return this.foldStored(caseId, await this.events.timeline(caseId), step);
  }

  /** Folds `stored` in place: the rows must be the fold's own. */
  private async foldStored(caseId: string, stored: StoredEvent[], step: (state: CaseState) => void): Promise<Folded | null> {
    if (!stored.length) return null;
    const first = stored[0].payload as { type?: string; policyVersion?: string };
    if (first.type !== 'LEAD_REGISTERED' || !first.policyVersion) throw new Error(`case ${caseId}: the chain does not open with its registration`);
    const pinned = await this.policies.version(first.policyVersion);
    if (!pinned) throw new Error(`case ${caseId}: policy ${first.policyVersion} is not stored`);
    const published = await this.calendars.all();
    let state: CaseState | null = null;
    // The calendars published by each event's time: a new policy view only when that set changes.
    let view: { count: number; policy: JurisdictionPolicy } | undefined;
    for (const e of stored) {
      const current = published.filter((c) => c.publishedAt <= e.occurredAt);
      if (view?.count !== current.length) {
        const calendars: HolidayCalendarYear[] = current.map(({ year, holidays, adjustedWorkingDays, source }) => ({ year, holidays, adjustedWorkingDays, source }));
        view = { count: current.length, policy: withCalendars(pinned, calendars) };
      }
      // Folded in place, not copied at every event.
      state = evolveInPlace(state, e.payload as unknown as CaseEvent, { at: e.occurredAt, policy: view.policy });
      step(state);
    }
    const last = stored[stored.length - 1];
    return { state: state!, policyVersion: first.policyVersion, workflowId: last.eventId.slice(0, last.eventId.lastIndexOf(':')), lastSeq: last.seq };
  }

  /** Where the read model disagrees with the chain (status, last seq, deadlines); empty when they agree. */
  async drift(caseId: string): Promise<ReadModelDrift[]> {
    const folded = await this.fold(caseId);
    if (!folded) return [];
    return compare(await this.ds.getRepository(CaseEntity).findOneBy({ id: caseId }), folded);
  }

  /**
   * Rebuilds the case's read model from its chain. Idempotent: a read model
   * that agrees is written again to the same values (`changed: false`).
   */
  async rebuild(caseId: string): Promise<{ changed: boolean; drift: ReadModelDrift[] } | null> {
    for (let tries = 0; tries < 3; tries++) {
      const folded = await this.fold(caseId);
      if (!folded) return null;
      const drift = compare(await this.ds.getRepository(CaseEntity).findOneBy({ id: caseId }), folded);
      const projection = projectCase(folded.state, folded.policyVersion);
      if (await this.events.reproject({ workflowId: folded.workflowId, caseId, projection }, folded.lastSeq)) return { changed: drift.length > 0, drift };
    }
    throw new Error(`case ${caseId}: the chain kept growing while its read model was rebuilt`);
  }
}

function compare(row: CaseEntity | null, folded: Folded): ReadModelDrift[] {
  if (!row) return [{ field: 'row', readModel: null, chain: { status: folded.state.status, lastSeq: folded.lastSeq } }];
  const out: ReadModelDrift[] = [];
  if (row.status !== folded.state.status) out.push({ field: 'status', readModel: row.status, chain: folded.state.status });
  if (row.lastSeq !== folded.lastSeq) out.push({ field: 'lastSeq', readModel: row.lastSeq, chain: folded.lastSeq });
  const deadlines = JSON.parse(JSON.stringify(folded.state.deadlines)) as unknown;
  if (canonicalJson(row.deadlines) !== canonicalJson(deadlines)) out.push({ field: 'deadlines', readModel: row.deadlines, chain: deadlines });
  return out;
}
