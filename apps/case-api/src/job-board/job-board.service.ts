import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { JOB_QUEUES } from '@zhifa/contracts';
import type { Role } from '@zhifa/domain';
import { ActorService } from '../auth/actor.service';
import { bearerToken, verifiedClaims } from '../auth/bearer';
import { TokenVerifier } from '../auth/token-verifier';
import { ProblemException } from '../common/problem';
import { sendProblem } from '../common/problem.filter';

/** Where the dashboard is served: beside /metrics and /health, outside the versioned API. */
export const JOB_BOARD_PATH = '/admin/queues';
/** The cookie a browser carries to the dashboard (its pages cannot send a bearer header). */
export const JOB_BOARD_COOKIE = 'zhifa_job_board';
/** Who sees the queues: supervisors watch them, administrators keep the system running. */
export const JOB_BOARD_ROLES: readonly Role[] = ['SUPERVISOR', 'ADMIN', 'SYSTEM_ADMIN'];

/** What the dashboard shows of a job's data: ids and the event's type, never its payload (a party's name, ID number or address). */
export function jobDataShown(data: unknown): Record<string, unknown> {
  if (!data || typeof data !== 'object') return {};
  const d = data as Record<string, unknown>;
  const shown: Record<string, unknown> = {};
  for (const key of ['eventId', 'caseId', 'seq', 'type', 'requestId', 'calendarId', 'agencyId']) if (d[key] !== undefined) shown[key] = d[key];
  return shown;
}

/**
 * 任务队列看板: bull-board over the jobs app's purpose queues, read-only (a
 * failed job is sent back through the audited retry of
 * /supervision/jobs/failed, never from here), for SUPERVISOR, ADMIN and
 * SYSTEM_ADMIN. The queues serve every agency, so the board shows no job's
 * payload, only its ids and event type. Who may look is judged on every
 * request from Postgres, as for the API: the token (bearer, or the cookie
 * POST /api/v1/admin/job-board/session sets) only names the user.
 */
@Injectable()
export class JobBoard implements OnApplicationShutdown {
  private readonly connection: Redis;
  private readonly queues: Queue[];
  private readonly adapter = new ExpressAdapter();

  constructor(
    @Inject(APP_CONFIG) cfg: AppConfig,
    private readonly verifier: TokenVerifier,
    private readonly actors: ActorService,
  ) {
    this.connection = new Redis(cfg.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    this.connection.on('error', () => undefined); // the board shows Redis as unreachable
    this.queues = JOB_QUEUES.map((name) => new Queue(name, { connection: this.connection }));
    this.adapter.setBasePath(JOB_BOARD_PATH);
    const boards = this.queues.map((q) => {
      const board = new BullMQAdapter(q, { readOnlyMode: true, allowRetries: false });
      board.setFormatter('data', jobDataShown);
      return board;
    });
    createBullBoard({ queues: boards, serverAdapter: this.adapter, options: { uiConfig: { boardTitle: 'zhifa 任务队列' } } });
  }

  /** The dashboard behind its guard, for `app.use(JOB_BOARD_PATH, …)`. */
  handler(): RequestHandler[] {
    const guard = (req: Request, res: Response, next: NextFunction): void => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        // Read-only whatever the board's own routes allow: nothing is paused, added, cleaned or retried from here.
        res.setHeader('Allow', 'GET, HEAD');
        return void sendProblem(req, res, new ProblemException(405, 'JOBS.BOARD_READ_ONLY', {
          en: 'The job board only reads the queues; a failed job is retried from the failed-jobs view, where the retry is recorded',
          zh: '任务队列看板只读；失败任务请在“失败任务”页面重试，重试会被记录',
        }));
      }
      this.admit(req).then(
        () => next(),
        (err: unknown) => void sendProblem(req, res, err),
      );
    };
    return [guard, this.adapter.getRouter() as RequestHandler];
  }

  /** Who the request's token names, if they may see the board; else the problem to answer. */
  async admit(req: Request): Promise<void> {
    const token = bearerToken(req) ?? cookie(req, JOB_BOARD_COOKIE);
    if (!token) {
      throw new ProblemException(401, 'AUTH.TOKEN_MISSING', {
        en: 'Open the job board from the console (it signs the browser in), or send Authorization: Bearer <token>',
        zh: '请从执法办案平台打开任务队列看板（平台会为浏览器登录），或携带 Authorization: Bearer <令牌>',
      });
    }
    const claims = await verifiedClaims(this.verifier, token);
    assertMayWatch((await this.actors.caller(claims)).roles);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close()));
    this.connection.disconnect();
  }
}

export function assertMayWatch(roles: readonly Role[]): void {
  if (roles.some((r) => JOB_BOARD_ROLES.includes(r))) return;
  throw new ProblemException(403, 'JOBS.BOARD_ROLE_REQUIRED', {
    en: `The job board is for supervisors and administrators (${JOB_BOARD_ROLES.join(', ')}); the caller holds ${roles.join(', ') || 'no role'}`,
    zh: '任务队列看板仅供执法监督人员和系统管理员查看',
  });
}

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
