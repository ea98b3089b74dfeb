import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { isRecord } from '../../src/http/index.js';

/** A type check per known option. */
export type OptionChecks<T> = { [K in keyof T]-?: (value: unknown) => boolean };

/** Known options, and wire fields to send as they are. */
export interface ParsedOptions<T> {
  /** The known (camelCase) options, type-checked. */
  options: T;
  /** Keys spelled as wire fields (`snake_case` or one lower-case word), sent verbatim. */
  wireFields: Record<string, unknown>;
}

const WIRE_FIELD = /^[a-z][a-z0-9_]*$/;

/**
 * Validates `providerOptions[key]` for Stability and AUTOMATIC1111. Known
 * options are camelCase and type-checked. Any other key spelled like a wire
 * field (`style_preset`, `alwayson_scripts`) is sent verbatim, because both
 * APIs grow fields faster than we can type them; a camelCase key we do not
 * know is rejected, since it is most likely a typo of one we do.
 */
export function parseStabilityOptions<T extends object>(value: unknown, key: string, checks: OptionChecks<T>): ParsedOptions<T> {
  if (value === undefined) return { options: {} as T, wireFields: {} };
  if (!isRecord(value)) throw new InvalidArgumentError({ argument: `providerOptions.${key}`, message: 'must be an object' });
  const options: Record<string, unknown> = {};
  const wireFields: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const check = (checks as Record<string, (value: unknown) => boolean>)[name];
    if (check) {
      if (!check(item)) throw new InvalidArgumentError({ argument: `providerOptions.${key}.${name}`, message: 'has the wrong type or is out of range', value: item });
      options[name] = item;
    } else if (WIRE_FIELD.test(name)) {
      wireFields[name] = item;
    } else {
      throw new InvalidArgumentError({
        argument: `providerOptions.${key}.${name}`,
        message: `is not a known option (known: ${Object.keys(checks).join(', ')}); wire fields are passed through when spelled in snake_case`,
      });
    }
  }
  return { options: options as T, wireFields };
}

/** A finite number within `[min, max]`. */
export const numberIn = (min: number, max: number) => (value: unknown): boolean =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;

/** An integer within `[min, max]`. */
export const integerIn = (min: number, max: number) => (value: unknown): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** One of the given strings. */
export const oneOf = (...values: string[]) => (value: unknown): boolean => typeof value === 'string' && values.includes(value);

/** Any string. */
export const isString = (value: unknown): boolean => typeof value === 'string';

/** A boolean. */
export const isBoolean = (value: unknown): boolean => typeof value === 'boolean';
