// Pure helpers of the command forms: wall-clock times in the agency's zone,
// the body sent from what the form holds, and the form field a problem's
// field path names. Nothing here decides what is lawful: the API does.
import type { FieldSchema } from '@zhifa/api-client';
import { instantOfWallClock } from '../format';

/** What the form holds for a time field: a wall clock or a local date, as the widget gave it. */
export interface TimeValue {
  wall: string;
  dateOnly: boolean;
}

export function isTimeValue(v: unknown): v is TimeValue {
  return typeof v === 'object' && v !== null && 'wall' in v && typeof (v as TimeValue).wall === 'string';
}

function blank(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object' && !isTimeValue(v)) return Object.keys(v).length === 0;
  return false;
}

/**
 * The body to send from the form's values under a schema: times become
 * instants (or local dates), blanks are left out, text is trimmed. A value
 * the schema does not know is left out too (the API refuses unknown fields).
 */
export function bodyOf(schema: FieldSchema, values: unknown): unknown {
  if (isTimeValue(values)) return values.dateOnly ? values.wall.slice(0, 10) : instantOfWallClock(values.wall);
  if (schema.type === 'object' && schema.properties) {
    if (typeof values !== 'object' || values === null) return undefined;
    const out: Record<string, unknown> = {};
    for (const [key, sub] of Object.entries(schema.properties)) {
      const v = bodyOf(sub, (values as Record<string, unknown>)[key]);
      if (!blank(v)) out[key] = v;
    }
    return out;
  }
  if (schema.type === 'array') {
    if (!Array.isArray(values)) return undefined;
    const items = values.map((v) => bodyOf(schema.items ?? {}, v)).filter((v) => !blank(v));
    return items;
  }
  if (typeof values === 'string') return values.trim();
  return values;
}

/** A problem's field path ("party.name", "points[1].reason") as a form name path. */
export function namePath(field: string): (string | number)[] {
  return field
    .split(/\.|\[(\d+)\]/)
    .filter((p) => p !== undefined && p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * The form field a problem's field names: the longest prefix of its path that
 * is a field of the form ("officerIds[1]" → officerIds), or undefined when
 * none is (the message is then shown with the refusal).
 */
export function formFieldOf(field: string, fields: ReadonlySet<string>): (string | number)[] | undefined {
  const path = namePath(field);
  for (let n = path.length; n > 0; n--) {
    const prefix = path.slice(0, n);
    if (fields.has(prefix.join('.'))) return prefix;
  }
  return undefined;
}
