import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { ProblemException } from '../common/problem';

const WINDOW_MS = 60_000;
/** Beyond this many clients tracked, windows already over are forgotten. */
const SWEEP_AT = 10_000;

/**
 * The public pages need no sign-in, so each client (its address as the socket
 * sees it: behind a proxy, the proxy's) gets PUBLIC_RATE_LIMIT requests a
 * minute in a fixed window; past it, 429 RATE.LIMITED with Retry-After. Kept
 * in this process's memory: replicas each count their own (a shared limit
 * would go to Redis or the proxy in front).
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(@Inject(APP_CONFIG) private readonly cfg: AppConfig) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const now = Date.now();
    const key = req.socket.remoteAddress ?? 'unknown';
    let w = this.windows.get(key);
    if (!w || now - w.start >= WINDOW_MS) {
      if (this.windows.size >= SWEEP_AT) this.sweep(now);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    const limit = this.cfg.publicRateLimit;
    res.setHeader('RateLimit-Limit', String(limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, limit - w.count)));
    if (w.count <= limit) return true;
    const retry = Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000));
    res.setHeader('Retry-After', String(retry));
    throw new ProblemException(429, 'RATE.LIMITED', {
      en: `More than ${limit} requests in a minute from this client: retry in ${retry} s`,
      zh: `本客户端一分钟内的请求超过${limit}次，请${retry}秒后再试`,
    });
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(key);
  }
}
