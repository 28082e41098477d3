import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  awaitedFor,
  byUrgency,
  deadlinesToWatch,
  DEADLINE_KINDS,
  readScope,
  supervisionAccess,
  type ActorSnapshot,
  type CaseState,
  type WatchedDeadline,
} from '@zhifa/domain';
import { CaseReadRepository, PeopleRepository, type CaseEntity } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { CaseDirectoryService } from '../cases/case-directory.service';
import type { CaseOfficerView, DeadlineBasisView } from '../cases/case-view';
import { DeadlineClock } from '../cases/deadline-clock.service';
import { ProblemException } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { OverdueItemView, OverdueListView, OverdueQuery, type OverdueCountView } from './overdue.views';

const DAY_MS = 86_400_000;

interface Entry {
  row: CaseEntity;
  d: WatchedDeadline;
}

/** 超期预警: every deadline in the supervisor's scope that is past or near its limit. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
export class SupervisionOverdueController {
  constructor(
    private readonly actors: ActorService,
    private readonly directory: CaseDirectoryService,
    private readonly cases: CaseReadRepository,
    private readonly people: PeopleRepository,
    private readonly clock: DeadlineClock,
  ) {}

  @Get('overdue')
  @ApiOperation({
    summary: 'Cases past or near a deadline: each deadline still owed that is overdue or due within withinDays days, overdue first (SUPERVISOR)',
    description:
      "Scoped as the supervisor reads cases (their agency). Days are counted in the agency's time zone on the server's clock; a party's own lapsed windows (defence, hearing request) are no one's delay and are left out; a suspended clock is not running.",
  })
  @ApiOkResponse({ type: OverdueListView })
  @ApiProblems(AUTHENTICATED, { 400: true, 403: 'SUPERVISION.SUPERVISOR_ONLY: only a supervisor reads supervision views' })
  async overdue(@Principal() principal: TokenClaims, @Query() q: OverdueQuery): Promise<OverdueListView> {
    const actor = await this.actors.caller(principal);
    const access = supervisionAccess(actor);
    if (!access.ok) throw new ProblemException(403, 'SUPERVISION.SUPERVISOR_ONLY', access.reason);

    const now = this.clock.now();
    // Due within N local days means due before the end of the Nth day, at most N+1 days of wall time from now.
    const cutoff = new Date(Date.parse(now) + (q.withinDays + 1) * DAY_MS).toISOString();
    const rows = await this.cases.withDeadlineOwedBefore(readScope(actor), cutoff);
    const entries: Entry[] = [];
    for (const row of rows) {
      const clock = await this.clock.of(row.policyVersion, now);
      for (const d of deadlinesToWatch(row.state as unknown as CaseState, clock, q.withinDays)) entries.push({ row, d });
    }
    entries.sort((a, b) => byUrgency(a.d, b.d) || a.row.caseNumber.localeCompare(b.row.caseNumber) || a.d.kind.localeCompare(b.d.kind));

    const page = entries.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    const staff = page.length ? await this.people.agencyActors(actor.agencyId) : [];
    return {
      items: await Promise.all(page.map((e) => this.item(e, staff, now))),
      total: entries.length,
      page: q.page,
      pageSize: q.pageSize,
      withinDays: q.withinDays,
      asOf: now,
      counts: counts(entries),
    };
  }

  private async item({ row, d }: Entry, staff: ActorSnapshot[], now: string): Promise<OverdueItemView> {
    const state = row.state as unknown as CaseState;
    const policy = await this.directory.publishedPolicy(row.policyVersion);
    const party = row.party as unknown as { type: string; name: string };
    return {
      caseId: row.id,
      caseNumber: row.caseNumber,
      status: row.status,
      procedure: row.procedure,
      party: { type: party.type, name: party.name },
      flags: row.flags,
      deadline: d.kind,
      state: d.state,
      dueAt: d.dueAt,
      dueDate: d.dueDate,
      daysLeft: d.daysLeft,
      overdue: d.overdue,
      basis: state.deadlines[d.kind]!.basis as DeadlineBasisView,
      officers: row.officers as unknown as CaseOfficerView[],
      responsible: awaitedFor(state, d.kind, staff, policy ? { now, policy } : {}),
    };
  }
}

function counts(entries: Entry[]): OverdueCountView[] {
  return DEADLINE_KINDS.map((deadline) => {
    const of = entries.filter((e) => e.d.kind === deadline);
    return { deadline, overdue: of.filter((e) => e.d.overdue).length, near: of.filter((e) => !e.d.overdue).length };
  }).filter((c) => c.overdue + c.near > 0);
}
