import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSchema, streamObject } from '../../src/index.js';
import { MockLanguageModel, mockTextStream } from '../../src/testing/index.js';
import { FUZZ_RUNS, FUZZ_SEED } from './support/fuzz.js';
import { isConsistentPartial } from './support/partial-json.js';

/** Splits `text` at the given points into the deltas a model streams. */
function split(text: string, points: number[]): string[] {
  const cuts = [...new Set([0, ...points.map((point) => point % (text.length + 1)), text.length])].sort((a, b) => a - b);
  const deltas: string[] = [];
  for (let index = 0; index < cuts.length - 1; index++) deltas.push(text.slice(cuts[index], cuts[index + 1]));
  return deltas.filter((delta) => delta !== '');
}

const objectArbitrary = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 4 });

describe('streamObject', () => {
  it(`streams partial objects consistent with the final object, whatever the delta boundaries (${FUZZ_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(objectArbitrary, fc.array(fc.nat(), { maxLength: 20 }), async (value, points) => {
        const text = JSON.stringify(value);
        const final: unknown = JSON.parse(text);
        const model = new MockLanguageModel({ doStream: mockTextStream(split(text, points)) });
        // An open schema: any object validates, so the final object must equal what was streamed.
        const result = streamObject({ model, schema: jsonSchema({ type: 'object' }), prompt: 'fuzz' });
        const partials: unknown[] = [];
        for await (const partial of result.partialObjectStream) partials.push(partial);
        for (const partial of partials) expect(isConsistentPartial(partial, final), JSON.stringify(partial)).toBe(true);
        expect(await result.object).toEqual(final);
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
  });
});
