// The case rules run in Temporal's workflow sandbox: no clock, no randomness,
// no I/O, nothing imported from outside libs/domain.
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname);
const DOMAIN = path.resolve(__dirname, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts') ? [p] : [];
  });
}

describe('purity of libs/domain/src/case', () => {
  const files = sources(ROOT);

  it.each(files.map((f) => [path.relative(ROOT, f), f]))('%s', (_rel, file) => {
    const text = fs.readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '');
    expect(text).not.toMatch(/Date\.now\s*\(/);
    expect(text).not.toMatch(/new Date\(\s*\)/);
    expect(text).not.toMatch(/Math\.random/);
    expect(text).not.toMatch(/process\.env/);
    for (const m of text.matchAll(/from\s+'([^']+)'/g)) {
      const spec = m[1];
      expect(spec.startsWith('.')).toBe(true);
      expect(path.resolve(path.dirname(file), spec).startsWith(DOMAIN)).toBe(true);
    }
  });
});
