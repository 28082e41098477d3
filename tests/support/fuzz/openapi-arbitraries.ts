import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Bad input generated from the committed OpenAPI document (apps/case-api/openapi.json):
// every operation, its path and query parameters and its request body, so a
// route or field added to the API is fuzzed without touching the tests.

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  example?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The document's path template, e.g. `/api/v1/cases/{id}/filing`. */
  path: string;
  tags: string[];
  parameters: Parameter[];
  /** The JSON body's schema and the recorded example, when the operation takes one. */
  body?: { schema: Schema; example?: unknown };
  roles: string[];
  public: boolean;
}

interface Document {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, Schema> };
}
interface RawOperation {
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema; example?: unknown }> };
  security?: unknown[];
  'x-zhifa-roles'?: string[];
}

const DOCUMENT = JSON.parse(readFileSync(join(__dirname, '../../../apps/case-api/openapi.json'), 'utf8')) as Document;

/** Every operation of the API's contract. */
export function operations(): Operation[] {
  return Object.entries(DOCUMENT.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const json = op.requestBody?.content['application/json'];
      return {
        method: method.toUpperCase() as Operation['method'],
        path,
        tags: op.tags ?? [],
        parameters: op.parameters ?? [],
        ...(json ? { body: { schema: json.schema, example: json.example } } : {}),
        roles: op['x-zhifa-roles'] ?? [],
        public: Array.isArray(op.security) && op.security.length === 0,
      };
    }),
  );
}

/** A schema with its `$ref` followed and its `allOf` merged. */
export function resolve(schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(DOCUMENT.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf) {
    const parts = schema.allOf.map(resolve);
    return { ...schema, allOf: undefined, ...Object.assign({}, ...parts), properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})) };
  }
  return schema;
}

/** Text a client might send where text is expected: any unicode (NUL, lone surrogates), empty, long, look-alike dates, ids, numbers. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'null',
    'true',
    '-1',
    '1e309',
    'NaN',
    '2026-02-30',
    '2026-13-01',
    '2026-11-23T10:00:00',
    '2026-11-23T25:61:00Z',
    '+275760-09-13T00:00:00.001Z',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '00000000-0000-0000-0000-000000000000',
    '0b8f5c1e-2d7a-4c1b-9e57-000000000101',
    '../../etc/passwd',
    "' OR 1=1 --",
    '%',
    '%%',
    '%E4%B8',
    'x'.repeat(5000),
  ),
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

/** Numbers that are JSON: integers, fractions, beyond the safe range, negative zero, the largest doubles. */
export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.integer({ min: -5, max: 200 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, -1, 0.1, 1.005, 2 ** 31, 2 ** 53 + 2, 1e21, 1e308, -1e308, Number.MAX_SAFE_INTEGER),
);

/** Any JSON value, bounded in size. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/** A value of the schema's type with any content (enums: a member or not), recursively; `depth` bounds nesting. */
export function typed(raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(raw);
  const example = schema.example === undefined ? [] : [fc.constant(schema.example)];
  if (schema.oneOf) return fc.oneof(...schema.oneOf.map((s) => typed(s, depth)));
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), nastyString);
  switch (schema.type) {
    case 'string':
      return fc.oneof(...example, nastyString);
    case 'integer':
    case 'number':
      return fc.oneof(...example, nastyNumber);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(typed(schema.items, depth + 1), { maxLength: 4 });
    case 'object':
      if (!schema.properties || depth > 3) return fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 3 });
      return fc.record(Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, typed(s, depth + 1)])), { requiredKeys: [] });
    default:
      return anyJson;
  }
}

const DROP = Symbol('drop');

/**
 * The operation's recorded example (a body the API accepted once) with one
 * to three fields dropped, given another value of their type, given any JSON
 * instead, or an unknown field added: wrong in one place, right elsewhere,
 * so it reaches the rules behind validation.
 */
export function nearlyValid(schema: Schema, example: unknown): fc.Arbitrary<unknown> {
  const props = resolve(schema).properties ?? {};
  const names = Object.keys(props);
  const base = example && typeof example === 'object' && !Array.isArray(example) ? (example as Record<string, unknown>) : {};
  if (!names.length) return fc.record({ unknown: anyJson }).map((extra) => ({ ...base, ...extra }));
  const change = fc.oneof(
    fc.tuple(fc.constantFrom(...names), fc.constant<unknown>(DROP)),
    ...names.map((name) => fc.tuple(fc.constant(name), typed(props[name]))),
    fc.tuple(fc.constantFrom(...names), anyJson),
    fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), anyJson),
  );
  return fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) => {
    const body: Record<string, unknown> = structuredClone(base);
    for (const [name, value] of changes) {
      if (value === DROP) delete body[name];
      else body[name] = value;
    }
    return body;
  });
}

/** A JSON body for the operation: nearly valid, every field typed but random, or any JSON at all (arrays, strings, null). */
export function badBody(op: Operation): fc.Arbitrary<unknown> {
  const schema = op.body?.schema ?? { type: 'object' };
  return fc.oneof(
    { weight: 3, arbitrary: nearlyValid(schema, op.body?.example) },
    { weight: 2, arbitrary: typed(schema) },
    { weight: 1, arbitrary: anyJson },
  );
}

/** Bytes that are not a JSON document (or not the one they claim to be), as a body. */
export const notJson: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('{', '{"a":', '[1,', '{"a":1}}', "{'a':1}", '{"a":NaN}', '\u0000', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}'),
);

/** `encodeURIComponent`, with lone surrogates (which it refuses) sent as U+FFFD. */
export function encode(value: string): string {
  return encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

/** Percent-escapes that decode to no valid UTF-8, or to NUL: sent as they are. */
const rawEscapes = fc.constantFrom('%', '%FF', '%E4%B8', '%ED%A0%80', '%00', '%C0%AF', 'a%2Fb', '%2E%2E');

/** A path parameter as it goes on the wire (encoded): garbage, unknown ids, characters that need escaping, broken escapes. */
export const badPathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  nastyString.filter((s) => s.length > 0 && s.length < 300 && s !== '.' && s !== '..').map(encode),
  fc.constantFrom('0', '-1', '1e3', 'null', 'x'.repeat(256)),
  rawEscapes,
);

/** The query string of an operation's query parameters, each present or not, typed or not, repeated sometimes. */
export function badQuery(op: Operation): fc.Arbitrary<string> {
  const params = op.parameters.filter((p) => p.in === 'query');
  if (!params.length) return fc.constant('');
  const one = (p: Parameter): fc.Arbitrary<[string, string][]> =>
    fc.oneof(
      typed(p.schema).map((v): [string, string][] => [[p.name, typeof v === 'string' ? v : JSON.stringify(v)]]),
      fc.array(nastyString, { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v): [string, string] => [p.name, v])),
      fc.constant<[string, string][]>([[`${p.name}[a]`, '1']]),
    );
  return fc
    .tuple(fc.tuple(...params.map((p) => fc.option(one(p), { nil: undefined }))), fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), nastyString), { nil: undefined }), fc.option(rawEscapes, { nil: undefined }))
    .map(([parts, unknown, raw]) => {
      const pairs: [string, string][] = [...parts.flatMap((p) => p ?? []), ...(unknown ? [unknown] : [])];
      const query = pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`);
      if (raw) query.push(`${encode(params[0].name)}=${raw}`);
      return query.length ? `?${query.join('&')}` : '';
    });
}
