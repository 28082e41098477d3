import { Controller, Get, Headers, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CaseState } from '@zhifa/domain';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { ACCESS_REASON_HEADER, accessReason, PersonalDataReads } from '../common/access-reason';
import { UnmaskedPersonalData } from '../common/personal-data.interceptor';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { CaseDirectoryService } from './case-directory.service';
import { PartyView } from './case-view';

/** PIPL: the party's full personal information, read for a stated reason and logged. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasePartyController {
  constructor(
    private readonly actors: ActorService,
    private readonly directory: CaseDirectoryService,
    private readonly reads: PersonalDataReads,
  ) {}

  @Get(':id/party')
  @UnmaskedPersonalData()
  @ApiOperation({
    summary: "The party with its full ID number, phone and address, for a stated reason; the read is logged for supervisors (every other view shows them masked)", description: 'Case views mask a party\'s ID number, phone and address; this read gives them in full. Requires `X-Access-Reason`; every read is logged with who, when and why, and supervisors read that log (PIPL).',
  })
  @ApiHeader(ACCESS_REASON_HEADER)
  @ApiOkResponse({ type: PartyView })
  @ApiProblems(AUTHENTICATED, { 400: true, 403: 'CASE.NOT_ASSIGNED', 404: 'CASE.NOT_FOUND' })
  async party(@Principal() principal: TokenClaims, @Param('id') id: string, @Headers('x-access-reason') header: string | undefined): Promise<PartyView> {
    const actor = await this.actors.caller(principal);
    const row = await this.directory.caseRow(id);
    this.directory.assertCanRead(row, actor);
    await this.reads.record(row, actor, accessReason(header), 'PARTY');
    return (row.state as unknown as CaseState).party as PartyView;
  }
}
