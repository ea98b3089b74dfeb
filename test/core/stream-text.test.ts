import { describe, expect, it } from 'vitest';
import { APICallError, InvalidArgumentError, streamText } from '../../src/index.js';
import type { LanguageModelStreamPart } from '../../src/provider/index.js';
import { MockLanguageModel, mockStreamResult, mockTextStream, readAll } from '../../src/testing/index.js';

const apiError = () => new APICallError({ message: 'mid-stream failure', provider: 'mock', url: 'https://x', code: 'server_error' });

describe('streamText', () => {
  it('streams text deltas and settles the promises at the end', async () => {
    const model = new MockLanguageModel({ doStream: mockTextStream(['你', '好', '！']) });
    const result = streamText({ model, prompt: 'hi' });
    expect(await readAll(result.textStream)).toEqual(['你', '好', '！']);
    expect(await result.text).toBe('你好！');
    // No reasoning delta: no reasoning text, not an empty string.
    expect(await result.reasoningText).toBeUndefined();
    expect(await result.usage).toEqual({ inputTokens: 10, outputTokens: 3, totalTokens: 13 });
    expect(await result.finishReason).toBe('stop');
  });

  it('emits typed parts on fullStream, with stream-end once at the very end', async () => {
    const model = new MockLanguageModel({
      doStream: mockStreamResult([
        { type: 'stream-start', warnings: [{ type: 'unsupported-setting', setting: 'topK' }] },
        { type: 'response-metadata', id: 'r1', modelId: 'm' },
        { type: 'reasoning-delta', text: 'think' },
        { type: 'text-delta', text: 'a' },
        { type: 'text-delta', text: '' },
        { type: 'text-delta', text: 'b' },
        { type: 'stream-end', finishReason: 'length', usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 } },
      ]),
    });
    const parts = await readAll(streamText({ model, prompt: 'hi' }).fullStream);
    expect(parts).toEqual([
      { type: 'stream-start', warnings: [{ type: 'unsupported-setting', setting: 'topK' }] },
      { type: 'reasoning-delta', text: 'think' },
      { type: 'text-delta', text: 'a' },
      { type: 'text-delta', text: 'b' },
      { type: 'stream-end', finishReason: 'length', usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 }, providerMetadata: undefined },
    ]);
  });

  it('throws from textStream and rejects the promises on an error part', async () => {
    const error = apiError();
    const model = new MockLanguageModel({
      doStream: mockStreamResult([{ type: 'stream-start', warnings: [] }, { type: 'text-delta', text: 'partial' }, { type: 'error', error }]),
    });
    const result = streamText({ model, prompt: 'hi' });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const delta of result.textStream) seen.push(delta);
      })(),
    ).rejects.toBe(error);
    expect(seen).toEqual(['partial']);
    await expect(result.text).rejects.toBe(error);
    await expect(result.usage).rejects.toBe(error);
  });

  it('yields the error part on fullStream, then errors', async () => {
    const error = apiError();
    const model = new MockLanguageModel({ doStream: mockStreamResult([{ type: 'stream-start', warnings: [] }, { type: 'error', error }]) });
    const parts: unknown[] = [];
    await expect(
      (async () => {
        for await (const part of streamText({ model, prompt: 'hi' }).fullStream) parts.push(part);
      })(),
    ).rejects.toBe(error);
    expect(parts).toEqual([{ type: 'stream-start', warnings: [] }, { type: 'error', error }]);
  });

  it('reports a stream that ends without stream-end as an error', async () => {
    const model = new MockLanguageModel({ doStream: mockStreamResult([{ type: 'stream-start', warnings: [] }, { type: 'text-delta', text: 'a' }]) });
    const result = streamText({ model, prompt: 'hi' });
    await expect(readAll(result.textStream)).rejects.toMatchObject({ name: 'AI_InvalidResponseError' });
  });

  it('causes no unhandled rejection when a failing stream is never read', async () => {
    const model = new MockLanguageModel({ doStream: () => Promise.reject(new APICallError({ message: 'x', provider: 'm', url: 'u', statusCode: 400 })) });
    const result = streamText({ model, prompt: 'hi', maxRetries: 0 });
    expect(result).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // setup.ts fails the test if a rejection went unobserved.
  });

  it('causes no unhandled rejection when only the stream is read and it fails', async () => {
    const error = apiError();
    const model = new MockLanguageModel({ doStream: mockStreamResult([{ type: 'error', error }]) });
    const result = streamText({ model, prompt: 'hi' });
    await expect(readAll(result.textStream)).rejects.toBe(error);
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

  it('drains the stream when only a promise is awaited', async () => {
    const model = new MockLanguageModel({ doStream: mockTextStream(['a', 'b']) });
    expect(await streamText({ model, prompt: 'hi' }).text).toBe('ab');
  });

  it('cancels the model stream when the consumer breaks out', async () => {
    let cancelled: unknown = 'not cancelled';
    let pulls = 0;
    const model = new MockLanguageModel({
      doStream: {
        stream: new ReadableStream<LanguageModelStreamPart>({
          pull(controller) {
            pulls++;
            controller.enqueue(pulls === 1 ? { type: 'stream-start', warnings: [] } : { type: 'text-delta', text: `t${pulls}` });
          },
          cancel(reason) {
            cancelled = reason;
          },
        }),
      },
    });
    const result = streamText({ model, prompt: 'hi' });
    for await (const delta of result.textStream) if (delta === 't3') break;
    expect(cancelled).not.toBe('not cancelled');
    expect(model.calls[0]!.abortSignal!.aborted).toBe(true);
    await expect(result.text).rejects.toBeDefined();
  });

  it('throws InvalidArgumentError synchronously for bad input', () => {
    const model = new MockLanguageModel({ doStream: mockTextStream(['a']) });
    expect(() => streamText({ model, prompt: '' })).toThrow(InvalidArgumentError);
    expect(model.calls).toHaveLength(0);
  });

  it('refuses a second stream consumer with a clear error', async () => {
    const model = new MockLanguageModel({ doStream: mockTextStream(['a']) });
    const result = streamText({ model, prompt: 'hi' });
    const stream = result.textStream;
    expect(() => result.fullStream).toThrow(/read once/);
    await readAll(stream);
  });

  it('serves a text/plain Response for route handlers', async () => {
    const model = new MockLanguageModel({ doStream: mockTextStream(['你好', '，世界']) });
    const response = streamText({ model, prompt: 'hi' }).toTextStreamResponse({ headers: { 'x-app': '1' } });
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('x-app')).toBe('1');
    expect(await response.text()).toBe('你好，世界');
  });

  it('times out mid-stream with a TimeoutError and releases the request', async () => {
    const model = new MockLanguageModel({
      doStream: (options) => ({
        stream: new ReadableStream<LanguageModelStreamPart>({
          start(controller) {
            controller.enqueue({ type: 'stream-start', warnings: [] });
            controller.enqueue({ type: 'text-delta', text: 'slow' });
            options.abortSignal!.addEventListener('abort', () => controller.error(options.abortSignal!.reason));
          },
        }),
      }),
    });
    const result = streamText({ model, prompt: 'hi', timeout: 30 });
    const error = await readAll(result.textStream).catch((caught: unknown) => caught);
    expect((error as DOMException).name).toBe('TimeoutError');
    await expect(result.text).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('calls onFinish with the final text and usage', async () => {
    const model = new MockLanguageModel({ doStream: mockTextStream(['a', 'b']) });
    let finished: { text: string } | undefined;
    await streamText({ model, prompt: 'hi', onFinish: (event) => void (finished = event) }).consumeStream();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(finished).toMatchObject({ text: 'ab', finishReason: 'stop', usage: { outputTokens: 2 } });
  });
});
