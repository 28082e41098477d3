import { Controller, Get, Inject, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@zhifa/config';
import { localMidnight, parseDay, supervisionAccess } from '@zhifa/domain';
import { StatisticsRepository } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { badRequest, fieldProblem, ProblemException } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { statisticsCsv } from './statistics.csv';
import { statisticsXlsx } from './statistics.xlsx';
import { StatisticsQuery, StatisticsView } from './statistics.views';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Enforcement statistics of the supervisor's agency over a period (docs/supervision.md, "Statistics"). */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
export class SupervisionStatisticsController {
  constructor(
    private readonly actors: ActorService,
    private readonly statistics: StatisticsRepository,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  @Get('statistics')
  @ApiOperation({
    summary: "Enforcement statistics of the supervisor's agency over a period, grouped by agency, officer, violation code or procedure; CSV or XLSX on request (SUPERVISOR)",
    description: 'Each figure is defined in docs/supervision.md ("Statistics"). Days are local days in CASE_TIME_ZONE, both ends inclusive.',
  })
  @ApiProduces('application/json', 'text/csv', XLSX)
  @ApiOkResponse({ type: StatisticsView })
  @ApiProblems(AUTHENTICATED, { 400: true, 403: 'SUPERVISION.SUPERVISOR_ONLY: only a supervisor reads supervision views' })
  async report(@Principal() principal: TokenClaims, @Query() q: StatisticsQuery, @Res({ passthrough: true }) res: Response): Promise<StatisticsView | string | StreamableFile> {
    const actor = await this.actors.caller(principal);
    const access = supervisionAccess(actor);
    if (!access.ok) throw new ProblemException(403, 'SUPERVISION.SUPERVISOR_ONLY', access.reason);
    if (q.to < q.from) {
      throw badRequest([fieldProblem('to', { en: `must not precede from (${q.from})`, zh: `截止日期不得早于起始日期（${q.from}）` })]);
    }
    const tz = this.cfg.timeZone;
    const groups = await this.statistics.report({
      agencyId: actor.agencyId,
      from: new Date(localMidnight(parseDay(q.from), tz)).toISOString(),
      to: new Date(localMidnight(parseDay(q.to) + 1, tz)).toISOString(),
      groupBy: q.groupBy,
      days: { from: q.from, to: q.to, timeZone: tz },
    });
    if (q.format === 'json') return { from: q.from, to: q.to, groupBy: q.groupBy, groups };
    const file = `statistics-${q.groupBy}-${q.from}-${q.to}.${q.format}`;
    res.setHeader('Content-Disposition', `attachment; filename="${file}"`);
    if (q.format === 'xlsx') {
      return new StreamableFile(await statisticsXlsx(groups, `${q.from} ~ ${q.to}`), { type: XLSX });
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    return statisticsCsv(groups);
  }
}
