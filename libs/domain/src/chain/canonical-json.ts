// Canonical JSON for hashing: object keys sorted by code point, no
// whitespace, no undefined members. Two parties hashing the same event get
// the same bytes regardless of key order or the serializer they use.

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
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
      // A Date, a Map, a Set, a Buffer would encode as {} or as their indexes: what the hash proves would silently change.
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function' || value instanceof Map || value instanceof Set) {
        throw new TypeError(`canonicalJson: cannot encode a ${value.constructor?.name ?? 'non-plain object'}; convert it to plain JSON first`);
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
