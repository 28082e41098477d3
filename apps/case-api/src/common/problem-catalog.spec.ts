import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REJECTION_CODES } from '@zhifa/domain';
import { problemType } from './problem';
import { API_PROBLEMS, problemCatalog, problemTypeEntry } from './problem-catalog';
import { preferredLanguage, PROBLEM_TITLES } from './problem-titles';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the problem catalog behind the problem type URIs', () => {
  it('has every code the domain returns, with the domain status', () => {
    for (const [code, status] of Object.entries(REJECTION_CODES)) {
      expect({ code, status: problemTypeEntry(code)?.status }).toEqual({ code, status });
    }
  });

  it('has every code the HTTP edge raises by name, with the status it is raised with', () => {
    const raised = new Map<string, number | undefined>();
    for (const file of sources(join(__dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/ProblemException\((\d{3}), '([A-Z_.]+)'/g)) raised.set(m[2], Number(m[1]));
      for (const m of text.matchAll(/readonly code = '([A-Z_.]+)'/g)) raised.set(m[1], undefined);
      for (const m of text.matchAll(/notFound\('([a-z]+)'/g)) raised.set(`${m[1].toUpperCase()}.NOT_FOUND`, 404);
    }
    expect(raised.size).toBeGreaterThan(15);
    for (const [code, status] of raised) {
      const entry = problemTypeEntry(code);
      expect({ code, known: entry !== undefined }).toEqual({ code, known: true });
      if (status !== undefined) expect({ code, status: entry?.status }).toEqual({ code, status });
    }
  });

  it('answers an unmapped framework status from the status, and nothing for an unknown code', () => {
    expect(problemTypeEntry('HTTP.405')).toMatchObject({ status: 405, raisedBy: 'HTTP edge' });
    expect(problemTypeEntry('NO.SUCH_CODE')).toBeUndefined();
  });

  it('points each code to its own page, one entry per code', () => {
    const catalog = problemCatalog();
    expect(new Set(catalog.map((p) => p.code)).size).toBe(catalog.length);
    expect(catalog.map((p) => p.code)).toEqual(expect.arrayContaining([...Object.keys(REJECTION_CODES), ...Object.keys(API_PROBLEMS)]));
    expect(problemType('CASE.TWO_OFFICERS_REQUIRED')).toBe('/api/v1/problems/CASE.TWO_OFFICERS_REQUIRED');
    for (const p of catalog) expect(p.type).toBe(problemType(p.code));
  });

  it('titles every code in Chinese and English, and no code that is never raised', () => {
    const codes = [...Object.keys(REJECTION_CODES), ...Object.keys(API_PROBLEMS)];
    for (const code of codes) {
      const t = PROBLEM_TITLES[code];
      expect({ code, zh: /[\u4e00-\u9fff]/.test(t?.['zh-CN'] ?? ''), en: (t?.en ?? '').length > 0 }).toEqual({ code, zh: true, en: true });
    }
    expect(Object.keys(PROBLEM_TITLES).filter((c) => !codes.includes(c))).toEqual([]);
    expect(problemTypeEntry('CASE.TWO_OFFICERS_REQUIRED')?.titles).toEqual(PROBLEM_TITLES['CASE.TWO_OFFICERS_REQUIRED']);
  });

  it('reads the language from Accept-Language: Chinese first means zh-CN', () => {
    expect(preferredLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(preferredLanguage('zh')).toBe('zh-CN');
    expect(preferredLanguage('en-US,zh-CN;q=0.5')).toBe('en');
    expect(preferredLanguage(undefined)).toBe('en');
  });
});
