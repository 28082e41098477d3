// `npm run openapi`: regenerates the committed OpenAPI document from the
// case-api's decorators (Nest preview mode: nothing connects, nothing listens)
// and the typed client's types and command forms from that document. No service needs to run.
// `--check` writes nothing and fails when either committed file is stale.
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument, OPENAPI_FILE, openApiJson } from '../../apps/case-api/src/openapi/openapi-document';
import { COMMAND_FORMS_FILE, generateCommandForms } from '../../libs/api-client/src/command-forms';
import { CLIENT_TYPES_FILE, generateClientTypes } from '../../libs/api-client/src/generate';

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const check = process.argv.includes('--check');
  const json = openApiJson(await buildOpenApiDocument());
  const types = await generateClientTypes(json);
  const stale: string[] = [];
  for (const [file, text] of [
    [OPENAPI_FILE, json],
    [CLIENT_TYPES_FILE, types],
    [COMMAND_FORMS_FILE, generateCommandForms(json)],
  ] as const) {
    const path = join(root, file);
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // not generated yet
    }
    if (current === text) continue;
    stale.push(file);
    if (!check) writeFileSync(path, text);
  }
  if (check && stale.length) {
    process.stderr.write(`Stale: ${stale.join(', ')}. Run \`npm run openapi\` and commit the result.\n`);
    process.exit(1);
  }
  process.stdout.write(stale.length ? `${check ? 'stale' : 'wrote'}: ${stale.join(', ')}\n` : 'OpenAPI document and client types are current\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`openapi: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
