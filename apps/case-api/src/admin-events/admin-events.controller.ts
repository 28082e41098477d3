import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Role } from '@zhifa/domain';
import { AdminEventRepository } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { forbidden } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { AdminChainView, AdminEventListView, ListAdminEventsQuery } from './admin-event.views';

const READERS: readonly Role[] = ['ADMIN', 'SUPERVISOR', 'SYSTEM_ADMIN'];
const VERIFIERS: readonly Role[] = ['SUPERVISOR', 'SYSTEM_ADMIN'];

/**
 * The administration log (admin_events): who changed which person, agency,
 * body, calendar or webhook, when, from what to what and why. An agency's
 * administrators and supervisors read their agency's entries; a system
 * administrator reads every agency's. One hash chain runs over all of them.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/events')
export class AdminEventsController {
  constructor(
    private readonly actors: ActorService,
    private readonly log: AdminEventRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: "The administration log, newest first (ADMIN, SUPERVISOR: their agency's; SYSTEM_ADMIN: every agency's or one's)", description: 'Who changed which person, agency, body, calendar or webhook, when, from what to what and why. Entries are hash-chained; GET /admin/events/verify recomputes the chain.' })
  @ApiOkResponse({ type: AdminEventListView })
  @ApiProblems(AUTHENTICATED, { 400: true, 403: 'ADMIN_LOG.NOT_ALLOWED' })
  async list(@Principal() principal: TokenClaims, @Query() q: ListAdminEventsQuery): Promise<AdminEventListView> {
    const actor = await this.actors.caller(principal);
    if (!actor.roles.some((r) => READERS.includes(r))) throw this.refused();
    const all = actor.roles.includes('SYSTEM_ADMIN');
    if (!all && q.agencyId !== undefined && q.agencyId !== actor.agencyId) {
      throw forbidden('ADMIN_LOG.NOT_ALLOWED', { en: "Only a system administrator reads another agency's entries", zh: '只有平台管理员可以查看其他机关的管理日志' });
    }
    return this.log.list({
      agencyId: all ? (q.agencyId ?? null) : actor.agencyId,
      subjectType: q.subjectType,
      subjectId: q.subjectId,
      page: q.page,
      pageSize: q.pageSize,
    });
  }

  @Get('verify')
  @ApiOperation({ summary: "Walk the administration log's hash chain (SUPERVISOR, SYSTEM_ADMIN)", description: 'brokenAt: the first row whose link or content does not hash as recorded (altered behind the append-only trigger).' })
  @ApiOkResponse({ type: AdminChainView })
  @ApiProblems(AUTHENTICATED, { 403: 'ADMIN_LOG.NOT_ALLOWED' })
  async verify(@Principal() principal: TokenClaims): Promise<AdminChainView> {
    const actor = await this.actors.caller(principal);
    if (!actor.roles.some((r) => VERIFIERS.includes(r))) throw this.refused();
    const { checked, brokenAt } = await this.log.verify();
    return brokenAt === null ? { valid: true, checked } : { valid: false, checked, brokenAt };
  }

  private refused() {
    return forbidden('ADMIN_LOG.NOT_ALLOWED', {
      en: 'The administration log is read by administrators, supervisors and system administrators, and verified by supervisors and system administrators',
      zh: '管理日志仅供系统管理员、监督人员和平台管理员查看，由监督人员和平台管理员核验',
    });
  }
}
