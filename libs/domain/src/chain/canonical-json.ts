// Canonical JSON for hashing: object keys sorted by their UTF-16 code units
// (JavaScript's default sort, as RFC 8785 sorts them), no whitespace, object
// members whose value is undefined left out. Two parties hashing the same
// event get the same bytes regardless of key order or the serializer they
// use. Only plain JSON is accepted: a Date, a Map, a Set, a Buffer, a class
// instance or an undefined array element is refused rather than written as
// something else ({} or null), since what the hash proves would change unseen.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value
          .map((v, i) => {
            if (v === undefined) throw new TypeError(`canonicalJson: cannot encode undefined at index ${i} (JSON would write null)`);
            return canonicalJson(v);
          })
          .join(',')}]`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'non-plain object';
        throw new TypeError(`canonicalJson: cannot encode a ${name}; convert it to plain JSON first`);
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
  }
}

/** The hash of the first event's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);
