import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemException } from './problem';
import { preferredLanguage, PROBLEM_TITLES } from './problem-titles';
import { caseBusy, unavailableProblem } from './unavailable';

/**
 * Every error leaves the API as application/problem+json with a stable code,
 * in the reader's language: with Accept-Language asking for Chinese the title,
 * the detail and each field's message are zh-CN, else English. The code,
 * status, state and allowed actions never change with the language.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request | undefined>();
    const body = sendProblem(req, res, exception);
    if (body.status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  }
}

/**
 * Answers `exception` as application/problem+json in the reader's language;
 * also for middleware mounted outside Nest's routing (the job board).
 */
export function sendProblem(req: Request | undefined, res: Response, exception: unknown): { status: number } {
  const problem = toProblem(exception);
  const language = preferredLanguage(req?.headers?.['accept-language']);
  const body = problem.in(language);
  const title = PROBLEM_TITLES[body.code];
  if (title && language === 'zh-CN') body.title = title['zh-CN'];
  res.locals.problemCode = body.code; // for the request metrics (zhifa_commands_total)
  res.setHeader('Content-Language', language);
  if (problem.retryAfter) res.setHeader('Retry-After', String(problem.retryAfter));
  else if (body.status === 503 && !res.getHeader('Retry-After')) res.setHeader('Retry-After', '1');
  res.vary('Accept-Language');
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  return body;
}

/** The framework's own errors (routing, the body parser) by status, as catalogued codes. */
const FRAMEWORK_CODES: Record<number, string> = {
  400: 'REQUEST.MALFORMED',
  404: 'ROUTE.NOT_FOUND',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
};

/** What the framework's own errors say, in Chinese (their English text comes from the framework). */
const FRAMEWORK_ZH: Record<string, string> = {
  'ROUTE.NOT_FOUND': '没有该接口',
  'REQUEST.TOO_LARGE': '请求内容超过大小限制（2 MB），文件请通过证据上传接口提交',
  'REQUEST.MALFORMED': '请求内容无法解析（JSON 或 multipart 格式有误）',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': '不支持该请求内容的编码或字符集（JSON 须为 UTF-8）',
};

/** Any exception as a problem: ours as raised, the framework's by status, Temporal or Postgres down 503, Temporal's limits 429, anything else INTERNAL. */
export function toProblem(exception: unknown): ProblemException {
  if (exception instanceof ProblemException) return exception;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : String((response as { message?: unknown }).message ?? exception.message);
    const code = FRAMEWORK_CODES[status] ?? `HTTP.${status}`;
    return new ProblemException(status, code, { en: message, zh: FRAMEWORK_ZH[code] ?? `请求未能处理（HTTP ${status}）：${message}` });
  }
  const unavailable = unavailableProblem(exception) ?? caseBusy(exception);
  if (unavailable) return unavailable;
  return new ProblemException(500, 'INTERNAL', { en: 'An unexpected error occurred; it has been logged', zh: '系统发生意外错误，已记录' });
}
