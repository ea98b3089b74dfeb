import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDeepSeek, createOpenAICompatible } from '../../../providers/openai-compatible/index.js';
import { APICallError, generateObject, generateText, InvalidArgumentError, streamText } from '../../../src/index.js';
import { readAll } from '../../../src/testing/index.js';
import { fixture, json, serve, sse } from './handlers.js';

const URL_ = 'http://127.0.0.1:8000/v1/chat/completions';

describe('createOpenAICompatible', () => {
  it('posts to baseURL with the key, headers and query params, and names the provider', async () => {
    const requests = serve(URL_, json('chat-basic'));
    const vllm = createOpenAICompatible({
      name: 'vllm',
      baseURL: 'http://127.0.0.1:8000/v1/',
      apiKey: 'token-abc123-0123456789',
      headers: { 'x-team': 'search' },
      queryParams: { 'api-version': '1', tenant: 'a b' },
    });
    const result = await generateText({ model: vllm('Qwen/Qwen3-8B'), prompt: '你好', maxOutputTokens: 32, providerOptions: { vllm: { user: 'u-1' } } });
    expect(result.text).toBe('你好！有什么可以帮你的吗？');
    expect(requests[0]!.url).toBe(`${URL_}?api-version=1&tenant=a+b`);
    expect(requests[0]!.headers).toMatchObject({ authorization: 'Bearer token-abc123-0123456789', 'x-team': 'search', 'content-type': 'application/json' });
    expect(requests[0]!.body).toEqual({ model: 'Qwen/Qwen3-8B', messages: [{ role: 'user', content: '你好' }], max_tokens: 32, safety_identifier: 'u-1' });
    expect(vllm('m').provider).toBe('vllm.chat');
  });

  it('sends no authorization header without a key', async () => {
    const requests = serve(URL_, json('chat-basic'));
    await generateText({ model: createOpenAICompatible({ name: 'lmstudio', baseURL: 'http://127.0.0.1:8000/v1' })('local-model'), prompt: 'hi' });
    expect(requests[0]!.headers.authorization).toBeUndefined();
    expect(requests[0]!.url).toBe(URL_);
  });

  it('honours maxTokensField and streamUsage', async () => {
    const requests = serve(URL_, sse('zhipu-stream'));
    const server = createOpenAICompatible({ name: 'strict', baseURL: 'http://127.0.0.1:8000/v1', maxTokensField: 'max_completion_tokens', streamUsage: false });
    const result = streamText({ model: server('m'), prompt: 'hi', maxOutputTokens: 7 });
    expect((await readAll(result.textStream)).join('')).toBe('你好！我是智谱清言。');
    expect(requests[0]!.body).toMatchObject({ max_completion_tokens: 7, stream: true });
    expect(requests[0]!.body.max_tokens).toBeUndefined();
    expect(requests[0]!.body.stream_options).toBeUndefined();
  });

  it('uses JSON mode plus the schema in the prompt unless structuredOutputs is set', async () => {
    const schema = z.object({ city: z.string(), company: z.string() });
    const requests = serve(URL_, json('chat-object'));
    const plain = createOpenAICompatible({ name: 'plain', baseURL: 'http://127.0.0.1:8000/v1' });
    const { object } = await generateObject({ model: plain('qwen-plus'), schema, prompt: '阿里巴巴总部在哪？' });
    expect(object).toEqual({ city: '杭州', company: '阿里巴巴' });
    expect(requests[0]!.body.response_format).toEqual({ type: 'json_object' });
    expect(requests[0]!.body.messages).toEqual([
      { role: 'system', content: expect.stringContaining('"required":["city","company"]') },
      { role: 'user', content: '阿里巴巴总部在哪？' },
    ]);

    const native = createOpenAICompatible({ name: 'native', baseURL: 'http://127.0.0.1:8000/v1', structuredOutputs: true });
    await generateObject({ model: native('qwen-plus'), schema, schemaName: 'hq', prompt: '阿里巴巴总部在哪？' });
    expect(requests[1]!.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'hq', schema: expect.objectContaining({ required: ['city', 'company'] }) } });
  });

  it('maps a plain-text error body to APICallError with the server message', async () => {
    serve(URL_, () => new Response('upstream overloaded', { status: 503 }), () => new Response('upstream overloaded', { status: 400 }));
    const error = await generateText({ model: createOpenAICompatible({ name: 'gw', baseURL: 'http://127.0.0.1:8000/v1' })('m'), prompt: 'hi', maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 503, provider: 'gw.chat', isRetryable: true });
    expect((error as Error).message).toContain('upstream overloaded');
  });

  it('caps the response body at maxResponseBytes, in presets too', async () => {
    // An injected fetch: msw never settles a cancelled body that declared its length, and the cap cancels it.
    const requests: string[] = [];
    const fetch = async (url: string | URL | Request) => {
      requests.push(String(url));
      return new Response(JSON.stringify(fixture('chat-basic')), { headers: { 'content-type': 'application/json' } });
    };
    const capped = createOpenAICompatible({ name: 'capped', baseURL: 'http://127.0.0.1:8000/v1', maxResponseBytes: 128, fetch });
    const error = await generateText({ model: capped('m'), prompt: 'hi' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ isRetryable: false, provider: 'capped.chat' });
    expect((error as Error).message).toContain('128-byte limit');
    const presetError = await generateText({ model: createDeepSeek({ apiKey: 'sk-ds-0123456789', maxResponseBytes: 128, fetch })('deepseek-chat'), prompt: 'hi' }).catch((caught: unknown) => caught);
    expect((presetError as Error).message).toContain('128-byte limit');
    expect(requests).toEqual([URL_, 'https://api.deepseek.com/chat/completions']);
    expect(() => createDeepSeek({ maxResponseBytes: -1 })).toThrow(InvalidArgumentError);
  });

  it('rejects bad settings with InvalidArgumentError naming the field', () => {
    const argument = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return InvalidArgumentError.isInstance(error) ? error.argument : 'other';
      }
      return 'none';
    };
    expect(argument(() => createOpenAICompatible({ name: '', baseURL: 'http://x/v1' }))).toBe('name');
    expect(argument(() => createOpenAICompatible({ name: 'a.b', baseURL: 'http://x/v1' }))).toBe('name');
    expect(argument(() => createOpenAICompatible({ name: 'ok', baseURL: 'localhost:8000/v1' }))).toBe('baseURL');
    expect(argument(() => createOpenAICompatible({ name: 'ok', baseURL: 'http://x/v1', queryParams: { a: 1 as unknown as string } }))).toBe('queryParams');
    expect(argument(() => createOpenAICompatible(undefined as never))).toBe('settings');
  });
});
