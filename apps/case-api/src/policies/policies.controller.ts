import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { addDays, type JurisdictionPolicy } from '@zhifa/domain';
import { CalendarRepository } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { CaseDirectoryService } from '../cases/case-directory.service';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { DueDateQuery } from './due-date.query';
import { DueDateView, PolicyView } from './policy.views';

@ApiTags('policies')
@ApiBearerAuth()
@Controller()
export class PoliciesController {
  constructor(
    private readonly actors: ActorService,
    private readonly directory: CaseDirectoryService,
    private readonly calendars: CalendarRepository,
  ) {}

  /** The policy in force for the caller's jurisdiction: what a new case pins. */
  @Get('policies/current')
  @ApiOperation({ summary: 'The jurisdiction policy in force for my agency: deadlines, thresholds, calendars', description: 'The policy version in force today for the caller\'s jurisdiction: the version a case registered now would pin. Running cases keep the version they pinned.' })
  @ApiOkResponse({ type: PolicyView })
  @ApiProblems(AUTHENTICATED, { 404: 'AGENCY.NOT_FOUND', 409: 'POLICY.NONE_PUBLISHED' })
  async current(@Principal() principal: TokenClaims): Promise<JurisdictionPolicy> {
    return this.currentFor(principal);
  }

  @Get('policies/:version')
  @ApiOperation({ summary: 'A published policy version (versions never change)', description: 'A version is published whole and never edited, so the same version number always answers the same content; a case\'s read model names the version it pinned.' })
  @ApiOkResponse({ type: PolicyView })
  @ApiProblems({ 401: 'AUTH.TOKEN_MISSING, AUTH.TOKEN_INVALID', 404: 'POLICY.NOT_FOUND' })
  async byVersion(@Param('version') version: string): Promise<JurisdictionPolicy> {
    return this.directory.policyVersion(version);
  }

  /**
   * A due date counted with the published holiday calendars (resolved by
   * year, as a case counts), with how it was counted: holidays and 调休 met,
   * roll-forward, sources, warnings. The policy (current or given) is named.
   */
  @Get('calendar/due-date')
  @ApiOperation({ summary: 'Count a period from a start day with the published holiday calendars, and show the basis', description: 'Counts as a case counts: calendar days, working days (holidays and 调休 working days from the published calendars, resolved by year) or months, with the basis shown: holidays met, roll-forward, calendar sources and warnings (a year not yet published).' })
  @ApiOkResponse({ type: DueDateView })
  @ApiProblems(AUTHENTICATED, { 400: 'VALIDATION.FAILED: start, days or kind', 404: 'POLICY.NOT_FOUND, AGENCY.NOT_FOUND', 409: 'POLICY.NONE_PUBLISHED' })
  async dueDate(@Principal() principal: TokenClaims, @Query() q: DueDateQuery): Promise<DueDateView> {
    const policy = q.policyVersion ? await this.byVersion(q.policyVersion) : await this.currentFor(principal);
    const result = addDays({ startDate: q.start, days: q.days, kind: q.kind, calendars: await this.calendars.forCases() });
    return { start: q.start, days: q.days, kind: q.kind, policyVersion: policy.version, startDayCounted: false, ...result };
  }

  private async currentFor(principal: TokenClaims): Promise<JurisdictionPolicy> {
    const actor = await this.actors.caller(principal);
    const agency = await this.directory.agency(actor.agencyId);
    return this.directory.currentPolicy(agency.jurisdiction);
  }
}
