// Payload checks shared by the command handlers. Commands arrive as JSON from
// the API, so nothing here trusts the TypeScript types.

import { isInstant, isLocalDate } from '../../calendar';
import type { FieldError } from '../rejection';

const SHA256_RE = /^[0-9a-f]{64}$/;

export function ms(instant: string): number {
  return Date.parse(instant);
}

/** Yuan amounts are kept to the fen; comparisons go through integer fen. */
export function fen(amount: number): number {
  return Math.round(amount * 100);
}

export function formatYuan(amount: number): string {
  const [int, frac] = (Math.round(amount * 100) / 100).toFixed(2).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `¥${grouped}${frac === '00' ? '' : `.${frac}`}`;
}

export class Validator {
  readonly errors: FieldError[] = [];

  constructor(private readonly now?: string) {}

  add(field: string, message: string): this {
    this.errors.push({ field, message });
    return this;
  }

  text(field: string, v: unknown, opts: { optional?: boolean; max?: number } = {}): this {
    if (v === undefined || v === null) {
      if (!opts.optional) this.add(field, 'is required');
      return this;
    }
    if (typeof v !== 'string' || v.trim() === '') return this.add(field, 'must be a non-empty string');
    if (opts.max !== undefined && v.length > opts.max) this.add(field, `must be at most ${opts.max} characters`);
    return this;
  }

  bool(field: string, v: unknown, opts: { optional?: boolean } = {}): this {
    if (v === undefined && opts.optional) return this;
    if (typeof v !== 'boolean') this.add(field, 'must be true or false');
    return this;
  }

  oneOf<T extends string>(field: string, v: unknown, values: readonly T[], opts: { optional?: boolean } = {}): this {
    if (v === undefined && opts.optional) return this;
    if (typeof v !== 'string' || !values.includes(v as T)) this.add(field, `must be one of ${values.join(', ')}`);
    return this;
  }

  /** ISO instant with zone; notFuture compares with the command's `now`. */
  instant(field: string, v: unknown, opts: { optional?: boolean; notFuture?: boolean; after?: string } = {}): this {
    if (v === undefined && opts.optional) return this;
    if (!isInstant(v)) return this.add(field, 'must be an ISO 8601 instant with Z or an offset');
    if (opts.notFuture && this.now !== undefined && ms(v) > ms(this.now)) this.add(field, 'must not be in the future');
    if (opts.after !== undefined && ms(v) <= ms(opts.after)) this.add(field, `must be after ${opts.after}`);
    return this;
  }

  dateOrInstant(field: string, v: unknown, opts: { optional?: boolean } = {}): this {
    if (v === undefined && opts.optional) return this;
    if (!isLocalDate(v) && !isInstant(v)) this.add(field, 'must be YYYY-MM-DD or an ISO 8601 instant');
    return this;
  }

  /** Yuan, at most two decimals. */
  amount(field: string, v: unknown, opts: { optional?: boolean; positive?: boolean } = {}): this {
    if (v === undefined && opts.optional) return this;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return this.add(field, 'must be a non-negative number');
    if (opts.positive && v <= 0) return this.add(field, 'must be greater than 0');
    if (Math.abs(v * 100 - Math.round(v * 100)) > 1e-6) this.add(field, 'must have at most two decimals');
    return this;
  }

  integer(field: string, v: unknown, opts: { min?: number } = {}): this {
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.add(field, 'must be an integer');
    if (opts.min !== undefined && v < opts.min) this.add(field, `must be at least ${opts.min}`);
    return this;
  }

  sha256(field: string, v: unknown): this {
    if (typeof v !== 'string' || !SHA256_RE.test(v)) this.add(field, 'must be 64 lowercase hex characters');
    return this;
  }

  array(field: string, v: unknown, opts: { min?: number; optional?: boolean } = {}): v is unknown[] {
    if (v === undefined && opts.optional) return false;
    if (!Array.isArray(v)) {
      this.add(field, 'must be an array');
      return false;
    }
    if (opts.min !== undefined && v.length < opts.min) this.add(field, `must have at least ${opts.min} item(s)`);
    return true;
  }

  object(field: string, v: unknown, opts: { optional?: boolean } = {}): v is Record<string, unknown> {
    if (v === undefined && opts.optional) return false;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.add(field, 'must be an object');
      return false;
    }
    return true;
  }

  /** An ActorSnapshot as resolved by the API. */
  actor(field: string, v: unknown): this {
    if (!this.object(field, v)) return this;
    this.text(`${field}.userId`, v.userId);
    this.text(`${field}.name`, v.name);
    if (!Array.isArray(v.roles)) this.add(`${field}.roles`, 'must be an array');
    if (!Array.isArray(v.certificates)) this.add(`${field}.certificates`, 'must be an array');
    return this;
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }
}
