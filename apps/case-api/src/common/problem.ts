import { HttpException } from '@nestjs/common';
import type { Message } from '@zhifa/domain';

/** A field's problem as the client reads it, in the language it asked for. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A field's problem as the API raises it: English, with its Chinese beside it (the domain's FieldError has this shape). */
export interface FieldProblemText {
  field: string;
  message: string;
  messageZh: string;
}

/** The languages a problem is written in: Chinese (zh-CN) and English. */
export type ProblemLanguage = 'zh-CN' | 'en';

/** What ProblemException takes besides its code and detail; errors come in both languages. */
export type ProblemExtra = Omit<Partial<ProblemBody>, 'errors'> & { errors?: FieldProblemText[] };

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldProblem[];
  state?: string | null;
  allowedActions?: string[];
  [extra: string]: unknown;
}

export const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * Where a problem's `type` points: a relative reference (RFC 9457 §3.1.1)
 * resolved against the request's URL, served by ProblemsController from the
 * problem catalog, so it resolves on whatever host the API is reached at.
 */
export const PROBLEM_TYPE_BASE = '/api/v1/problems/';

export function problemType(code: string): string {
  return `${PROBLEM_TYPE_BASE}${encodeURIComponent(code)}`;
}

/**
 * An error the API answers with as application/problem+json, carrying a
 * stable code. Its detail and field messages are written in Chinese and
 * English; ProblemFilter sends the ones the request's Accept-Language asks for.
 */
export class ProblemException extends HttpException {
  /** The detail and each field's message in both languages. */
  readonly texts: { detail: Message; errors?: FieldProblemText[] };
  /** Seconds the caller should wait before trying again: sent as Retry-After (429, 503). */
  retryAfter?: number;

  constructor(
    status: number,
    readonly code: string,
    detail: Message,
    extra: ProblemExtra = {},
  ) {
    const { errors, ...rest } = extra;
    super(
      {
        type: problemType(code),
        title: TITLES[status] ?? 'Error',
        status,
        detail: detail.en,
        code,
        ...rest,
        ...(errors ? { errors: errors.map((e) => ({ field: e.field, message: e.message })) } : {}),
      } satisfies ProblemBody,
      status,
    );
    this.texts = { detail, ...(errors ? { errors } : {}) };
  }

  /** The body in English (what the logs and the history keep). */
  get body(): ProblemBody {
    return this.getResponse() as ProblemBody;
  }

  /** The body a reader of `language` gets: the detail and field messages in it; code, status and the rest unchanged. */
  in(language: ProblemLanguage): ProblemBody {
    const body: ProblemBody = { ...this.body };
    if (language === 'en') return body;
    body.detail = this.texts.detail.zh;
    if (this.texts.errors) body.errors = this.texts.errors.map((e) => ({ field: e.field, message: e.messageZh }));
    return body;
  }
}

/** A field problem in both languages. */
export const fieldProblem = (field: string, message: Message): FieldProblemText => ({ field, message: message.en, messageZh: message.zh });

export const badRequest = (errors: FieldProblemText[], detail: Message = { en: 'The request has invalid fields', zh: '请求中有字段填写有误，请按字段提示修改' }): ProblemException =>
  new ProblemException(400, 'VALIDATION.FAILED', detail, { errors });

/** What a NOT_FOUND names, in Chinese. */
const THINGS_ZH: Record<string, string> = { case: '案件', agency: '机关' };

export const notFound = (what: string, id: string): ProblemException =>
  new ProblemException(404, `${what.toUpperCase()}.NOT_FOUND`, { en: `No ${what} with id ${id}`, zh: `没有编号为${id}的${THINGS_ZH[what] ?? what}` });
export const forbidden = (code: string, detail: Message): ProblemException => new ProblemException(403, code, detail);
