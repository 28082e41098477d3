import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtension, ApiExtraModels, getSchemaPath } from '@nestjs/swagger';

/** The extension that carries a per-media-type request body until the document is finished (finishOpenApiDocument). */
export const REQUEST_CONTENT_EXTENSION = 'x-zhifa-request-content';

/**
 * A request body with a different schema per media type (Nest's ApiBody gives
 * every media type one schema): the evidence upload is JSON with `text`, or
 * multipart with a binary `file`.
 */
export function ApiRequestBodyContent(bodies: Record<string, Type<unknown>>, description: string): MethodDecorator {
  const types = Object.values(bodies);
  return applyDecorators(
    ApiExtraModels(...types),
    ApiConsumes(...Object.keys(bodies)),
    ApiBody({ type: types[0], required: true, description }),
    ApiExtension(
      REQUEST_CONTENT_EXTENSION,
      Object.fromEntries(Object.entries(bodies).map(([mediaType, type]) => [mediaType, { schema: { $ref: getSchemaPath(type) } }])),
    ),
  );
}
