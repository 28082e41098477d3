import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ROLES } from '@zhifa/domain';
import { PeopleRepository } from '@zhifa/persistence';
import { Public } from '../auth/auth.decorators';
import { HmacTokenVerifier } from '../auth/token-verifier';
import { ApiProblems } from '../common/problem.openapi';

/** A demo user and a bearer token for them. */
export class DevTokenView {
  @ApiProperty({ type: String, format: 'uuid' })
  userId!: string;

  @ApiProperty({ type: String, example: 'officer.zhang' })
  username!: string;

  @ApiProperty({ type: String, example: '张明' })
  name!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: string[];

  @ApiProperty({ type: String, description: 'Send as Authorization: Bearer <token>' })
  token!: string;
}

/**
 * Ready-made tokens for every active user. Registered only when NODE_ENV is
 * not production (see ApiModule), so it does not exist in a real deployment.
 */
@ApiTags('dev')
@Public()
@Controller('dev')
export class DevTokensController {
  constructor(
    private readonly people: PeopleRepository,
    private readonly tokens: HmacTokenVerifier,
  ) {}

  @Get('tokens')
  @ApiOperation({ summary: 'Development only: a token for every demo user, for one-click sign-in', description: 'Registered only when NODE_ENV is not production, so it does not exist in a real deployment. Production tokens come from the agency\'s identity provider.' })
  @ApiOkResponse({ type: [DevTokenView] })
  @ApiProblems()
  async list(): Promise<DevTokenView[]> {
    const users = await this.people.activeUsers();
    return Promise.all(
      users.map(async (u) => ({
        userId: u.id,
        username: u.username,
        name: u.name,
        roles: u.roles,
        token: await this.tokens.issue({ sub: u.id, agencyId: u.agencyId, roles: u.roles }),
      })),
    );
  }
}
