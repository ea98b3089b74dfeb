import { describe, expect, it } from 'vitest';
import { APICallError, generateText, InvalidArgumentError, RetryError, UnsupportedFunctionalityError } from '../../src/index.js';
import { MockLanguageModel, mockTextResult } from '../../src/testing/index.js';

const serverError = () => new APICallError({ message: 'boom', provider: 'mock', url: 'https://x', statusCode: 500, responseHeaders: { 'retry-after-ms': '0' } });

describe('generateText', () => {
  it('returns text, usage, finish reason and response, and sends the normalised prompt', async () => {
    const model = new MockLanguageModel({ doGenerate: mockTextResult('你好') });
    const result = await generateText({ model, system: 'Be brief.', prompt: '什么是AIGC？', maxOutputTokens: 200, temperature: 0.3, seed: 7 });
    expect(result.text).toBe('你好');
    expect(result.usage).toEqual({ inputTokens: 10, outputTokens: 5, totalTokens: 15 });
    expect(result.finishReason).toBe('stop');
    expect(result.response.id).toBe('mock-1');
    expect(result.steps).toHaveLength(1);
    expect(result.response.messages).toEqual([{ role: 'assistant', content: [{ type: 'text', text: '你好' }] }]);
    expect(model.calls[0]).toMatchObject({
      prompt: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: '什么是AIGC？' }] },
      ],
      maxOutputTokens: 200,
      temperature: 0.3,
      seed: 7,
    });
  });

  it.each([
    [{ prompt: '' }, 'prompt'],
    [{ prompt: '   ' }, 'prompt'],
    [{}, 'prompt'],
    [{ prompt: 'x', messages: [{ role: 'user', content: 'y' }] }, 'prompt'],
    [{ messages: [] }, 'messages'],
    [{ messages: [{ role: 'robot', content: 'x' }] }, 'messages[0].role'],
    [{ messages: [{ role: 'user', content: [{ type: 'image', image: 42 }] }] }, 'messages[0].content[0].image'],
    [{ messages: [{ role: 'user', content: [{ type: 'image', image: 'not base64!' }] }] }, 'messages[0].content[0].image'],
    [{ prompt: 'x', temperature: Number.NaN }, 'temperature'],
    [{ prompt: 'x', temperature: '0.5' }, 'temperature'],
    [{ prompt: 'x', maxOutputTokens: 0 }, 'maxOutputTokens'],
    [{ prompt: 'x', topP: 2 }, 'topP'],
    [{ prompt: 'x', seed: 1.5 }, 'seed'],
    [{ prompt: 'x', stopSequences: [''] }, 'stopSequences'],
    [{ prompt: 'x', maxRetries: -1 }, 'maxRetries'],
    [{ prompt: 'x', timeout: 0 }, 'timeout'],
    [{ prompt: 'x', maxSteps: 0 }, 'maxSteps'],
  ])('rejects invalid input %j naming %s, before any model call', async (input, argument) => {
    const model = new MockLanguageModel({ doGenerate: mockTextResult('x') });
    const error = await generateText({ model, ...(input as object) } as never).catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe(argument);
    expect(model.calls).toHaveLength(0);
  });

  it('rejects something that is not a model', async () => {
    await expect(generateText({ model: {} as never, prompt: 'x' })).rejects.toMatchObject({ name: 'AI_InvalidArgumentError', argument: 'model' });
  });

  it('rejects image input for a model without it, before the call', async () => {
    const model = new MockLanguageModel({ capabilities: { imageInput: false }, doGenerate: mockTextResult('x') });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2]);
    const error = await generateText({ model, messages: [{ role: 'user', content: [{ type: 'image', image: png }] }] }).catch((caught: unknown) => caught);
    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect(model.calls).toHaveLength(0);
  });

  it('normalises image parts: bytes sniffed, data URLs split, http strings as URLs', async () => {
    const model = new MockLanguageModel({ doGenerate: mockTextResult('a cat') });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2]);
    await generateText({
      model,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'what is this?' },
            { type: 'image', image: png },
            { type: 'image', image: 'data:image/webp;base64,UklGRg==' },
            { type: 'image', image: 'https://example.com/cat.jpg' },
          ],
        },
      ],
    });
    const content = (model.calls[0]!.prompt[0] as { content: unknown[] }).content;
    expect(content[1]).toEqual({ type: 'file', data: png, mediaType: 'image/png' });
    expect(content[2]).toEqual({ type: 'file', data: 'UklGRg==', mediaType: 'image/webp' });
    expect(content[3]).toEqual({ type: 'file', data: new URL('https://example.com/cat.jpg'), mediaType: 'image/*' });
  });

  it('retries retryable errors and succeeds', async () => {
    const model = new MockLanguageModel({ doGenerate: [() => Promise.reject(serverError()), mockTextResult('ok')] });
    const result = await generateText({ model, prompt: 'x' });
    expect(result.text).toBe('ok');
    expect(model.calls).toHaveLength(2);
  });

  it('gives up after maxRetries with a RetryError holding every attempt', async () => {
    const model = new MockLanguageModel({ doGenerate: () => Promise.reject(serverError()) });
    const error = await generateText({ model, prompt: 'x', maxRetries: 3 }).catch((caught: unknown) => caught);
    expect(RetryError.isInstance(error)).toBe(true);
    expect((error as RetryError).reason).toBe('maxRetriesExceeded');
    expect((error as RetryError).errors).toHaveLength(4);
    expect(model.calls).toHaveLength(4);
  });

  it('rejects with the caller abort reason untouched', async () => {
    const controller = new AbortController();
    const reason = new Error('user left');
    const model = new MockLanguageModel({
      doGenerate: (options) =>
        new Promise((_, reject) => options.abortSignal!.addEventListener('abort', () => reject(options.abortSignal!.reason))),
    });
    const promise = generateText({ model, prompt: 'x', abortSignal: controller.signal });
    controller.abort(reason);
    await expect(promise).rejects.toBe(reason);
  });

  it('times out with a TimeoutError DOMException', async () => {
    const model = new MockLanguageModel({
      doGenerate: (options) =>
        new Promise((_, reject) => options.abortSignal!.addEventListener('abort', () => reject(options.abortSignal!.reason))),
    });
    const error = await generateText({ model, prompt: 'x', timeout: 20 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('TimeoutError');
  });

  it('passes headers and providerOptions through to the model', async () => {
    const model = new MockLanguageModel({ doGenerate: mockTextResult('x') });
    await generateText({ model, prompt: 'x', headers: { 'x-trace': '1' }, providerOptions: { mock: { a: 1 } } });
    expect(model.calls[0]).toMatchObject({ headers: { 'x-trace': '1' }, providerOptions: { mock: { a: 1 } } });
  });
});
