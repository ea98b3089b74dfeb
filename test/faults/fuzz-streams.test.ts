import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AigcError, generateText, streamText } from '../../src/index.js';
import { loadAdapters } from './support/load-adapters.js';
import { FUZZ_RUNS, FUZZ_SEED, memoryFetch, splitBody } from './support/fuzz.js';

const SECRET = 'sk-FUZZSECRET-0a1b2c3d4e';
const adapters = (await loadAdapters()).filter((adapter) => adapter.languageModel && adapter.text);
const encoder = new TextEncoder();

/** Text deltas as models send them: any Unicode (CJK, emoji, combining marks), quotes, backslashes, newlines, `data:` look-alikes. */
const deltaArbitrary = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
  fc.constantFrom('\n', '\n\n', '\r\n', 'data: ', '"', '\\', '\\n', '[DONE]', '你好', '👍🏽', 'é', '\u2028', '{"a":1}'),
);

async function streamedText(model: Parameters<typeof streamText>[0]['model']): Promise<{ text: string; finishReason: string }> {
  const result = streamText({ model, prompt: 'fuzz', maxRetries: 0 });
  let text = '';
  for await (const delta of result.textStream) text += delta;
  return { text, finishReason: await result.finishReason };
}

describe.each(adapters.map((adapter) => [adapter.name, adapter] as const))('%s stream parser', (_name, adapter) => {
  const wire = adapter.text!;
  const auxiliary = adapter.auxiliaryRoutes?.(SECRET) ?? [];
  const contentType = wire.streamContentType ?? 'text/event-stream';

  it(`yields the unsplit result for streams split at random byte offsets (${FUZZ_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(deltaArbitrary, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 24 }), async (deltas, splits) => {
        const bytes = encoder.encode(wire.streamBody(deltas));
        const fetch = memoryFetch(() => new Response(splitBody(bytes, splits), { headers: { 'content-type': contentType } }), auxiliary);
        const model = adapter.languageModel!({ baseURL: 'http://fuzz.invalid', secret: SECRET, fetch });
        const result = await streamedText(model);
        expect(result).toEqual({ text: deltas.join(''), finishReason: 'stop' });
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
  });

  it(`rejects random garbage streams with a typed error, never a hang or an untyped exception (${FUZZ_RUNS} runs)`, async () => {
    const garbage = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      // SSE-shaped garbage: plausible field lines with random payloads.
      fc
        .array(
          fc.oneof(
            fc.string().map((text) => `data: ${text}\n`),
            fc.json().map((json) => `data: ${json}\n\n`),
            fc.string().map((text) => `event: ${text}\n`),
            fc.constantFrom('\n', ': ping\n', 'data: {"choices":[{"delta":{"content":"x"}}]}\n\n', 'data: {"error":{"message":"boom"}}\n\n', 'retry: 10\n'),
          ),
          { maxLength: 12 },
        )
        .map((lines) => encoder.encode(lines.join(''))),
    );
    await fc.assert(
      fc.asyncProperty(garbage, fc.array(fc.nat(), { maxLength: 8 }), async (bytes, splits) => {
        const fetch = memoryFetch(() => new Response(splitBody(bytes, splits), { headers: { 'content-type': contentType } }), auxiliary);
        const model = adapter.languageModel!({ baseURL: 'http://fuzz.invalid', secret: SECRET, fetch });
        try {
          await streamedText(model);
        } catch (error) {
          expect(AigcError.isInstance(error), `untyped ${String(error)}`).toBe(true);
        }
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, interruptAfterTimeLimit: 120_000 },
    );
  });

  it(`rejects random garbage bodies of generate with a typed error (${FUZZ_RUNS} runs)`, async () => {
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.json().map((json) => encoder.encode(json)),
      fc.jsonValue().map((value) => encoder.encode(JSON.stringify({ choices: [value], result: value, data: value }))),
    );
    await fc.assert(
      fc.asyncProperty(body, async (bytes) => {
        const fetch = memoryFetch(() => new Response(bytes, { headers: { 'content-type': 'application/json' } }), auxiliary);
        const model = adapter.languageModel!({ baseURL: 'http://fuzz.invalid', secret: SECRET, fetch });
        try {
          const result = await generateText({ model, prompt: 'fuzz', maxRetries: 0 });
          expect(typeof result.text).toBe('string');
        } catch (error) {
          expect(AigcError.isInstance(error), `untyped ${String(error)}`).toBe(true);
        }
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
  });
});
