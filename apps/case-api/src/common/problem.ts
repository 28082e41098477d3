import { HttpException } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  message: string;
}

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
  409: 'Conflict',
  413: 'Payload Too Large',
  422: 'Unprocessable Content',
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

/** An error the API answers with as application/problem+json, carrying a stable code. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    detail: string,
    extra: Partial<ProblemBody> = {},
  ) {
    super(
      {
        type: problemType(code),
        title: TITLES[status] ?? 'Error',
        status,
        detail,
        code,
        ...extra,
      } satisfies ProblemBody,
      status,
    );
  }

  get body(): ProblemBody {
    return this.getResponse() as ProblemBody;
  }
}

export const badRequest = (errors: FieldProblem[], detail = 'The request has invalid fields'): ProblemException =>
  new ProblemException(400, 'VALIDATION.FAILED', detail, { errors });
export const notFound = (what: string, id: string): ProblemException =>
  new ProblemException(404, `${what.toUpperCase()}.NOT_FOUND`, `No ${what} with id ${id}`);
export const forbidden = (code: string, detail: string): ProblemException => new ProblemException(403, code, detail);
