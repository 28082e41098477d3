import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { supervisionAccess } from '@zhifa/domain';
import { PersonalDataAccessRepository } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { ProblemException } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { PersonalDataAccessListView, PersonalDataAccessQuery } from './personal-data.views';

/** PIPL: who read which party's full personal information, when and why. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
export class SupervisionPersonalDataController {
  constructor(
    private readonly actors: ActorService,
    private readonly log: PersonalDataAccessRepository,
  ) {}

  @Get('personal-data-access')
  @ApiOperation({ summary: "Every read of a party's full ID number, phone or address in the supervisor's agency, newest first, with who, when, which case and the reason given (SUPERVISOR)", description: 'The log of full personal-information reads, document and evidence downloads included: who read what, of which case, when and for what stated reason (PIPL).' })
  @ApiOkResponse({ type: PersonalDataAccessListView })
  @ApiProblems(AUTHENTICATED, { 400: true, 403: 'SUPERVISION.SUPERVISOR_ONLY: only a supervisor reads supervision views' })
  async reads(@Principal() principal: TokenClaims, @Query() q: PersonalDataAccessQuery): Promise<PersonalDataAccessListView> {
    const actor = await this.actors.caller(principal);
    const access = supervisionAccess(actor);
    if (!access.ok) throw new ProblemException(403, 'SUPERVISION.SUPERVISOR_ONLY', access.reason);
    const { items, total } = await this.log.list(actor.agencyId, { ...(q.caseId ? { caseId: q.caseId } : {}), page: q.page, pageSize: q.pageSize });
    return { items, total, page: q.page, pageSize: q.pageSize };
  }
}
