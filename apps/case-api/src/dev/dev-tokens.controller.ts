import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PeopleRepository } from '@zhifa/persistence';
import { Public } from '../auth/auth.decorators';
import { HmacTokenVerifier } from '../auth/token-verifier';

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
  @ApiOperation({ summary: 'Development only: a token for every demo user, for one-click sign-in' })
  async list(): Promise<{ userId: string; username: string; name: string; roles: string[]; token: string }[]> {
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
