// What a log line must never carry: credentials, and the two identifiers of a
// person that case data is full of (resident ID and mobile numbers). Applied
// by the logger to every message, object and stack, so a careless log call
// cannot leak them. Over-masking a number that only looks like one is the
// accepted cost: a log is for operators, not the record.

export const REDACTED = '[REDACTED]';

/** Keys whose values are secrets whatever they hold. */
const SECRET_KEY = /^(authorization|proxy-authorization|cookie|set-cookie|password|passwd|secret|jwt|(access|refresh|id|bearer|api|auth)?[-_]?token|x-api-key)$/i;

// Letters and digits on either side mean the digits belong to something else (a hash, a UUID): left alone.
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const PHONE = /(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d{9}(?![0-9A-Za-z])/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi;
// A JWT (header.payload.signature, base64url), wherever it appears.
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
// "authorization: xyz" or authorization=xyz in free text (a header dump, a query string).
const SECRET_PAIR = /\b(authorization|password|secret|access_token|token)(["']?\s*[:=]\s*["']?)(?:(?:Bearer|Basic)\s+)?[^\s"'&,;}]+/gi;

/** The text with credentials and personal numbers masked. */
export function redactText(text: string): string {
  return text
    .replace(SECRET_PAIR, (_m, key: string, sep: string) => `${key}${sep}${REDACTED}`)
    .replace(BEARER, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(ID_NUMBER, (m) => `${m.slice(0, 2)}${'*'.repeat(14)}${m.slice(16)}`)
    .replace(PHONE, (m) => `${m.slice(0, m.length - 8)}****${m.slice(-4)}`);
}

const MAX_DEPTH = 8;

/**
 * A copy of `value` safe to log: strings masked as `redactText` does, values
 * under secret keys replaced, errors reduced to their name, message and stack
 * (masked), buffers by their size. Objects are copied through their own
 * enumerable properties; the input is never changed.
 */
export function redact(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Object]';
  seen.add(value);
  try {
    if (value instanceof Error) {
      return { name: value.name, message: redactText(value.message), ...(value.stack ? { stack: redactText(value.stack) } : {}) };
    }
    if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1, seen));
    if (value instanceof Date) return value.toISOString();
    if (value instanceof Map) return redact(Object.fromEntries(value), depth, seen);
    if (Buffer.isBuffer(value)) return `[Buffer ${value.length} bytes]`;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_KEY.test(k) && v !== undefined && v !== null ? REDACTED : redact(v, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
