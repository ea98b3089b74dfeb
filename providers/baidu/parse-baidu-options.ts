import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { isRecord } from '../../src/http/index.js';

/** A check per option name; true when the value is acceptable. */
export type BaiduOptionChecks = Record<string, (value: unknown) => boolean>;

/**
 * Validates `providerOptions.baidu` against `checks`: unknown keys are
 * rejected (so a typo does not pass silently) and so are wrong types, each
 * as an `InvalidArgumentError` naming the option.
 */
export function parseBaiduOptions<T>(value: unknown, checks: BaiduOptionChecks, kind: string): T {
  if (value === undefined) return {} as T;
  if (!isRecord(value)) throw new InvalidArgumentError({ argument: 'providerOptions.baidu', message: 'must be an object' });
  for (const [name, item] of Object.entries(value)) {
    const check = checks[name];
    if (!check) {
      throw new InvalidArgumentError({ argument: `providerOptions.baidu.${name}`, message: `is not a ${kind} option; known options: ${Object.keys(checks).join(', ')}` });
    }
    if (item !== undefined && !check(item)) throw new InvalidArgumentError({ argument: `providerOptions.baidu.${name}`, message: 'has the wrong type or range', value: item });
  }
  return value as T;
}
