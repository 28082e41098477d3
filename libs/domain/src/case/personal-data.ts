// A party's personal information (PIPL 个人信息保护法 28: an ID number is
// sensitive; phone and home address identify a person). Views show these
// masked; the full values are read through one logged request with a reason.

import type { Party } from './case-records';

/** The party fields masked in every view and logged when read in full. */
export const PERSONAL_FIELDS = ['idNumber', 'phone', 'address'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

function keep(value: string, head: number, tail: number): string {
  const chars = [...value];
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + (tail ? chars.slice(-tail).join('') : '');
}

/** One personal field masked: an ID number keeps its region (6) and last 4, a phone its first 3 and last 4, an address its first 6 characters. */
export function maskField(field: PersonalField, value: string): string {
  switch (field) {
    case 'idNumber':
      return keep(value, 6, 4);
    case 'phone':
      return keep(value, 3, 4);
    case 'address':
      return keep(value, 6, 0);
  }
}

/** The personal fields a party holds. */
export function personalFieldsOf(party: Partial<Party>): PersonalField[] {
  return PERSONAL_FIELDS.filter((f) => typeof party[f] === 'string' && party[f] !== '');
}

/** A party with its personal fields masked (an organisation's name, credit code and representative are public). */
export function maskParty<P extends Partial<Party>>(party: P): P {
  const out = { ...party };
  for (const f of personalFieldsOf(party)) (out as Record<string, unknown>)[f] = maskField(f, party[f] as string);
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A response body with every party in it masked, however deep: a case, its
 * timeline's payloads (the registration, the decision's contents), a command's
 * result. Anything under a key `party` that is an object is a party. The body
 * itself is left as it was: what holds a party is copied, anything else is
 * shared with the result (a 1,000-event timeline, ~1 MB, was copied whole
 * for the few parties in it).
 */
export function maskPersonalData<T>(value: T): T {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const masked = maskPersonalData(value[i] as unknown);
      if (masked !== value[i]) (out ??= [...value])[i] = masked;
    }
    return (out ?? value) as T;
  }
  if (!isPlainObject(value)) return value; // a string, a number, a file stream, a buffer: not a view

  let out: Record<string, unknown> | undefined;
  for (const k of Object.keys(value)) {
    const v = value[k];
    const masked = k === 'party' && v !== null && typeof v === 'object' && !Array.isArray(v) ? maskPersonalData(maskParty(v as Partial<Party>)) : maskPersonalData(v);
    if (masked !== v) (out ??= { ...value })[k] = masked;
  }
  return (out ?? value) as T;
}
