import type { OpenAPIObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { attachExamples } from './attach-examples';

function doc(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/cases/{id}': {
        post: {
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Body' } } } },
          responses: {
            '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/View' } } } },
            '422': { description: 'no', content: { 'application/problem+json': { schema: { type: 'object' } } } },
          },
        },
      },
    },
    components: {
      schemas: {
        Body: { type: 'object', properties: { reason: { type: 'string' }, officerIds: { type: 'array', items: { type: 'string' } } } },
        View: {
          type: 'object',
          properties: {
            id: { type: 'string', example: 'kept' },
            party: { allOf: [{ $ref: '#/components/schemas/Party' }] },
            items: { type: 'array', items: { $ref: '#/components/schemas/Item' } },
            closedAt: { type: 'string', nullable: true },
          },
        },
        Party: { type: 'object', properties: { name: { type: 'string' } } },
        Item: { type: 'object', properties: { title: { type: 'string' }, amount: { type: 'number' } } },
      },
    },
  };
}

const schema = (d: OpenAPIObject, name: string) => d.components!.schemas![name] as { properties: Record<string, { example?: unknown }> };

describe('attachExamples', () => {
  it('gives the operation its recorded exchange and each field the first value the exchange gave it', () => {
    const d = doc();
    attachExamples(d, {
      'POST /cases/{id}': {
        status: 200,
        request: { reason: '达到追诉标准', officerIds: ['a', 'b'] },
        response: { id: 'c1', party: { name: '王某' }, items: [{ title: '不合格插座' }, { title: '进货凭证', amount: 3000 }], closedAt: null },
      },
    });
    const op = d.paths['/cases/{id}'].post!;
    expect((op.requestBody as { content: Record<string, { example?: unknown }> }).content['application/json'].example).toEqual({ reason: '达到追诉标准', officerIds: ['a', 'b'] });
    expect((op.responses['200'] as { content: Record<string, { example?: unknown }> }).content['application/json'].example).toMatchObject({ id: 'c1' });
    expect(schema(d, 'Body').properties.reason.example).toBe('达到追诉标准');
    expect(schema(d, 'Body').properties.officerIds.example).toEqual(['a', 'b']);
    // A field's own example stays; nested fields are reached through allOf and list items; a null leaves none.
    expect(schema(d, 'View').properties.id.example).toBe('kept');
    expect(schema(d, 'Party').properties.name.example).toBe('王某');
    expect(schema(d, 'Item').properties.title.example).toBe('不合格插座');
    expect(schema(d, 'Item').properties.amount.example).toBe(3000);
    expect(schema(d, 'View').properties.closedAt.example).toBeUndefined();
    expect(schema(d, 'View').properties.party.example).toBeUndefined();
  });

  it('leaves an operation with no recorded exchange, and a status the operation does not declare, as they are', () => {
    const d = doc();
    attachExamples(d, { 'POST /cases/{id}': { status: 201, response: { id: 'x', party: { name: '李某' } } } });
    const op = d.paths['/cases/{id}'].post!;
    expect((op.responses['200'] as { content: Record<string, { example?: unknown }> }).content['application/json'].example).toBeUndefined();
    expect(schema(d, 'Party').properties.name.example).toBeUndefined();
    attachExamples(d, { 'GET /cases/{id}': { status: 200, response: { id: 'x' } } });
    expect(schema(d, 'View').properties.id.example).toBe('kept');
  });

  it('fills what no exchange filled from the written examples, never over a recorded one, and refuses one naming no field', () => {
    const d = doc();
    attachExamples(d, { 'POST /cases/{id}': { status: 200, response: { id: 'x', items: [{ title: '不合格插座' }] } } }, { 'Item.title': '写的', 'Item.amount': 3000 });
    expect(schema(d, 'Item').properties.title.example).toBe('不合格插座');
    expect(schema(d, 'Item').properties.amount.example).toBe(3000);
    expect(() => attachExamples(doc(), {}, { 'Item.weight': 1 })).toThrow('field-examples.json: Item.weight is not a field of the document');
  });
});
