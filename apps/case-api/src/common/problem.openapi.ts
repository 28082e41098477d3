import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ACTION_NAMES, CASE_STATUSES } from '@zhifa/domain';
import type { FieldProblem, ProblemBody } from './problem';
import type { ProblemTypeEntry } from './problem-catalog';

export class FieldProblemDto implements FieldProblem {
  @ApiProperty({ type: String, example: 'officerIds[1]', description: 'The request field, as sent (a path for nested fields)' })
  field!: string;

  @ApiProperty({ type: String, example: 'no active user with id 6c0b…', description: 'What is wrong with the field, in the language of Accept-Language (zh-CN or English)' })
  message!: string;
}

/**
 * The body of every error (RFC 9457 application/problem+json), exactly as
 * ProblemFilter sends it: `code` is stable, `type` resolves to its description.
 */
export class ProblemDto implements ProblemBody {
  [extra: string]: unknown;

  @ApiProperty({
    type: String,
    format: 'uri-reference',
    example: '/api/v1/problems/CASE.TWO_OFFICERS_REQUIRED',
    description: "The problem type: a reference relative to the request's URL; GET it for what the code means",
  })
  type!: string;

  @ApiProperty({
    type: String,
    example: 'Unprocessable Content',
    description: "The HTTP reason phrase of the status; with Accept-Language: zh-CN the code's Chinese title",
  })
  title!: string;

  @ApiProperty({ type: Number, example: 422 })
  status!: number;

  @ApiProperty({
    type: String,
    example: 'Evidence must be collected by at least two certified officers (APL 42)',
    description:
      'Why, with the case’s own figures, in the language of Accept-Language: zh-CN (dates 2026年11月20日, amounts ¥52,000.00) or English; Content-Language says which',
  })
  detail!: string;

  @ApiProperty({ type: String, example: 'CASE.TWO_OFFICERS_REQUIRED', description: 'Stable code; one code always has one status' })
  code!: string;

  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'The fields at fault (400, and 422 where a rule concerns a field)' })
  errors?: FieldProblemDto[];

  @ApiPropertyOptional({ enum: CASE_STATUSES, nullable: true, description: "409 from the domain: the case's status (null before it exists)" })
  state?: string | null;

  @ApiPropertyOptional({ enum: ACTION_NAMES, isArray: true, description: '409 from the domain: what the caller may do now instead' })
  allowedActions?: string[];
}

export class ProblemTitlesDto {
  @ApiProperty({ type: String, name: 'zh-CN', example: '须有两名以上持证执法人员' })
  'zh-CN'!: string;

  @ApiProperty({ type: String, example: 'Two certified officers are required' })
  en!: string;
}

/** GET /problems/{code}: what a problem type means. */
export class ProblemTypeDto implements ProblemTypeEntry {
  @ApiProperty({ type: String, example: 'CASE.TWO_OFFICERS_REQUIRED' })
  code!: string;

  @ApiProperty({ type: Number, example: 422 })
  status!: number;

  @ApiProperty({ type: String, example: 'Unprocessable Content' })
  title!: string;

  @ApiProperty({ type: String })
  description!: string;

  @ApiProperty({ type: String, example: 'domain (investigation stage)' })
  raisedBy!: string;

  @ApiProperty({ type: String, format: 'uri-reference', example: '/api/v1/problems/CASE.TWO_OFFICERS_REQUIRED' })
  type!: string;

  @ApiPropertyOptional({ type: ProblemTitlesDto, description: 'What a person reads, in Chinese (zh-CN) and English' })
  titles?: ProblemTitlesDto;
}

export class ProblemTypeListDto {
  @ApiProperty({ type: [ProblemTypeDto] })
  items!: ProblemTypeDto[];
}

export type ProblemStatus = 400 | 401 | 403 | 404 | 408 | 409 | 413 | 422 | 429 | 500 | 503;

const GENERAL: Record<ProblemStatus, string> = {
  400: 'VALIDATION.FAILED with errors[{field, message}]',
  401: 'AUTH.TOKEN_MISSING, AUTH.TOKEN_INVALID, AUTH.UNKNOWN_USER',
  403: 'AUTH.AGENCY_MISMATCH, CASE.NOT_ASSIGNED',
  404: 'CASE.NOT_FOUND',
  408: 'REQUEST.TIMEOUT: the upload sent nothing for UPLOAD_IDLE_TIMEOUT_MS; nothing recorded',
  409: 'Not in this state: code, state and allowedActions',
  413: 'REQUEST.TOO_LARGE',
  422: 'A legal rule forbids the content',
  429: 'RATE.LIMITED: too many requests from this client; retry after Retry-After seconds',
  500: 'INTERNAL: an unexpected error, logged',
  503: 'A service the route needs is unreachable; try again shortly',
};

/** The problems every authenticated route can answer: no or a bad token, an unknown user, a token of another agency. */
export const AUTHENTICATED: Partial<Record<ProblemStatus, string>> = {
  401: GENERAL[401],
  403: 'AUTH.AGENCY_MISMATCH',
};

/**
 * Declares the application/problem+json answers of an operation: for each
 * status, the codes it answers with (a default text when given `true`).
 * Every operation also declares 500 (INTERNAL), which any route can answer.
 */
export function ApiProblems(...specs: (Partial<Record<ProblemStatus, string | true>> | ProblemStatus)[]): MethodDecorator & ClassDecorator {
  const merged = new Map<ProblemStatus, string[]>();
  for (const spec of [...specs, 500 as const]) {
    const entries: [ProblemStatus, string | true][] = typeof spec === 'number' ? [[spec, true]] : (Object.entries(spec).map(([s, d]) => [Number(s), d]) as [ProblemStatus, string | true][]);
    for (const [status, text] of entries) {
      const line = text === true ? GENERAL[status] : text;
      const lines = merged.get(status) ?? [];
      if (!lines.includes(line)) lines.push(line);
      merged.set(status, lines);
    }
  }
  return applyDecorators(
    ...[...merged.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, lines]) =>
        ApiResponse({
          status,
          description: lines.join('; '),
          content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
        }),
      ),
  );
}
