import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject, OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { buildOpenApiDocument, OPENAPI_FILE, openApiJson } from './openapi-document';
import { missingExamples } from './attach-examples';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operations(doc: OpenAPIObject): { name: string; op: OperationObject }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ name: `${m.toUpperCase()} ${path}`, op: item[m]! })),
  );
}

// The document a client is generated from is committed (apps/case-api/openapi.json):
// a change to the API shows in review as a change to its contract, and the
// generated client (libs/api-client) can never drift from the API unnoticed.
describe('the OpenAPI document', () => {
  let doc: OpenAPIObject;
  beforeAll(async () => {
    doc = await buildOpenApiDocument();
  });

  it('is the committed one (otherwise run `npm run openapi` and commit the result)', () => {
    const committed = readFileSync(join(__dirname, '../../../..', OPENAPI_FILE), 'utf8');
    const current = openApiJson(doc);
    if (current !== committed) {
      throw new Error(`${OPENAPI_FILE} is not the document the API builds now. Run \`npm run openapi\` and commit the result (it also regenerates libs/api-client).`);
    }
  });

  it('gives every operation a summary, a description, a success body with a schema and its problem+json answers', () => {
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(45);
    const faults = ops.flatMap(({ name, op }) => {
      const statuses = Object.keys(op.responses);
      const success = statuses.filter((s) => /^2\d\d$/.test(s));
      const problems = statuses.filter((s) => /^[45]\d\d$/.test(s) && (op.responses[s] as { content?: object }).content && 'application/problem+json' in (op.responses[s] as { content: object }).content);
      return [
        ...(op.summary?.trim() ? [] : [`${name}: no summary`]),
        ...(op.description?.trim() ? [] : [`${name}: no description`]),
        ...(success.length ? [] : [`${name}: no success response`]),
        ...success.filter((s) => !(op.responses[s] as { content?: object }).content).map((s) => `${name}: ${s} has no body schema`),
        ...(problems.some((s) => s.startsWith('4')) || name.startsWith('GET /health') || name.startsWith('GET /ready') || name.endsWith('/dev/tokens') || name.endsWith('/problems')
          ? []
          : [`${name}: no 4xx problem response`]),
        ...(problems.length ? [] : [`${name}: no problem response`]),
      ];
    });
    expect(faults).toEqual([]);
  });

  it('has an example on every JSON request and success answer, and on every field (recorded, else written in field-examples.json)', () => {
    expect(missingExamples(doc)).toEqual({ operations: [], fields: [] });
  });

  it('says of every operation whether it needs a token: the bearer token, or none for the public routes (@Public)', () => {
    const open = operations(doc).filter(({ op }) => Array.isArray(op.security) && op.security.length === 0).map(({ name }) => name);
    expect(open).toEqual([
      'GET /health',
      'GET /ready',
      'GET /api/v1/problems',
      'GET /api/v1/problems/{code}',
      'GET /api/v1/public/agencies',
      'GET /api/v1/public/agencies/{id}',
      'GET /api/v1/public/officers/{certificateNo}',
      'GET /api/v1/public/disclosures',
      'GET /api/v1/public/disclosures/{id}',
      'GET /api/v1/dev/tokens',
    ]);
    const undeclared = operations(doc).filter(({ op }) => !Array.isArray(op.security) || (op.security.length > 0 && !op.security.some((r) => 'bearer' in r)));
    expect(undeclared.map(({ name }) => name)).toEqual([]);
  });

  it('documents the problem body as ProblemFilter sends it', () => {
    const problem = doc.components?.schemas?.ProblemDto as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(problem.properties).sort()).toEqual(['allowedActions', 'code', 'detail', 'errors', 'state', 'status', 'title', 'type']);
    expect(problem.required.sort()).toEqual(['code', 'detail', 'status', 'title', 'type']);
  });

  it('declares the multipart evidence upload with its binary file part beside the JSON body', () => {
    const body = doc.paths['/api/v1/cases/{id}/evidence'].post!.requestBody as { content: Record<string, { schema: { $ref: string } }> };
    expect(Object.keys(body.content)).toEqual(['application/json', 'multipart/form-data']);
    const upload = doc.components!.schemas![body.content['multipart/form-data'].schema.$ref.split('/').pop()!] as { properties: Record<string, { type?: string; format?: string }>; required: string[] };
    expect(upload.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(upload.required).toEqual(expect.arrayContaining(['file', 'kind', 'title', 'collectedAt', 'collectedByIds', 'location']));
    expect(upload.properties.text).toBeUndefined();
    // The extension that carried it is not left in the document.
    expect(JSON.stringify(doc)).not.toContain('x-zhifa-request-content');
  });
});
