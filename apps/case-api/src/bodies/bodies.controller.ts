import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { OUTSIDE_BODY_KINDS, type ActorSnapshot, type OutsideBodyKind } from '@zhifa/domain';
import { AdminEventRepository, OutsideBodyRepository, type NewAdminEvent, type OutsideBody } from '@zhifa/persistence';
import { adminActor } from '../users/agency-admin';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { badRequest, fieldProblem, forbidden, ProblemException } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { BodyListView, BodyOptionListView, BodyView, RegisterBodyDto } from './body.views';

/**
 * The register of outside bodies (两法衔接, R310 6, 7): the police units and
 * procuratorates a transfer is dispatched or forwarded to, and that a
 * liaison belongs to. Administrators register and deactivate them (never
 * delete: past transfers keep their names); anyone signed in reads the active
 * ones, which the dispatch and forwarding forms offer.
 */
@ApiTags('outside bodies')
@ApiBearerAuth()
@Controller()
export class BodiesController {
  constructor(
    private readonly actors: ActorService,
    private readonly bodies: OutsideBodyRepository,
    private readonly log: AdminEventRepository,
  ) {}

  @Get('bodies')
  @ApiOperation({ summary: 'The active police units and procuratorates a transfer may be addressed to (any signed-in user)', description: 'The registered outside bodies that are active now, by kind (police unit, procuratorate): what a dispatch or forwarding of a suspected criminal case (两法衔接) may name.' })
  @ApiQuery({ name: 'kind', required: false, enum: OUTSIDE_BODY_KINDS })
  @ApiOkResponse({ type: BodyOptionListView })
  @ApiProblems(AUTHENTICATED, 400)
  async options(@Principal() principal: TokenClaims, @Query('kind') kind?: string): Promise<BodyOptionListView> {
    if (kind !== undefined && !(OUTSIDE_BODY_KINDS as readonly string[]).includes(kind)) {
      throw badRequest([fieldProblem('kind', { en: `must be one of ${OUTSIDE_BODY_KINDS.join(', ')}`, zh: `须为以下之一：${OUTSIDE_BODY_KINDS.join('、')}` })]);
    }
    await this.actors.caller(principal);
    const items = (await this.bodies.all()).filter((b) => b.active && (kind === undefined || b.kind === (kind as OutsideBodyKind)));
    return { items: items.map(({ id, name, kind: k, region }) => ({ id, name, kind: k, region })) };
  }

  @Get('admin/bodies')
  @ApiOperation({ summary: 'The register of outside bodies with who registered and deactivated each (ADMIN)', description: 'Every outside body, active or not, with who registered it and when, and who deactivated it, when and why. A deactivated body stays in the register so that earlier transfers still name it.' })
  @ApiOkResponse({ type: BodyListView })
  @ApiProblems(AUTHENTICATED, { 403: 'BODY.ADMIN_ONLY' })
  async list(@Principal() principal: TokenClaims): Promise<BodyListView> {
    await this.admin(principal);
    return { items: await this.bodies.all() };
  }

  @Post('admin/bodies')
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a police unit or procuratorate (ADMIN); a name is registered once', description: 'Recorded with who registered it and when.' })
  @ApiCreatedResponse({ type: BodyView })
  @ApiProblems(AUTHENTICATED, { 400: 'VALIDATION.FAILED: a field missing or bad; the name registered already', 403: 'BODY.ADMIN_ONLY' })
  async register(@Principal() principal: TokenClaims, @Body() dto: RegisterBodyDto): Promise<BodyView> {
    const actor = await this.admin(principal);
    const name = dto.name.trim();
    const added = await this.log.changing(
      (m) => this.bodies.add({ name, kind: dto.kind, region: dto.region.trim() }, { userId: actor.userId, name: actor.name }, new Date(), m),
      (b) => (b ? entry(actor, 'BODY_REGISTERED', null, b) : null),
    );
    if (!added) throw badRequest([fieldProblem('name', { en: `${name} is registered already`, zh: `${name}已登记` })]);
    return added;
  }

  @Post('admin/bodies/:id/deactivation')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deactivate a body (ADMIN): no new dispatch, forwarding or liaison may name it',
    description: 'Transfers already addressed to it keep its name and its liaisons; the first deactivation is kept with who did it.',
  })
  @ApiOkResponse({ type: BodyView })
  @ApiProblems(AUTHENTICATED, { 403: 'BODY.ADMIN_ONLY', 404: 'BODY.NOT_FOUND' })
  async deactivate(@Principal() principal: TokenClaims, @Param('id', new ParseUUIDPipe()) id: string): Promise<BodyView> {
    const actor = await this.admin(principal);
    const { after: body } = await this.log.changing(
      (m) => this.bodies.deactivate(id, { userId: actor.userId, name: actor.name }, new Date(), m),
      (c) => (c.changed && c.after ? entry(actor, 'BODY_DEACTIVATED', c.before, c.after) : null),
    );
    if (!body) throw new ProblemException(404, 'BODY.NOT_FOUND', { en: `No registered body with id ${id}`, zh: `外部机关名录中没有编号为${id}的机关` });
    return body;
  }

  private async admin(principal: TokenClaims): Promise<ActorSnapshot> {
    const actor = await this.actors.caller(principal);
    if (!actor.roles.includes('ADMIN')) {
      throw forbidden('BODY.ADMIN_ONLY', { en: 'Only an administrator keeps the register of outside bodies', zh: '只有系统管理员可以维护外部机关名录' });
    }
    return actor;
  }
}

/** A change to the register as the administration log records it (the register is shared; the entry is the administrator's agency's). */
function entry(actor: ActorSnapshot, action: string, before: OutsideBody | null, after: OutsideBody): NewAdminEvent {
  return { agencyId: actor.agencyId, actor: adminActor(actor), action, subjectType: 'BODY', subjectId: after.id, before, after };
}
