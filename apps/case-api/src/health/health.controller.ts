import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DatabaseRepository } from '@zhifa/persistence';
import { Public } from '../auth/auth.decorators';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import { ApiProblems } from '../common/problem.openapi';
import { RedisProvider } from './redis.provider';

type Check = { status: 'up' } | { status: 'down'; error: string };

const CHECK_TIMEOUT_MS = 2000;

export class HealthView {
  @ApiProperty({ type: String, enum: ['ok'] })
  status!: 'ok';
}

export class CheckView {
  @ApiProperty({ type: String, enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiPropertyOptional({ type: String, description: 'Why it is down' })
  error?: string;
}

export class ChecksView {
  @ApiProperty({ type: CheckView })
  postgres!: CheckView;

  @ApiProperty({ type: CheckView })
  redis!: CheckView;

  @ApiProperty({ type: CheckView })
  temporal!: CheckView;
}

export class ReadyView {
  @ApiProperty({ type: String, enum: ['ready', 'unavailable'] })
  status!: 'ready' | 'unavailable';

  @ApiProperty({ type: String, enum: ['postgres', 'redis', 'temporal'], isArray: true, description: 'The dependencies that are down' })
  down!: string[];

  @ApiProperty({ type: ChecksView })
  checks!: ChecksView;
}

async function probe(fn: () => Promise<unknown>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up' };
  } catch (err) {
    return { status: 'down', error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly database: DatabaseRepository,
    private readonly redis: RedisProvider,
    private readonly temporal: TemporalClientProvider,
  ) {}

  /** Liveness: the process answers. */
  @Get('health')
  @ApiOperation({ summary: 'Liveness: the process answers', description: 'Answers 200 while the process runs, without touching Postgres, Redis or Temporal: for a liveness probe that restarts a hung process, never one that is only waiting for a dependency. Outside /api/v1, no sign-in.' })
  @HttpCode(200)
  @ApiOkResponse({ type: HealthView })
  @ApiProblems()
  health(): HealthView {
    return { status: 'ok' };
  }

  /** Readiness: each dependency is checked; 503 names the ones that are down. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: Postgres, Redis and Temporal reachable', description: 'Checks each dependency in turn; 200 when all answer, 503 naming the ones that are down. For a load balancer or an orchestrator\'s readiness probe. Outside /api/v1, no sign-in.' })
  @ApiOkResponse({ type: ReadyView, description: 'Every dependency answers' })
  @ApiResponse({ status: 503, type: ReadyView, description: 'Some dependency is down: `down` names it (not a problem body: the same shape as 200)' })
  @ApiProblems()
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadyView> {
    const [postgres, redis, temporal] = await Promise.all([
      probe(() => this.database.ping()),
      probe(async () => {
        const { status } = this.redis.redis;
        if (status !== 'ready') throw new Error(`not connected (connection ${status})`);
        return this.redis.redis.ping();
      }),
      probe(() => this.temporal.connection.healthService.check({})),
    ]);
    const checks: ChecksView = { postgres, redis, temporal };
    const down = Object.entries(checks)
      .filter(([, c]) => c.status === 'down')
      .map(([name]) => name);
    res.status(down.length ? 503 : 200);
    return { status: down.length ? 'unavailable' : 'ready', down, checks };
  }
}
