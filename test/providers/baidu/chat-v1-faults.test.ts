import { describe, expect, it } from 'vitest';
import { APICallError, generateText, InvalidArgumentError, InvalidResponseError, NetworkError, RetryError } from '../../../src/index.js';
import { createBaidu } from '../../../providers/baidu/index.js';

/** A v1 provider over an injected fetch: the token exchange succeeds, chat answers with `chat()`. */
function v1(chat: () => Response, maxResponseBytes?: number) {
  let chatCalls = 0;
  const baidu = createBaidu({
    clientId: 'client-id',
    clientSecret: 'client-secret-123',
    baseURL: 'https://baidu.test',
    maxResponseBytes,
    fetch: async (input) => {
      const url = String(input);
      if (url.includes('/oauth/2.0/token')) return Response.json({ access_token: '24.token-abc.123', expires_in: 2592000 });
      chatCalls++;
      return chat();
    },
  });
  return { model: baidu('ernie-4.5-turbo-128k', { api: 'v1' }), chatCalls: () => chatCalls };
}

function breaksAfter(prefix: string): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return controller.error(new TypeError('terminated'));
      sent = true;
      controller.enqueue(new TextEncoder().encode(prefix));
    },
  });
}

describe('Baidu v1 chat under faults (issue 11)', () => {
  // Regression: readBaiduJson let the runtime's untyped TypeError out, and nothing retried it.
  it('retries a body that breaks mid-way as a NetworkError', async () => {
    const { model, chatCalls } = v1(() => new Response(breaksAfter('{"result":"半'), { headers: { 'content-type': 'application/json' } }));
    const error = await generateText({ model, prompt: 'hi', maxRetries: 1 }).catch((caught: unknown) => caught);
    expect(RetryError.isInstance(error)).toBe(true);
    expect((error as RetryError).errors.every((attempt) => NetworkError.isInstance(attempt))).toBe(true);
    expect((error as RetryError).errors.map((attempt) => (attempt as NetworkError).url)).toEqual([
      'https://baidu.test/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/ernie-4.5-turbo-128k?access_token=***',
      'https://baidu.test/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/ernie-4.5-turbo-128k?access_token=***',
    ]);
    expect(chatCalls()).toBe(2);
  });

  // Regression: a 200 body with no `result` and no `function_call` answered "" instead of failing.
  it('rejects a body that is not a completion', async () => {
    const { model } = v1(() => Response.json({ unexpected: [1, 2, 3] }));
    await expect(generateText({ model, prompt: 'hi' })).rejects.toSatisfy((error) => InvalidResponseError.isInstance(error));
  });

  it('still accepts a completion emptied by the safety flag', async () => {
    const { model } = v1(() => Response.json({ id: 'as-1', result: '', need_clear_history: true, ban_round: -1 }));
    expect((await generateText({ model, prompt: 'hi' })).text).toBe('');
  });

  it('caps the body at maxResponseBytes', async () => {
    const { model } = v1(() => Response.json({ id: 'as-1', result: 'x'.repeat(10_000) }), 4_096);
    await expect(generateText({ model, prompt: 'hi' })).rejects.toSatisfy((error) => APICallError.isInstance(error) && error.message.includes('4096-byte limit'));
  });

  it('rejects an invalid maxResponseBytes when the provider is created', () => {
    expect(() => createBaidu({ maxResponseBytes: -1 })).toThrow(InvalidArgumentError);
  });
});
