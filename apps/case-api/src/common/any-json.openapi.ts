import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * The schema of a field that holds any JSON value (a policy value before and
 * after a change, a read-model value beside the chain's): written out, since
 * a property typed `unknown` reaches the document as `type: object`, which a
 * number or a text is not. For `@ApiProperty({ ...ANY_JSON, description })`.
 */
export const ANY_JSON: Pick<SchemaObject, 'oneOf'> = {
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }, { type: 'object' }],
};
