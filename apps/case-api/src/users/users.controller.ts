import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { liaisonBodyProblems, TRANSFER_LIAISON_ROLES, type Role } from '@zhifa/domain';
import { AgencyRepository, OutsideBodyRepository, UserAdminRepository, type AdminUser, type UserFields } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { refuseBodies } from '../bodies/body-problems';
import { badRequest, fieldProblem, forbidden, ProblemException } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { adminActor, administeredAgency, userAdministrator, type UserAdministrator } from './agency-admin';
import { AdminUserListView, AdminUserView, CreateUserDto, UpdateUserDto, UsersQuery } from './user.views';

/**
 * The users of the administrator's own agency — of any agency for a system
 * administrator (`agencyId`) — created and edited here (name, roles, outside
 * body, active). Only a system administrator grants, withdraws or edits the
 * SYSTEM_ADMIN role. A police or procuratorate liaison
 * belongs to an active registered body of their kind (R310: the body a
 * transfer is addressed to answers it); the agency's staff belong to none.
 * Each change is recorded in the administration log (USER_CREATED,
 * USER_UPDATED) in its transaction; certificates in CertificatesController.
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('admin/users')
export class UsersController {
  constructor(
    private readonly actors: ActorService,
    private readonly users: UserAdminRepository,
    private readonly bodies: OutsideBodyRepository,
    private readonly agencies: AgencyRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The users of my agency (ADMIN), or of any agency (SYSTEM_ADMIN, `agencyId`), active or not, with roles and outside body', description: 'Every user, active or not, with roles, outside body (for a liaison) and certificates. A system administrator names the agency with `agencyId`; an agency administrator reads only their own.' })
  @ApiOkResponse({ type: AdminUserListView })
  @ApiProblems(AUTHENTICATED, { 400: true, 403: 'USER.ADMIN_ONLY, AGENCY.OWN_ONLY', 404: 'AGENCY.NOT_FOUND' })
  async list(@Principal() principal: TokenClaims, @Query() q: UsersQuery): Promise<AdminUserListView> {
    const admin = await userAdministrator(this.actors, principal);
    return { items: await this.users.agencyUsers(await this.agency(admin, q.agencyId)) };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a user of my agency (ADMIN) or of any agency (SYSTEM_ADMIN, `agencyId`); a liaison names the registered body they belong to', description: 'The new user is recorded in the administration log. Only a system administrator grants SYSTEM_ADMIN (403 USER.SYSTEM_ADMIN_ONLY otherwise); a police or procuratorate liaison must name a registered body.' })
  @ApiCreatedResponse({ type: AdminUserView })
  @ApiProblems(AUTHENTICATED, {
    400: 'VALIDATION.FAILED (a username taken; a body on a user who is no liaison); BODY.NOT_REGISTERED',
    403: 'USER.ADMIN_ONLY, AGENCY.OWN_ONLY, USER.SYSTEM_ADMIN_ONLY',
    404: 'AGENCY.NOT_FOUND',
  })
  async create(@Principal() principal: TokenClaims, @Body() dto: CreateUserDto): Promise<AdminUserView> {
    const admin = await userAdministrator(this.actors, principal);
    const agencyId = await this.agency(admin, dto.agencyId);
    const fields = await this.checked(admin, { name: dto.name, roles: dto.roles, body: dto.body ?? null, active: true });
    const user = await this.users.create(agencyId, dto.username, fields, adminActor(admin.actor));
    if (!user) throw badRequest([fieldProblem('username', { en: `${dto.username} is taken`, zh: `用户名${dto.username}已被使用` })]);
    return user;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a user of my agency (ADMIN) or of any agency (SYSTEM_ADMIN): name, roles, outside body, active', description: 'Only the fields sent change; the change, from what to what, is recorded in the administration log. A deactivated user can no longer sign in or act; their past acts stay on the record.' })
  @ApiOkResponse({ type: AdminUserView })
  @ApiProblems(AUTHENTICATED, { 400: 'VALIDATION.FAILED; BODY.NOT_REGISTERED', 403: 'USER.ADMIN_ONLY, USER.SYSTEM_ADMIN_ONLY', 404: 'USER.NOT_FOUND' })
  async update(@Principal() principal: TokenClaims, @Param('id') id: string, @Body() dto: UpdateUserDto): Promise<AdminUserView> {
    const admin = await userAdministrator(this.actors, principal);
    const agencyId = admin.system ? ((await this.users.agencyOf(id)) ?? admin.actor.agencyId) : admin.actor.agencyId;
    const user = await this.users.user(agencyId, id);
    if (!user) throw new ProblemException(404, 'USER.NOT_FOUND', { en: `No user with id ${id} in your agency`, zh: `本机关没有编号为${id}的用户` });
    const fields = await this.checked(admin, {
      name: dto.name ?? user.name,
      roles: dto.roles ?? user.roles,
      body: dto.body === undefined ? (user.body ?? null) : dto.body,
      active: dto.active ?? user.active,
    }, user);
    return (await this.users.update(agencyId, id, fields, adminActor(admin.actor)))!;
  }

  /** The agency a request names, checked: the caller may manage it, and it exists. */
  private async agency(admin: UserAdministrator, requested: string | undefined): Promise<string> {
    const agencyId = administeredAgency(admin, requested);
    if (!(await this.agencies.byId(agencyId))) {
      throw new ProblemException(404, 'AGENCY.NOT_FOUND', { en: `No agency with id ${agencyId}`, zh: `没有编号为${agencyId}的机关` });
    }
    return agencyId;
  }

  /**
   * Only a system administrator grants, withdraws or edits SYSTEM_ADMIN (an
   * agency's administrator would otherwise raise themselves above it); a
   * liaison belongs to an active registered body of their role's kind, anyone
   * else to none.
   */
  private async checked(admin: UserAdministrator, fields: UserFields, before?: AdminUser): Promise<UserFields> {
    if (!admin.system && (fields.roles.includes('SYSTEM_ADMIN') || before?.roles.includes('SYSTEM_ADMIN'))) {
      throw forbidden('USER.SYSTEM_ADMIN_ONLY', {
        en: 'Only a system administrator grants, withdraws or edits the system administrator role',
        zh: '只有平台管理员可以授予、撤销或修改平台管理员角色',
      });
    }
    const liaison = fields.roles.some((r: Role) => TRANSFER_LIAISON_ROLES.includes(r));
    if (!liaison && fields.body !== null) {
      throw badRequest([fieldProblem('body', { en: 'Only a police or procuratorate liaison belongs to an outside body', zh: '只有公安机关或人民检察院联络人员属于外部机关' })]);
    }
    refuseBodies(liaisonBodyProblems(await this.bodies.register(), fields.roles, fields.body));
    return fields;
  }
}
