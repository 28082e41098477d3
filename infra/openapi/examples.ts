// `npm run openapi:examples`: records the examples of the OpenAPI document
// from what the API really exchanges. Runs the integration, e2e and browser suites against
// the real services with ZHIFA_OPENAPI_SAMPLES set
// (tests/support/openapi-samples.ts writes each successful JSON exchange of
// the test stacks, the console's included), picks one exchange per operation
// and writes apps/case-api/src/openapi/examples.json; then `npm run openapi`.
// `--from <dir>` skips the run and reads samples recorded before (several
// directories: `--from a --from b`).
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OperationExample, OperationExamples } from '../../apps/case-api/src/openapi/attach-examples';
import type { OpenApiSample } from '../../tests/support/openapi-samples';

const ROOT = join(__dirname, '..', '..');
export const EXAMPLES_FILE = 'apps/case-api/src/openapi/examples.json';
/** Lists are cut to this many elements, texts to this many characters: an example shows the shape, not a whole case file. */
const MAX_ITEMS = 2;
const MAX_TEXT = 300;

function record(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhifa-openapi-samples-'));
  const run =
    'bash infra/services.sh && bash infra/install-browser.sh && npm run -s build:console && ' +
    'TEMPORAL_CLI="$(bash infra/temporal-cli.sh)" ZHIFA_OPENAPI_SAMPLES="$1" npx jest --selectProjects integration e2e browser --runInBand';
  execFileSync('bash', ['-c', run, 'examples', dir], { cwd: ROOT, stdio: 'inherit' });
  return dir;
}

function samplesIn(dir: string): OpenApiSample[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as OpenApiSample));
}

/** The value cut down to an example's size; tokens shown by their start only. */
function trim(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map(trim);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trim(v)]));
  if (typeof value === 'string') {
    if (/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/.test(value)) return `${value.slice(0, 20)}…`;
    return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  }
  return value;
}

/** How many distinct fields (paths, list positions ignored) a value fills: the richer exchange is the better example. */
function fieldsFilled(value: unknown, path = '', into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) fieldsFilled(v, `${path}[]`, into);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) fieldsFilled(v, `${path}.${k}`, into);
  else if (value !== null && value !== undefined) into.add(path);
  return into;
}

function pick(samples: OpenApiSample[]): OperationExamples {
  const best = new Map<string, { score: number; size: number; example: OperationExample }>();
  for (const s of samples) {
    const example: OperationExample = { status: s.status, ...(s.request !== undefined ? { request: trim(s.request) } : {}), ...(s.response !== undefined ? { response: trim(s.response) } : {}) };
    const score = fieldsFilled(example.request, 'request').size + fieldsFilled(example.response, 'response').size;
    const size = JSON.stringify(example).length;
    const held = best.get(s.operation);
    if (!held || score > held.score || (score === held.score && size < held.size)) best.set(s.operation, { score, size, example });
  }
  return Object.fromEntries([...best.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([op, { example }]) => [op, example]));
}

function main(): void {
  const dirs = process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--from' ? [arg] : []));
  if (!dirs.length) dirs.push(record());
  const examples = pick(dirs.flatMap(samplesIn));
  writeFileSync(join(ROOT, EXAMPLES_FILE), `${JSON.stringify(examples, null, 2)}\n`);
  process.stdout.write(`${Object.keys(examples).length} operations' examples written to ${EXAMPLES_FILE} (samples in ${dirs.join(', ')}); now run npm run openapi\n`);
}

main();
