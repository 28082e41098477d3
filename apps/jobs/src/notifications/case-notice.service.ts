import { Injectable, Logger } from '@nestjs/common';
import type { CaseEventMessage } from '@zhifa/contracts';
import { caseNotice, evolve, withCalendars, type ActorSnapshot, type CaseEvent, type CaseNotice, type CaseState } from '@zhifa/domain';
import { CalendarRepository, CaseEventStore, CaseReadRepository, PeopleRepository, PolicyRepository } from '@zhifa/persistence';

/** What a case event tells whom, with the case facts a message or a webhook body names. */
export interface EventNotice {
  caseId: string;
  caseNumber: string;
  agencyId: string;
  eventId: string;
  eventType: string;
  seq: number;
  occurredAt: string;
  notice: CaseNotice;
}

/**
 * Judges an event's audience on the case as that event left it: the case's
 * own events up to it, folded under its pinned policy (a later event must
 * not change who was told of an earlier one, so a retried job finds the same
 * people). Read-only: it writes nothing.
 */
@Injectable()
export class CaseNoticeService {
  private readonly logger = new Logger('CaseNotice');

  constructor(
    private readonly cases: CaseReadRepository,
    private readonly events: CaseEventStore,
    private readonly policies: PolicyRepository,
    private readonly calendars: CalendarRepository,
    private readonly people: PeopleRepository,
  ) {}

  async agencyOf(caseId: string): Promise<string | null> {
    return (await this.cases.byId(caseId))?.agencyId ?? null;
  }

  async noticeFor(job: CaseEventMessage): Promise<EventNotice> {
    const row = await this.cases.byId(job.caseId);
    // The outbox row is written in the projection's transaction, so this is a job that ran ahead of nothing: retried.
    if (!row || row.lastSeq < job.seq) throw new Error(`case ${job.caseId} is not projected to seq ${job.seq} yet`);
    const log = (await this.events.timeline(job.caseId)).filter((e) => e.seq <= job.seq);
    const target = log[log.length - 1];
    if (!target || target.seq !== job.seq) throw new Error(`case ${job.caseId} has no event ${job.seq}`);
    const policy = await this.policies.version(row.policyVersion);
    if (!policy) throw new Error(`policy ${row.policyVersion} of case ${job.caseId} is not published`);
    const view = withCalendars(policy, await this.calendars.forCases());

    let before: CaseState | null = null;
    let after: CaseState;
    try {
      for (const e of log.slice(0, -1)) before = evolve(before, e.payload as unknown as CaseEvent, { at: e.occurredAt, policy: view });
      after = evolve(before, target.payload as unknown as CaseEvent, { at: target.occurredAt, policy: view });
    } catch (err) {
      // A history this build cannot fold is still told to the case's own people, judged on the read model.
      this.logger.warn(`case ${job.caseId} seq ${job.seq}: folded from the read model (${(err as Error).message})`);
      after = row.state as unknown as CaseState;
      before = after;
    }

    const dispatch = after.transfer?.dispatch;
    const staff = await this.people.agencyActors(row.agencyId);
    const liaisons = await this.people.liaisonsOf([dispatch?.policeAgency, dispatch?.procuratorate].filter((b): b is string => Boolean(b)));
    const people = new Map<string, ActorSnapshot>([...staff, ...liaisons].map((p) => [p.userId, p]));
    const actor = target.actor as { userId?: string };
    const notice = caseNotice({
      caseNumber: row.caseNumber,
      event: target.payload as unknown as CaseEvent,
      actorUserId: actor.userId,
      before,
      after,
      people: [...people.values()],
      opts: { now: target.occurredAt, policy: view },
      timeZone: view.timeZone,
    });
    return {
      caseId: row.id,
      caseNumber: row.caseNumber,
      agencyId: row.agencyId,
      eventId: job.eventId,
      eventType: target.type,
      seq: target.seq,
      occurredAt: target.occurredAt,
      notice,
    };
  }
}
