import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePartialJson } from '../../src/schema/parse-partial-json.js';
import { FUZZ_RUNS, FUZZ_SEED } from './support/fuzz.js';
import { deepEqual, isConsistentPartial } from './support/partial-json.js';

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
