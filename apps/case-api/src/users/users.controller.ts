import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { liaisonBodyProblems, TRANSFER_LIAISON_ROLES, type Role } from '@zhifa/domain';
import { OutsideBodyRepository, UserAdminRepository, type UserFields } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { refuseBodies } from '../bodies/body-problems';
import { badRequest, fieldProblem, ProblemException } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { adminActor, agencyAdmin } from './agency-admin';
import { AdminUserListView, AdminUserView, CreateUserDto, UpdateUserDto } from './user.views';

/**
 * The users of the administrator's own agency: created and edited here
 * (name, roles, outside body, active). A police or procuratorate liaison
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
  ) {}

  @Get()
  @ApiOperation({ summary: 'The users of my agency, active or not, with roles and outside body (ADMIN)' })
  @ApiOkResponse({ type: AdminUserListView })
  @ApiProblems(AUTHENTICATED, { 403: 'USER.ADMIN_ONLY' })
  async list(@Principal() principal: TokenClaims): Promise<AdminUserListView> {
    const admin = await agencyAdmin(this.actors, principal);
    return { items: await this.users.agencyUsers(admin.agencyId) };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a user of my agency (ADMIN); a liaison names the registered body they belong to' })
  @ApiCreatedResponse({ type: AdminUserView })
  @ApiProblems(AUTHENTICATED, { 400: 'VALIDATION.FAILED (a username taken; a body on a user who is no liaison); BODY.NOT_REGISTERED', 403: 'USER.ADMIN_ONLY' })
  async create(@Principal() principal: TokenClaims, @Body() dto: CreateUserDto): Promise<AdminUserView> {
    const admin = await agencyAdmin(this.actors, principal);
    const fields = await this.checked({ name: dto.name, roles: dto.roles, body: dto.body ?? null, active: true });
    const user = await this.users.create(admin.agencyId, dto.username, fields, adminActor(admin));
    if (!user) throw badRequest([fieldProblem('username', { en: `${dto.username} is taken`, zh: `用户名${dto.username}已被使用` })]);
    return user;
  }

  @Patch(':id')
  @ApiOperation({ summary: "Edit a user of my agency (ADMIN): name, roles, outside body, active" })
  @ApiOkResponse({ type: AdminUserView })
  @ApiProblems(AUTHENTICATED, { 400: 'VALIDATION.FAILED; BODY.NOT_REGISTERED', 403: 'USER.ADMIN_ONLY', 404: 'USER.NOT_FOUND' })
  async update(@Principal() principal: TokenClaims, @Param('id') id: string, @Body() dto: UpdateUserDto): Promise<AdminUserView> {
    const admin = await agencyAdmin(this.actors, principal);
    const user = await this.users.user(admin.agencyId, id);
    if (!user) throw new ProblemException(404, 'USER.NOT_FOUND', { en: `No user with id ${id} in your agency`, zh: `本机关没有编号为${id}的用户` });
    const fields = await this.checked({
      name: dto.name ?? user.name,
      roles: dto.roles ?? user.roles,
      body: dto.body === undefined ? (user.body ?? null) : dto.body,
      active: dto.active ?? user.active,
    });
    return (await this.users.update(admin.agencyId, id, fields, adminActor(admin)))!;
  }

  /** A liaison belongs to an active registered body of their role's kind; anyone else to none. */
  private async checked(fields: UserFields): Promise<UserFields> {
    const liaison = fields.roles.some((r: Role) => TRANSFER_LIAISON_ROLES.includes(r));
    if (!liaison && fields.body !== null) {
      throw badRequest([fieldProblem('body', { en: 'Only a police or procuratorate liaison belongs to an outside body', zh: '只有公安机关或人民检察院联络人员属于外部机关' })]);
    }
    refuseBodies(liaisonBodyProblems(await this.bodies.register(), fields.roles, fields.body));
    return fields;
  }
}
