import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemBody, ProblemException } from './problem';
import { preferredLanguage, PROBLEM_TITLES } from './problem-titles';

/** Every error leaves the API as application/problem+json with a stable code. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request | undefined>();
    const body = toProblem(exception);
    // A Chinese reader gets the code's Chinese title; the code stays the stable key.
    const title = PROBLEM_TITLES[body.code];
    if (title && preferredLanguage(req?.headers?.['accept-language']) === 'zh-CN') {
      body.title = title['zh-CN'];
      res.setHeader('Content-Language', 'zh-CN');
    }
    if (body.status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }
}

export function toProblem(exception: unknown): ProblemBody {
  if (exception instanceof ProblemException) return exception.body;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : String((response as { message?: unknown }).message ?? exception.message);
    const code =
      status === 404 ? 'ROUTE.NOT_FOUND' : status === 413 ? 'REQUEST.TOO_LARGE' : status === 400 ? 'REQUEST.MALFORMED' : `HTTP.${status}`;
    return new ProblemException(status, code, message).body;
  }
  return new ProblemException(500, 'INTERNAL', 'An unexpected error occurred; it has been logged').body;
}
