import { describe, expect, it } from 'vitest';
import { APICallError, generateText, InvalidArgumentError, InvalidResponseError, streamText } from '../../../src/index.js';
import { createOpenAI } from '../../../providers/openai/index.js';

const completion = (content: string) =>
  JSON.stringify({ id: 'c', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });

function model(body: string, contentType: string, maxResponseBytes?: number) {
  let calls = 0;
  const provider = createOpenAI({
    apiKey: 'sk-test-key',
    baseURL: 'https://api.test/v1',
    maxResponseBytes,
    fetch: async () => {
      calls++;
      return new Response(body, { headers: { 'content-type': contentType } });
    },
  });
  return { model: provider('gpt-4o-mini'), calls: () => calls };
}

describe('createOpenAI maxResponseBytes', () => {
  it('fails a body over the cap with an APICallError naming it, without retrying', async () => {
    const { model: capped, calls } = model(completion('x'.repeat(100_000)), 'application/json', 65_536);
    const error = await generateText({ model: capped, prompt: 'hi' }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).message).toContain('65536-byte limit');
    expect((error as APICallError).isRetryable).toBe(false);
    expect(calls()).toBe(1);
  });

  it('reads a body under the cap', async () => {
    const { model: capped } = model(completion('hello'), 'application/json', 65_536);
    expect((await generateText({ model: capped, prompt: 'hi' })).text).toBe('hello');
  });

  it('caps each server-sent event of a stream', async () => {
    const event = `data: ${JSON.stringify({ id: 'c', choices: [{ index: 0, delta: { content: 'x'.repeat(100_000) }, finish_reason: null }] })}\n\n`;
    const { model: capped } = model(event + 'data: [DONE]\n\n', 'text/event-stream', 65_536);
    const result = streamText({ model: capped, prompt: 'hi' });
    const error = await result.text.catch((caught: unknown) => caught);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('65536');
  });

  it.each([0, -1, 1.5, '1000'])('rejects %j when the provider is created', (value) => {
    expect(() => createOpenAI({ maxResponseBytes: value as number })).toThrow(InvalidArgumentError);
  });
});
