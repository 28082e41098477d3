import type { OpenAPIObject, OperationObject, ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** One operation's example: a JSON request and response the API really exchanged (recorded by `npm run openapi:examples`). */
export interface OperationExample {
  status: number;
  request?: unknown;
  response?: unknown;
}

/** Examples by operation, `"POST /api/v1/cases/{id}/filing"`. */
export type OperationExamples = Record<string, OperationExample>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const JSON_TYPES = ['application/json', 'application/problem+json'];

/**
 * Puts the recorded examples into the document: each operation's JSON
 * request and success response get the exchange as their example, and every
 * schema field without one of its own gets the first value those exchanges
 * gave it (walked through $ref, allOf and arrays), so a field's example is a
 * value the API really sent or accepted. Fields an example leaves out
 * (optional, or null in it) keep what their decorator says.
 */
export function attachExamples(doc: OpenAPIObject, examples: OperationExamples, fieldExamples: Record<string, unknown> = {}): void {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, SchemaObject | ReferenceObject>;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as OperationObject | undefined;
      const example = op && examples[`${method.toUpperCase()} ${path}`];
      if (!op || !example) continue;
      if (example.request !== undefined && op.requestBody && 'content' in op.requestBody) {
        const media = op.requestBody.content['application/json'];
        if (media) {
          media.example = example.request;
          if (media.schema) learnFields(media.schema, example.request, schemas);
        }
      }
      const answer = op.responses[String(example.status)] as { content?: Record<string, { schema?: SchemaObject | ReferenceObject; example?: unknown }> } | undefined;
      const media = answer?.content && JSON_TYPES.map((t) => answer.content![t]).find(Boolean);
      if (media && example.response !== undefined) {
        media.example = example.response;
        if (media.schema) learnFields(media.schema, example.response, schemas);
      }
    }
  }
  // Then the written ones (`Schema.field`), for what no exchange filled; one naming no field is a mistake, said at once.
  for (const [name, value] of Object.entries(fieldExamples)) {
    const [schemaName, key] = name.split('.');
    const schema = schemas[schemaName];
    const field = schema && !('$ref' in schema) ? schema.properties?.[key] : undefined;
    if (!field || '$ref' in field) throw new Error(`field-examples.json: ${name} is not a field of the document`);
    if (field.example === undefined) field.example = value;
  }
}

/** Gives each field of `schema` that `value` fills and that has no example the value's own. */
function learnFields(schema: SchemaObject | ReferenceObject, value: unknown, schemas: Record<string, SchemaObject | ReferenceObject>): void {
  if (value === null || value === undefined) return;
  if ('$ref' in schema) {
    const name = schema.$ref.split('/').pop()!;
    const target = schemas[name];
    if (target) learnFields(target, value, schemas);
    return;
  }
  for (const part of schema.allOf ?? []) learnFields(part, value, schemas);
  if (Array.isArray(value)) {
    if (schema.items) for (const element of value) learnFields(schema.items, element, schemas);
    return;
  }
  if (typeof value !== 'object') return;
  const fields = schema.properties ?? {};
  for (const [key, given] of Object.entries(value as Record<string, unknown>)) {
    const field = fields[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (!field || given === null || given === undefined) continue;
    if (!isLeaf(field)) learnFields(field, given, schemas);
    // A whole object as a field's example would repeat the operation's; a free-form one (a record before and after a change) stays described.
    else if (field.example === undefined && !isObject(given)) field.example = given;
  }
}

/** A field whose value is written whole (a string, a number, a list of them, any JSON), not an object with fields of its own. */
export function isLeaf(field: SchemaObject | ReferenceObject): field is SchemaObject {
  if ('$ref' in field || field.allOf || field.anyOf || field.properties) return false;
  if (field.oneOf) return field.oneOf.every((f) => !('$ref' in f));
  if (typeof field.additionalProperties === 'object') return false;
  if (field.type === 'array') return !!field.items && isLeaf(field.items);
  return true;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (!Array.isArray(value) || value.some((v) => typeof v === 'object' && v !== null));
}

/**
 * What has no example in the document: operations whose JSON request or
 * success answer lacks one, and fields written whole (`isLeaf`) without one.
 * The document test expects none.
 */
export function missingExamples(doc: OpenAPIObject): { operations: string[]; fields: string[] } {
  const operations: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as OperationObject | undefined;
      if (!op) continue;
      const name = `${method.toUpperCase()} ${path}`;
      const body = op.requestBody && 'content' in op.requestBody ? op.requestBody.content['application/json'] : undefined;
      if (body && body.example === undefined) operations.push(`${name} request`);
      for (const [status, answer] of Object.entries(op.responses)) {
        const media = /^2\d\d$/.test(status) ? (answer as { content?: Record<string, { example?: unknown }> }).content?.['application/json'] : undefined;
        if (media && media.example === undefined) operations.push(`${name} ${status}`);
      }
    }
  }
  const fields: string[] = [];
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    if ('$ref' in schema) continue;
    for (const [key, field] of Object.entries(schema.properties ?? {})) {
      const freeForm = !('$ref' in field) && field.type === 'object' && !field.properties;
      if (isLeaf(field) && !freeForm && field.example === undefined) fields.push(`${name}.${key}`);
    }
  }
  return { operations, fields };
}
