import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ROLES, certificateValidOn, type Role } from '@zhifa/domain';
import { PeopleRepository } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { CaseDirectoryService } from '../cases/case-directory.service';
import { badRequest, fieldProblem } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { MyCertificateView } from '../me/me.controller';

/** One active person of the caller's agency: whom a command may name (officers, reviewers, hosts, attendees). */
export class PersonView {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, example: '张伟' })
  name!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: string[];

  /** The same certificate view as GET /me: the number an officer shows the party anyway. */
  @ApiProperty({ type: [MyCertificateView] })
  certificates!: MyCertificateView[];
}

export class PeopleListView {
  @ApiProperty({ type: [PersonView], description: 'By name' })
  items!: PersonView[];
}

/**
 * The agency's directory as the forms need it: a command names people by id
 * (officers at filing, the legal reviewer, the hearing host, attendees), and
 * the person filling the form picks them by name and sees whose certificate
 * is valid today. No contact details or ID numbers: those are not here.
 */
@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(
    private readonly actors: ActorService,
    private readonly people: PeopleRepository,
    private readonly directory: CaseDirectoryService,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The active people of my agency, with roles and certificates (whom a command may name)",
    description: 'Any signed-in user, own agency only. `role` narrows to the people holding that role.',
  })
  @ApiQuery({ name: 'role', required: false, enum: ROLES })
  @ApiOkResponse({ type: PeopleListView })
  @ApiProblems(AUTHENTICATED, 400)
  async list(@Principal() principal: TokenClaims, @Query('role') role?: string): Promise<PeopleListView> {
    if (role !== undefined && !(ROLES as readonly string[]).includes(role)) {
      throw badRequest([fieldProblem('role', { en: `must be one of ${ROLES.join(', ')}`, zh: `须为以下之一：${ROLES.join('、')}` })]);
    }
    const caller = await this.actors.caller(principal);
    const agency = await this.directory.agency(caller.agencyId);
    const today = await this.directory.agencyToday(agency);
    const staff = await this.people.agencyStaff(caller.agencyId);
    return {
      items: staff
        .filter((p) => role === undefined || p.roles.includes(role as Role))
        .map((p) => ({
          id: p.userId,
          name: p.name,
          roles: [...p.roles],
          certificates: p.certificates.map((c) => ({ ...c, validToday: certificateValidOn(c, today) })),
        })),
    };
  }
}
