import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePartialJson } from '../../src/schema/parse-partial-json.js';
import { FUZZ_RUNS, FUZZ_SEED } from './support/fuzz.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b) && (isObject(a) ? isObject(b) && Object.keys(a).length === Object.keys(b).length : true);
}

/**
 * True when `partial` could be a prefix's view of `final`: every finished
 * member equals the final one, and at most one member per container (the one
 * still streaming) is itself a consistent partial. An unfinished string is a
 * prefix of the final string; an unfinished number is some number.
 */
export function isConsistentPartial(partial: unknown, final: unknown): boolean {
  if (Array.isArray(partial)) {
    if (!Array.isArray(final) || partial.length > final.length) return false;
    return partial.every((item, index) => (index < partial.length - 1 ? deepEqual(item, final[index]) : isConsistentPartial(item, final[index])));
  }
  if (isObject(partial)) {
    if (!isObject(final)) return false;
    let unfinished = 0;
    for (const [key, value] of Object.entries(partial)) {
      if (!Object.hasOwn(final, key)) return false;
      if (deepEqual(value, final[key])) continue;
      if (++unfinished > 1 || !isConsistentPartial(value, final[key])) return false;
    }
    return true;
  }
  if (typeof partial === 'string') return typeof final === 'string' && final.startsWith(partial);
  if (typeof partial === 'number') return typeof final === 'number';
  return partial === final;
}

// streamObject always parses an object at the root (other roots travel wrapped in { value }).
const documentArbitrary = fc
  .tuple(
    fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 })),
    fc.constantFrom(undefined, 0, 1, 2, '\t'),
  )
  .map(([value, indent]) => JSON.stringify(value, null, indent));

describe('parsePartialJson', () => {
  it(`never throws on any prefix of valid JSON, and each prefix is consistent with the final value (${FUZZ_RUNS} runs)`, () => {
    fc.assert(
      fc.property(documentArbitrary, (text) => {
        const final: unknown = JSON.parse(text);
        for (let end = 0; end <= text.length; end++) {
          const prefix = text.slice(0, end);
          const result = parsePartialJson(prefix);
          if (result.state === 'complete') {
            expect(deepEqual(result.value, final), `complete prefix ${JSON.stringify(prefix)}`).toBe(true);
          } else if (result.value !== undefined) {
            expect(isConsistentPartial(result.value, final), `prefix ${JSON.stringify(prefix)} gave ${JSON.stringify(result.value)}`).toBe(true);
          }
        }
        expect(parsePartialJson(text)).toEqual({ state: 'complete', value: final });
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
  });

  it(`never throws on random text (${FUZZ_RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json().map((json) => json.slice(0, -1) + '\\')), (text) => {
        const result = parsePartialJson(text);
        expect(['complete', 'partial', 'invalid']).toContain(result.state);
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
  });

  it('keeps known edge cases consistent', () => {
    const final = { a: 'x\\y"z', b: [1.5e21, -0.25, true, null], '1': { c: '👍🏽' } };
    const text = JSON.stringify(final);
    for (let end = 0; end <= text.length; end++) {
      const result = parsePartialJson(text.slice(0, end));
      if (result.value !== undefined) expect(isConsistentPartial(result.value, final)).toBe(true);
    }
  });
});
