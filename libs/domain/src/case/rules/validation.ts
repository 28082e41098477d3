// Payload checks shared by the command handlers. Commands arrive as JSON from
// the API, so nothing here trusts the TypeScript types.

import { isInstant, isLocalDate } from '../../calendar';
import { zhDate, zhList, type FieldMessage, type Message } from '../messages';

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
  readonly errors: FieldMessage[] = [];

  constructor(private readonly now?: string) {}

  add(field: string, message: Message): this {
    this.errors.push({ field, message });
    return this;
  }

  text(field: string, v: unknown, opts: { optional?: boolean; max?: number } = {}): this {
    if (v === undefined || v === null) {
      if (!opts.optional) this.add(field, { en: 'is required', zh: '为必填项' });
      return this;
    }
    if (typeof v !== 'string' || v.trim() === '') return this.add(field, { en: 'must be a non-empty string', zh: '须为非空文本' });
    if (opts.max !== undefined && v.length > opts.max) this.add(field, { en: `must be at most ${opts.max} characters`, zh: `不得超过${opts.max}个字符` });
    return this;
  }

  bool(field: string, v: unknown, opts: { optional?: boolean } = {}): this {
    if (v === undefined && opts.optional) return this;
    if (typeof v !== 'boolean') this.add(field, { en: 'must be true or false', zh: '须为 true 或 false' });
    return this;
  }

  oneOf<T extends string>(field: string, v: unknown, values: readonly T[], opts: { optional?: boolean } = {}): this {
    if (v === undefined && opts.optional) return this;
    if (typeof v !== 'string' || !values.includes(v as T)) this.add(field, { en: `must be one of ${values.join(', ')}`, zh: `须为以下之一：${zhList(values)}` });
    return this;
  }

  /** ISO instant with zone; notFuture compares with the command's `now`. */
  instant(field: string, v: unknown, opts: { optional?: boolean; notFuture?: boolean; after?: string } = {}): this {
    if (v === undefined && opts.optional) return this;
    if (!isInstant(v)) return this.add(field, { en: 'must be an ISO 8601 instant with Z or an offset', zh: '须为带 Z 或时区偏移的 ISO 8601 时间' });
    if (opts.notFuture && this.now !== undefined && ms(v) > ms(this.now)) this.add(field, { en: 'must not be in the future', zh: '不得晚于当前时间' });
    if (opts.after !== undefined && ms(v) <= ms(opts.after)) this.add(field, { en: `must be after ${opts.after}`, zh: `须晚于${zhDate(opts.after)}` });
    return this;
  }

  dateOrInstant(field: string, v: unknown, opts: { optional?: boolean } = {}): this {
    if (v === undefined && opts.optional) return this;
    if (!isLocalDate(v) && !isInstant(v)) this.add(field, { en: 'must be YYYY-MM-DD or an ISO 8601 instant', zh: '须为 YYYY-MM-DD 日期或 ISO 8601 时间' });
    return this;
  }

  /** Yuan, at most two decimals. */
  amount(field: string, v: unknown, opts: { optional?: boolean; positive?: boolean } = {}): this {
    if (v === undefined && opts.optional) return this;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return this.add(field, { en: 'must be a non-negative number', zh: '须为非负数' });
    if (opts.positive && v <= 0) return this.add(field, { en: 'must be greater than 0', zh: '须大于0' });
    if (Math.abs(v * 100 - Math.round(v * 100)) > 1e-6) this.add(field, { en: 'must have at most two decimals', zh: '最多保留两位小数' });
    return this;
  }

  integer(field: string, v: unknown, opts: { min?: number } = {}): this {
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.add(field, { en: 'must be an integer', zh: '须为整数' });
    if (opts.min !== undefined && v < opts.min) this.add(field, { en: `must be at least ${opts.min}`, zh: `不得小于${opts.min}` });
    return this;
  }

  sha256(field: string, v: unknown): this {
    if (typeof v !== 'string' || !SHA256_RE.test(v)) this.add(field, { en: 'must be 64 lowercase hex characters', zh: '须为64位小写十六进制字符' });
    return this;
  }

  array(field: string, v: unknown, opts: { min?: number; optional?: boolean } = {}): v is unknown[] {
    if (v === undefined && opts.optional) return false;
    if (!Array.isArray(v)) {
      this.add(field, { en: 'must be an array', zh: '须为数组' });
      return false;
    }
    if (opts.min !== undefined && v.length < opts.min) this.add(field, { en: `must have at least ${opts.min} item(s)`, zh: `至少须有${opts.min}项` });
    return true;
  }

  object(field: string, v: unknown, opts: { optional?: boolean } = {}): v is Record<string, unknown> {
    if (v === undefined && opts.optional) return false;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.add(field, { en: 'must be an object', zh: '须为对象' });
      return false;
    }
    return true;
  }

  /** An ActorSnapshot as resolved by the API. */
  actor(field: string, v: unknown): this {
    if (!this.object(field, v)) return this;
    this.text(`${field}.userId`, v.userId);
    this.text(`${field}.name`, v.name);
    if (!Array.isArray(v.roles)) this.add(`${field}.roles`, { en: 'must be an array', zh: '须为数组' });
    if (!Array.isArray(v.certificates)) this.add(`${field}.certificates`, { en: 'must be an array', zh: '须为数组' });
    return this;
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }
}
