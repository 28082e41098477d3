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

/** Whether `v` is an amount in yuan to the fen: a finite number that two decimals write exactly. */
export function isYuan(v: unknown): boolean {
  return typeof v === 'number' && Number.isFinite(v) && Math.round(v * 100) / 100 === v;
}

/**
 * An amount in yuan to the fen (at most two decimals). Not class-validator's
 * IsNumber({ maxDecimalPlaces: 2 }): it reads the number's text, and one
 * written with an exponent (5e-324) made it throw, a 500 instead of a 400.
 */
export const Yuan = (): PropertyDecorator =>
  ValidateBy({
    name: 'isYuan',
    validator: { validate: (v) => isYuan(v), defaultMessage: (args) => `${args?.property} must be an amount in yuan with at most two decimals` },
  });

/** Keeps a date (YYYY-MM-DD) as given; normalises an instant to UTC. */
export function dateOrInstant(v: string): string {
  return DATE_PATTERN.test(v) ? v : new Date(v).toISOString();
}

export const iso = (v: string): string => new Date(v).toISOString();
