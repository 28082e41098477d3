import { Controller, Get, Headers, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { personalFieldsOf, type CaseState } from '@zhifa/domain';
import { PersonalDataAccessRepository } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { UnmaskedPersonalData } from '../common/personal-data.interceptor';
import { badRequest, fieldProblem } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { CaseDirectoryService } from './case-directory.service';
import { PartyView } from './case-view';

/** The longest reason kept (a sentence, not a file). */
const REASON_MAX = 200;

/** PIPL: the party's full personal information, read for a stated reason and logged. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasePartyController {
  constructor(
    private readonly actors: ActorService,
    private readonly directory: CaseDirectoryService,
    private readonly log: PersonalDataAccessRepository,
  ) {}

  @Get(':id/party')
  @UnmaskedPersonalData()
  @ApiOperation({
    summary: "The party with its full ID number, phone and address, for a stated reason; the read is logged for supervisors (every other view shows them masked)",
  })
  @ApiHeader({ name: 'X-Access-Reason', required: true, description: `Why the full values are needed (e.g. 送达决定书), at most ${REASON_MAX} characters, URI-encoded when not ASCII` })
  @ApiOkResponse({ type: PartyView })
  @ApiProblems(AUTHENTICATED, { 400: true, 403: 'CASE.NOT_ASSIGNED', 404: 'CASE.NOT_FOUND' })
  async party(@Principal() principal: TokenClaims, @Param('id') id: string, @Headers('x-access-reason') header: string | undefined): Promise<PartyView> {
    const actor = await this.actors.caller(principal);
    const row = await this.directory.caseRow(id);
    this.directory.assertCanRead(row, actor);
    const reason = decodeReason(header);
    const party = (row.state as unknown as CaseState).party;
    await this.log.record({
      caseId: row.id,
      caseNumber: row.caseNumber,
      agencyId: row.agencyId,
      userId: actor.userId,
      userName: actor.name,
      roles: [...actor.roles],
      fields: personalFieldsOf(party),
      reason,
    });
    return party as PartyView;
  }
}

/** The header's reason, decoded; a missing, blank, undecodable or overlong one is a 400 naming the header. */
function decodeReason(header: string | undefined): string {
  let reason = '';
  try {
    reason = decodeURIComponent(header ?? '').trim();
  } catch {
    throw badRequest([fieldProblem('X-Access-Reason', { en: 'is not valid URI-encoded text', zh: '不是有效的 URI 编码文本' })]);
  }
  if (!reason) {
    throw badRequest(
      [fieldProblem('X-Access-Reason', { en: 'is required: say why the full ID number, phone or address is needed', zh: '必须填写：说明查看完整身份证号、电话或地址的理由' })],
      { en: "A party's full personal information is read only for a stated reason (PIPL)", zh: '查看当事人完整个人信息须说明理由（《个人信息保护法》）' },
    );
  }
  if ([...reason].length > REASON_MAX) throw badRequest([fieldProblem('X-Access-Reason', { en: `is longer than ${REASON_MAX} characters`, zh: `超过${REASON_MAX}个字` })]);
  return reason;
}
