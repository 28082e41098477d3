// What changed from one policy version to another, field by field: each
// change with its path (`deadlines.decision.days`), the value before and after,
// and whether it was added, removed or changed. Catalogue entries are matched
// by their identity, not their place (`violations[FOOD-UNLICENSED].title`), so
// inserting one provision does not read as every later one changing. A list
// of plain values (penalty kinds, holiday dates) is one value: it changed or not.

export type PolicyChangeKind = 'added' | 'removed' | 'changed';

export interface PolicyChange {
  path: string;
  kind: PolicyChangeKind;
  /** Absent (undefined) when added. */
  before?: unknown;
  /** Absent (undefined) when removed. */
  after?: unknown;
}

/** Members that identify an item of a list, tried in order: a list whose items all carry one, uniquely, is matched by it. */
const IDENTITY_KEYS = ['code', 'violationCode', 'year'] as const;

type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Every change from `before` to `after` (two policy documents, or any JSON values), members in alphabetical order. */
export function policyDiff(before: unknown, after: unknown): PolicyChange[] {
  const out: PolicyChange[] = [];
  walk('', before, after, out);
  return out;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function walk(path: string, a: unknown, b: unknown, out: PolicyChange[]): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) {
    out.push({ path, kind: 'added', after: b });
    return;
  }
  if (b === undefined) {
    out.push({ path, kind: 'removed', before: a });
    return;
  }
  if (isObject(a) && isObject(b)) {
    // Alphabetical: a stored document's member order is Postgres's (jsonb), not the author's.
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) walk(join(path, k), a[k], b[k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && (a.some(isObject) || b.some(isObject))) {
    walkList(path, a, b, out);
    return;
  }
  if (!sameJson(a, b)) out.push({ path, kind: 'changed', before: a, after: b });
}

function walkList(path: string, a: unknown[], b: unknown[], out: PolicyChange[]): void {
  const key = identityKey(a, b);
  if (!key) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(`${path}[${i}]`, a[i], b[i], out);
    return;
  }
  const id = (x: unknown) => String((x as Json)[key]);
  const after = new Map(b.map((x) => [id(x), x]));
  const before = new Map(a.map((x) => [id(x), x]));
  for (const x of a) walk(`${path}[${id(x)}]`, x, after.get(id(x)), out);
  for (const x of b) if (!before.has(id(x))) walk(`${path}[${id(x)}]`, undefined, x, out);
}

function identityKey(a: unknown[], b: unknown[]): string | undefined {
  const items = [...a, ...b];
  return IDENTITY_KEYS.find((k) => {
    if (!items.every((x) => isObject(x) && (typeof x[k] === 'string' || typeof x[k] === 'number'))) return false;
    const unique = (list: unknown[]) => new Set(list.map((x) => (x as Json)[k])).size === list.length;
    return unique(a) && unique(b);
  });
}

/** Equal as JSON values (member order ignored). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameJson(a[k], b[k]));
  }
  return false;
}
