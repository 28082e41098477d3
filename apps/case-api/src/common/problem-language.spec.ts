import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BadRequestException, MethodNotAllowedException } from '@nestjs/common';
import { ArrayMinSize, IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min, validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { badRequest, fieldProblem, ProblemException } from './problem';
import { toProblem } from './problem.filter';
import { preferredLanguage } from './problem-titles';
import { constraintZh, flattenValidationErrors, KNOWN_CONSTRAINTS } from './validation';
import { ForAction, IsInstant } from '../commands/dto-rules';

const CJK = /[\u4e00-\u9fff]/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the language a problem is read in', () => {
  it('any Chinese range is zh-CN, weighted by q; anything else is English', () => {
    expect(preferredLanguage('zh-CN')).toBe('zh-CN');
    expect(preferredLanguage('zh-Hans-CN')).toBe('zh-CN');
    expect(preferredLanguage('zh-TW')).toBe('zh-CN');
    expect(preferredLanguage('fr-FR, zh;q=0.8, en;q=0.5')).toBe('zh-CN');
    expect(preferredLanguage('en;q=0.4, zh-CN;q=0.9')).toBe('zh-CN');
    expect(preferredLanguage('en-GB, zh-CN;q=0.9')).toBe('en');
    expect(preferredLanguage('zh;q=0, en')).toBe('en');
    expect(preferredLanguage('*')).toBe('en');
    expect(preferredLanguage('de')).toBe('en');
    expect(preferredLanguage('')).toBe('en');
  });

  it('a problem keeps its code, status and state in either language; only the human text changes', () => {
    const p = new ProblemException(409, 'CASE.DEFENCE_PERIOD_RUNNING', { en: 'runs until 2026-11-27', zh: '至2026年11月27日届满' }, {
      state: 'NOTICE_SERVED',
      allowedActions: ['defence'],
      errors: [fieldProblem('at', { en: 'must not be in the future', zh: '不得晚于当前时间' })],
    });
    const en = p.in('en');
    const zh = p.in('zh-CN');
    expect(en).toEqual(p.body);
    expect(en).toMatchObject({ detail: 'runs until 2026-11-27', errors: [{ field: 'at', message: 'must not be in the future' }] });
    expect(zh).toMatchObject({ detail: '至2026年11月27日届满', errors: [{ field: 'at', message: '不得晚于当前时间' }] });
    const same = (b: typeof en) => ({ ...b, detail: undefined, errors: b.errors?.map((e) => e.field) });
    expect(same(zh)).toEqual(same(en));
    // The wire shape stays {field, message}: the Chinese beside the English never leaks.
    expect(Object.keys(zh.errors![0]).sort()).toEqual(['field', 'message']);
  });

  it("the framework's own errors and anything unexpected have their Chinese too", () => {
    for (const e of [new BadRequestException('Unexpected token } in JSON'), new MethodNotAllowedException(), new Error('boom')]) {
      const zh = toProblem(e).in('zh-CN');
      expect({ code: zh.code, zh: CJK.test(zh.detail) }).toEqual({ code: zh.code, zh: true });
    }
    expect(toProblem(new Error('secret')).in('zh-CN').detail).not.toContain('secret');
  });

  it('a 400 without a detail of its own says so in both languages', () => {
    const p = badRequest([fieldProblem('x', { en: 'is required', zh: '为必填项' })]);
    expect(CJK.test(p.in('zh-CN').detail)).toBe(true);
    expect(p.in('en').detail).toBe('The request has invalid fields');
  });
});

describe('class-validator errors in Chinese, by constraint, naming the field', () => {
  class Sample {
    @IsBoolean() approve!: boolean;
    @IsString() @IsNotEmpty() @MaxLength(5) reason!: string;
    @IsInt() @Min(2) count!: number;
    @IsIn(['SCHEDULE', 'RECORD']) action!: string;
    @IsInstant() at!: string;
    @IsUUID('all', { each: true }) @ArrayMinSize(2) officerIds!: string[];
    @ForAction(['SCHEDULE']) hearingAt?: string;
  }

  it('says what each constraint asks, with its figures and values', async () => {
    const dto = plainToInstance(Sample, { approve: 'yes', reason: 'too long!', count: 1.5, action: 'PAUSE', at: '2026-11-23T10:00:00', officerIds: ['x'], hearingAt: 'x', extra: 1 });
    const errors = flattenValidationErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
    const zh = (field: string) => errors.filter((e) => e.field === field).map((e) => e.messageZh);
    expect(zh('approve')).toEqual(['approve须为 true 或 false']);
    expect(zh('reason')).toEqual(['reason不得超过5个字符']);
    expect(zh('count')).toEqual(expect.arrayContaining(['count须为整数']));
    expect(zh('action')).toEqual(['action须为以下之一：SCHEDULE、RECORD']);
    expect(zh('at')).toEqual(expect.arrayContaining(['at须为带 Z 或时区偏移的 ISO 8601 时间']));
    expect(zh('officerIds')).toEqual(expect.arrayContaining(['officerIds须为 UUID', 'officerIds至少须有2项']));
    expect(zh('hearingAt')).toEqual(['hearingAt仅在 action 为SCHEDULE时填写']);
    expect(zh('extra')).toEqual(['不允许提交字段extra']);
    for (const e of errors) expect({ field: e.field, english: e.message.length > 0, zh: CJK.test(e.messageZh), known: !e.messageZh.includes('填写有误') }).toEqual({ field: e.field, english: true, zh: true, known: true });
  });

  it('knows every constraint the API’s DTOs use', () => {
    const NAMES: Record<string, string> = {
      IsUUID: 'isUuid',
      IsISO8601: 'isIso8601',
      ValidateNested: 'nestedValidation',
      Matches: 'matches',
    };
    const used = new Set<string>();
    for (const file of sources(join(__dirname, '..'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/@(Is[A-Za-z0-9]+|Min|Max|ArrayMinSize|ArrayMaxSize|MaxLength|MinLength|Matches|ValidateNested)\(/g)) {
        // Composed of the constraints below (IsISO8601, Matches), not constraints of their own.
        if (m[1] === 'IsOptional' || m[1] === 'IsInstant' || m[1] === 'IsDateOrInstant' || m[1] === 'IsDay') continue;
        used.add(NAMES[m[1]] ?? m[1].charAt(0).toLowerCase() + m[1].slice(1));
      }
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((c) => !KNOWN_CONSTRAINTS.includes(c))).toEqual([]);
    expect(constraintZh('someNewRule', 'x', 'x is odd')).toBe('x填写有误（x is odd）');
  });
});
