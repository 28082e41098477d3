import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

// The client's types are generated from the committed document and committed
// themselves (so the type check needs no generation step); they must be what
// the committed document generates now. openapi-typescript loads ESM-only
// packages that Jest's CommonJS runtime cannot, so the check runs as
// `npm run openapi` does, in its own Node process, with --check (writes nothing).
describe('the generated client types', () => {
  it('are current with apps/case-api/openapi.json (otherwise run `npm run openapi` and commit the result)', () => {
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', 'infra/openapi/generate.ts', '--check'], { cwd: root, encoding: 'utf8' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toContain('current');
  });
});
