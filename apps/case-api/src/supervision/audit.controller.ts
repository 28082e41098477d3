import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { supervisionAccess, type ActorSnapshot } from '@zhifa/domain';
import { AlertRepository, ReadModelRepository, StuckCaseRepository } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { ProblemException } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { AlertListView, AlertsQuery, AlertView, ReadModelRepairView, StuckCaseListView } from './audit.views';

const alertView = ({ id, kind, caseId, caseNumber, detail, raisedAt, acknowledgedBy, acknowledgedByName, acknowledgedAt }: AlertView): AlertView => ({
  id,
  kind,
  caseId,
  caseNumber,
  detail,
  raisedAt,
  acknowledgedBy,
  acknowledgedByName,
  acknowledgedAt,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The record's own audit: alerts the nightly chain verification raised, the
 * cases the reconciliation job found stuck, and the repair of a read model
 * from its chain. Scoped to the supervisor's agency.
 */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
export class SupervisionAuditController {
  constructor(
    private readonly actors: ActorService,
    private readonly alerts: AlertRepository,
    private readonly stuck: StuckCaseRepository,
    private readonly readModels: ReadModelRepository,
  ) {}

  @Get('alerts')
  @ApiOperation({ summary: "Alerts about the agency's cases (a hash chain that breaks), open ones first, newest first (SUPERVISOR)", description: 'Raised by the nightly chain verification of the jobs app. An alert stays open until a supervisor acknowledges it; a chain that breaks again raises no second open alert.' })
  @ApiOkResponse({ type: AlertListView })
  @ApiProblems(AUTHENTICATED, { 400: true, 403: 'SUPERVISION.SUPERVISOR_ONLY: only a supervisor reads supervision views' })
  async list(@Principal() principal: TokenClaims, @Query() q: AlertsQuery): Promise<AlertListView> {
    const actor = await this.supervisor(principal);
    return { items: await this.alerts.list(actor.agencyId, { open: q.open }) };
  }

  @Post('alerts/:id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge an alert: who and when are kept; acknowledging it again changes nothing (SUPERVISOR)', description: 'Acknowledging says a supervisor has seen the alert; it does not repair the chain. Acknowledging an acknowledged alert answers it as it stands.' })
  @ApiOkResponse({ type: AlertView })
  @ApiProblems(AUTHENTICATED, {
    403: 'SUPERVISION.SUPERVISOR_ONLY: only a supervisor acknowledges alerts',
    404: 'SUPERVISION.ALERT_NOT_FOUND: no such alert in the supervisor\'s agency',
  })
  async acknowledge(@Principal() principal: TokenClaims, @Param('id') id: string): Promise<AlertView> {
    const actor = await this.supervisor(principal);
    const found = await this.alerts.get(id);
    if (!found || found.agencyId !== actor.agencyId) throw new ProblemException(404, 'SUPERVISION.ALERT_NOT_FOUND', { en: `No alert ${id}`, zh: `没有编号为 ${id} 的预警` });
    const acked = await this.alerts.acknowledge(id, { userId: actor.userId, name: actor.name });
    return alertView(acked!);
  }

  @Get('stuck')
  @ApiOperation({
    summary: "The agency's cases the last reconciliation found stuck, with the cause (SUPERVISOR)",
    description:
      'An open case whose workflow is not running (failed, terminated, cancelled, timed out, ended, missing), or a case whose read model disagrees with its event chain (status, last seq, deadlines). The reconciliation job runs on a schedule (RECONCILIATION_SCHEDULE).',
  })
  @ApiOkResponse({ type: StuckCaseListView })
  @ApiProblems(AUTHENTICATED, { 403: 'SUPERVISION.SUPERVISOR_ONLY: only a supervisor reads supervision views' })
  async stuckCases(@Principal() principal: TokenClaims): Promise<StuckCaseListView> {
    const actor = await this.supervisor(principal);
    return { items: await this.stuck.list(actor.agencyId) };
  }

  @Post('stuck/:caseId/repair')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rebuild a case\'s read model from its event chain (SUPERVISOR); recorded; repeated, it changes nothing',
    description: 'Folds the chain under the pinned policy and writes the read model (case row, party, evidence) as the chain says. It does not touch the chain or the workflow. Each repair is recorded (who, when, what differed).',
  })
  @ApiOkResponse({ type: ReadModelRepairView })
  @ApiProblems(AUTHENTICATED, {
    403: 'SUPERVISION.SUPERVISOR_ONLY: only a supervisor repairs read models',
    404: "CASE.NOT_FOUND: no chain for this case in the supervisor's agency",
  })
  async repair(@Principal() principal: TokenClaims, @Param('caseId') caseId: string): Promise<ReadModelRepairView> {
    const actor = await this.supervisor(principal);
    const folded = UUID.test(caseId) ? await this.readModels.fold(caseId) : null;
    if (!folded || folded.state.agencyId !== actor.agencyId) throw new ProblemException(404, 'CASE.NOT_FOUND', { en: `No case ${caseId}`, zh: `案件 ${caseId} 不存在` });
    const rebuilt = await this.readModels.rebuild(caseId);
    await this.stuck.clearReadModelFinding(caseId);
    return this.stuck.recordRepair({ caseId, repairedBy: actor.userId, repairedByName: actor.name, changed: rebuilt!.changed, drift: rebuilt!.drift }) as Promise<ReadModelRepairView>;
  }

  private async supervisor(principal: TokenClaims): Promise<ActorSnapshot> {
    const actor = await this.actors.caller(principal);
    const access = supervisionAccess(actor);
    if (!access.ok) throw new ProblemException(403, 'SUPERVISION.SUPERVISOR_ONLY', access.reason);
    return actor;
  }
}
