import { applyDecorators } from '@nestjs/common';
import { DATE_OR_INSTANT_PATTERN, DATE_PATTERN, INSTANT_PATTERN } from '@zhifa/domain';
import { IsISO8601, IsNotEmpty, IsString, Matches, MaxLength, ValidateBy, ValidateIf } from 'class-validator';

/** An instant with its zone (Z or ±hh:mm): days are counted in the case's time zone, never guessed. */
export const IsInstant = (): PropertyDecorator =>
  applyDecorators(
    IsISO8601({ strict: true, strictSeparator: true }),
    Matches(INSTANT_PATTERN, { message: '$property must be an ISO 8601 instant with Z or an offset' }),
  );

/** A local date (YYYY-MM-DD) or an instant with its zone. */
export const IsDateOrInstant = (): PropertyDecorator =>
  applyDecorators(
    IsISO8601({ strict: true, strictSeparator: true }),
    Matches(DATE_OR_INSTANT_PATTERN, {
      message: '$property must be YYYY-MM-DD or an ISO 8601 instant with Z or an offset',
    }),
  );

/** A non-empty string of at most `max` characters (each: every item of an array). */
export const Text = (max: number, opts: { each?: boolean } = {}): PropertyDecorator =>
  applyDecorators(IsString(opts), IsNotEmpty(opts), MaxLength(max, opts));

/**
 * A field of a body whose `action` picks the command: validated (and
 * required unless `optional`) for the listed actions, refused for the others
 * so a field of the other command is never silently dropped.
 */
export function ForAction(actions: readonly string[], opts: { optional?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    ValidateIf((o: { action?: unknown }, v: unknown) => v !== undefined || (!opts.optional && actions.includes(o.action as string))),
    ValidateBy({
      name: 'forAction',
      constraints: [actions],
      validator: {
        validate: (_v, args) => actions.includes((args?.object as { action?: string }).action as string),
        defaultMessage: (args) => `${args?.property} is only given with action ${actions.join(' or ')}`,
      },
    }),
  );
}

/** Keeps a date (YYYY-MM-DD) as given; normalises an instant to UTC. */
export function dateOrInstant(v: string): string {
  return DATE_PATTERN.test(v) ? v : new Date(v).toISOString();
}

export const iso = (v: string): string => new Date(v).toISOString();
