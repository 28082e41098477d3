import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from '@zhifa/domain';
import { UserEntity } from '@zhifa/persistence';
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
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tokens: HmacTokenVerifier,
  ) {}

  @Get('tokens')
  async list(): Promise<{ userId: string; username: string; name: string; roles: string[]; token: string }[]> {
    const users = await this.ds.getRepository(UserEntity).find({ where: { active: true }, order: { username: 'ASC' } });
    return Promise.all(
      users.map(async (u) => ({
        userId: u.id,
        username: u.username,
        name: u.name,
        roles: u.roles,
        token: await this.tokens.issue({ sub: u.id, agencyId: u.agencyId, roles: u.roles as Role[] }),
      })),
    );
  }
}
