import { describe, expect, it } from 'vitest';
import { APICallError, NetworkError, streamText } from '../../src/index.js';
import type { LanguageModelStreamPart, LanguageModelStreamResult } from '../../src/provider/index.js';
import { MockLanguageModel, mockTextStream } from '../../src/testing/index.js';

/** A model stream that fails on its first read, as a connection reset right after the headers does. */
function brokenBeforeFirstPart(): LanguageModelStreamResult {
  const stream = new ReadableStream<LanguageModelStreamPart>({
    pull(controller) {
      controller.error(new NetworkError({ provider: 'mock', url: 'https://api.test', method: 'POST', cause: new TypeError('terminated') }));
    },
  });
  return { stream, response: { headers: {} } } as LanguageModelStreamResult;
}

function parts(...items: LanguageModelStreamPart[]): LanguageModelStreamResult {
  return { stream: new ReadableStream({ start: (controller) => { for (const item of items) controller.enqueue(item); controller.close(); } }), response: { headers: {} } } as LanguageModelStreamResult;
}

const busy = () => new APICallError({ message: 'busy', provider: 'mock', url: 'https://api.test', code: '336100', isRetryable: true });

describe('streamText retries before the first part reaches the caller (DESIGN §5)', () => {
  // Regression (issue 11 fault matrix): a reset after the headers but before the first event ended the stream with an error.
  it('retries a stream that breaks before its first part', async () => {
    const model = new MockLanguageModel({ doStream: [brokenBeforeFirstPart(), mockTextStream(['你', '好'])] });
    const result = streamText({ model, prompt: 'hi', maxRetries: 1 });
    expect(await result.text).toBe('你好');
    expect(model.calls).toHaveLength(2);
  });

  it('retries a stream whose very first part is a retryable error', async () => {
    const model = new MockLanguageModel({ doStream: [parts({ type: 'error', error: busy() }), mockTextStream(['ok'])] });
    expect(await streamText({ model, prompt: 'hi', maxRetries: 1 }).text).toBe('ok');
    expect(model.calls).toHaveLength(2);
  });

  it('does not retry once a part was produced: the error follows the text', async () => {
    const error = busy();
    const model = new MockLanguageModel({
      doStream: [parts({ type: 'stream-start', warnings: [] }, { type: 'text-delta', text: 'partial' }, { type: 'error', error }), mockTextStream(['never'])],
    });
    const result = streamText({ model, prompt: 'hi', maxRetries: 1 });
    const deltas: string[] = [];
    await expect((async () => { for await (const delta of result.textStream) deltas.push(delta); })()).rejects.toBe(error);
    expect(deltas).toEqual(['partial']);
    expect(model.calls).toHaveLength(1);
  });
});
