import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { calendarProblems } from '@zhifa/domain';
import { AdminEventRepository, CalendarRepository } from '@zhifa/persistence';
import { adminActor } from '../users/agency-admin';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { badRequest, fieldProblem, forbidden } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { CalendarListView, CalendarView, PublishCalendarDto } from './calendar.views';

/**
 * Holiday calendars: published data of their own, one per year, resolved by
 * year for every count (not pinned in a case's policy). Publishing a year
 * sends it to every open case through the jobs, which recount the deadlines it moves.
 */
@ApiTags('calendars')
@ApiBearerAuth()
@Controller('admin/calendars')
export class CalendarsController {
  constructor(
    private readonly actors: ActorService,
    private readonly calendars: CalendarRepository,
    private readonly log: AdminEventRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The published holiday calendars, by year (any signed-in user)', description: 'One calendar per year: its holidays, its adjusted working days (调休) and the source it was published from. Every deadline count resolves the calendar by year.' })
  @ApiOkResponse({ type: CalendarListView })
  @ApiProblems(AUTHENTICATED)
  async list(@Principal() principal: TokenClaims): Promise<CalendarListView> {
    await this.actors.caller(principal);
    return { items: await this.calendars.all() };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Publish a year of holidays (ADMIN); running cases recount the deadlines it moves',
    description: 'A year is published once. Each bad date is named: not a date, outside its year, listed twice, in both lists, or a 调休 day that is not a weekend day.',
  })
  @ApiCreatedResponse({ type: CalendarView })
  @ApiProblems(AUTHENTICATED, { 400: 'VALIDATION.FAILED: each bad date named by its place in its list; a year already published', 403: 'CALENDAR.ADMIN_ONLY' })
  async publish(@Principal() principal: TokenClaims, @Body() dto: PublishCalendarDto): Promise<CalendarView> {
    const actor = await this.actors.caller(principal);
    if (!actor.roles.includes('ADMIN')) {
      throw forbidden('CALENDAR.ADMIN_ONLY', { en: 'Only an administrator publishes holiday calendars', zh: '只有系统管理员可以发布节假日安排' });
    }
    const calendar = { year: dto.year, holidays: dto.holidays, adjustedWorkingDays: dto.adjustedWorkingDays, source: dto.source };
    const published = (await this.calendars.all()).map((c) => c.year);
    const problems = calendarProblems(calendar, published);
    const reject = () =>
      badRequest(
        problems.map((p) => fieldProblem(p.field, { en: p.en, zh: p.zh })),
        { en: `The ${dto.year} calendar cannot be published: ${problems.map((p) => p.en).join('; ')}`, zh: `${dto.year}年节假日安排不能发布：${problems.map((p) => p.zh).join('；')}` },
      );
    if (problems.length) throw reject();
    const at = new Date();
    const view = { ...calendar, publishedAt: at.toISOString(), publishedBy: actor.name };
    const done = await this.log.changing(
      (m) => this.calendars.publish(calendar, actor.name, at, m),
      (ok) =>
        ok
          ? { agencyId: actor.agencyId, actor: adminActor(actor), action: 'CALENDAR_PUBLISHED', subjectType: 'CALENDAR', subjectId: String(dto.year), before: null, after: view }
          : null,
    );
    if (!done) {
      // Published by someone else meanwhile.
      problems.push(...calendarProblems(calendar, [dto.year]).filter((p) => p.code === 'ALREADY_PUBLISHED'));
      throw reject();
    }
    return view;
  }
}
