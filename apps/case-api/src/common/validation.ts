import { ValidationError, ValidationPipe } from '@nestjs/common';
import { badRequest, FieldProblemText } from './problem';

/** A number the English message names (a size, a length, a bound). */
function figure(message: string): string {
  return /(-?\d+(?:\.\d+)?)/.exec(message)?.[1] ?? '';
}

/** The values after the colon or "action" of an English message, as a Chinese list. */
function values(message: string, after: RegExp): string {
  const m = after.exec(message);
  return m ? m[1].split(/,\s*|\s+or\s+/).filter(Boolean).join('、') : '';
}

/**
 * What each class-validator constraint says, in Chinese, about `property`.
 * Keyed by the constraint's name; the figures (sizes, bounds, allowed
 * values) are read from the English message, which names them.
 */
const CONSTRAINTS_ZH: Record<string, (property: string, message: string) => string> = {
  isDefined: (p) => `${p}为必填项`,
  isNotEmpty: (p) => `${p}不能为空`,
  isString: (p) => `${p}须为文本`,
  isBoolean: (p) => `${p}须为 true 或 false`,
  isInt: (p) => `${p}须为整数`,
  isNumber: (p) => `${p}须为数字`,
  isPositive: (p) => `${p}须为正数`,
  isYuan: (p) => `${p}须为以元为单位、最多两位小数的金额`,
  min: (p, m) => `${p}不得小于${figure(m)}`,
  max: (p, m) => `${p}不得大于${figure(m)}`,
  maxLength: (p, m) => `${p}不得超过${figure(m)}个字符`,
  minLength: (p, m) => `${p}不得少于${figure(m)}个字符`,
  isArray: (p) => `${p}须为数组`,
  arrayMinSize: (p, m) => `${p}至少须有${figure(m)}项`,
  arrayMaxSize: (p, m) => `${p}最多只能有${figure(m)}项`,
  isIn: (p, m) => `${p}须为以下之一：${values(m, /following values:\s*(.*)$/)}`,
  isEnum: (p, m) => `${p}须为以下之一：${values(m, /following values:\s*(.*)$/)}`,
  isUuid: (p) => `${p}须为 UUID`,
  isUUID: (p) => `${p}须为 UUID`,
  isIso8601: (p) => `${p}须为有效的 ISO 8601 日期或时间`,
  isISO8601: (p) => `${p}须为有效的 ISO 8601 日期或时间`,
  isDateString: (p) => `${p}须为有效的 ISO 8601 日期或时间`,
  matches: (p, m) =>
    /instant with Z or an offset/.test(m)
      ? /YYYY-MM-DD/.test(m)
        ? `${p}须为 YYYY-MM-DD 日期，或带 Z 或时区偏移的 ISO 8601 时间`
        : `${p}须为带 Z 或时区偏移的 ISO 8601 时间`
      : /YYYY-MM-DD/.test(m)
        ? `${p}须为 YYYY-MM-DD 格式的日期`
        : `${p}格式不正确`,
  isUrl: (p) => `${p}须为 http 或 https 网址`,
  isObject: (p) => `${p}须为对象`,
  nestedValidation: (p) => `${p}须为对象或数组`,
  whitelistValidation: (p) => `不允许提交字段${p}`,
  forAction: (p, m) => `${p}仅在 action 为${values(m, /with action\s+(.*)$/)}时填写`,
};

/** A constraint's message in Chinese; one we have no words for still names the field and keeps the English. */
export function constraintZh(constraint: string, property: string, message: string): string {
  const zh = CONSTRAINTS_ZH[constraint];
  return zh ? zh(property, message) : `${property}填写有误（${message}）`;
}

export const KNOWN_CONSTRAINTS: readonly string[] = Object.keys(CONSTRAINTS_ZH);

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblemText[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message,
      messageZh: constraintZh(constraint, e.property, message),
    }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** Body validation with field-level problems; unknown fields are refused, not ignored. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => badRequest(flattenValidationErrors(errors)),
  });
}
