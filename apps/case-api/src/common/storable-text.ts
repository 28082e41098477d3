import type { NextFunction, Request, Response } from 'express';
import { badRequest, fieldProblem } from './problem';

/**
 * Text Postgres cannot store: NUL, and a UTF-16 surrogate without its pair.
 * JSON carries both as escapes (`"\u0000"`, `"\ud800"`), but a `jsonb` or
 * `text` column refuses them: in a command's payload the workflow's append
 * would fail on every retry and the case would wait behind it for good.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string (value or key) in `value` that cannot be stored, `''` for the value itself; undefined when all can. */
export function unstorableField(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  const entries = Array.isArray(value) ? value.map((v, i) => [`${path}[${i}]`, v] as const) : Object.entries(value).map(([k, v]) => [path ? `${path}.${k}` : k, v] as const);
  for (const [field, v] of entries) {
    if (UNSTORABLE.test(field)) return field.replace(UNSTORABLE, '?');
    const found = unstorableField(v, field);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A 400 naming the field whose text cannot be stored. */
export function unstorableTextProblem(field: string) {
  return badRequest([
    fieldProblem(field || 'body', {
      en: `${field || 'body'} contains a NUL character or an unpaired UTF-16 surrogate, which cannot be recorded`,
      zh: `${field || '请求内容'}含有空字符（NUL）或不成对的 UTF-16 代理字符，无法记录`,
    }),
  ]);
}

/**
 * Refuses a request whose JSON body, query or path carries text that cannot
 * be stored, before any route reads it (mounted after the JSON body parser).
 */
export function refuseUnstorableText(req: Request, _res: Response, next: NextFunction): void {
  const body = unstorableField(req.body);
  const query = body === undefined ? unstorableField(req.query) : undefined;
  const path = /%00/i.test(req.originalUrl.split('?')[0]) ? 'path' : undefined;
  const field = body ?? query ?? path;
  next(field === undefined ? undefined : unstorableTextProblem(field));
}
