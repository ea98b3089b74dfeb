import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { generateObject, generateText, streamText } from '../../../src/index.js';
import { APICallError } from '../../../src/errors/index.js';
import type { LanguageModelStreamPart } from '../../../src/provider/index.js';
import { createBaidu } from '../../../providers/baidu/index.js';
import { chunkedStream, sseBytes, sseResponse } from '../../support/sse.js';
import { API_KEY, chunks, CLIENT, fixture, json, serve, serveToken, sse, V1_CHAT_URL, V2_CHAT_URL } from './handlers.js';

beforeEach(() => {
  vi.stubEnv('QIANFAN_API_KEY', '');
  vi.stubEnv('BAIDU_CLIENT_ID', '');
  vi.stubEnv('BAIDU_CLIENT_SECRET', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('baidu v2 chat (Qianfan, OpenAI-compatible)', () => {
  it('sends a bearer key and the appid header to /v2/chat/completions and maps normal to stop', async () => {
    const requests = serve('post', V2_CHAT_URL, json('chat-v2-basic'));
    const { text, finishReason, usage, response, providerMetadata } = await generateText({
      model: createBaidu({ apiKey: API_KEY, appId: 'app-123' })('ernie-4.5-turbo-128k'),
      system: '平台助手',
      prompt: '你好',
      maxOutputTokens: 100,
      temperature: 0.5,
      providerOptions: { baidu: { extraBody: { penalty_score: 1.1, web_search: { enable: true } } } },
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(requests[0]!.headers.appid).toBe('app-123');
    expect(requests[0]!.body).toEqual({
      model: 'ernie-4.5-turbo-128k',
      messages: [{ role: 'system', content: '平台助手' }, { role: 'user', content: '你好' }],
      max_completion_tokens: 100,
      temperature: 0.5,
      penalty_score: 1.1,
      web_search: { enable: true },
    });
    expect(text).toBe('你好！有什么可以帮你？');
    expect(finishReason).toBe('stop');
    expect(usage).toEqual({ inputTokens: 2, outputTokens: 8, totalTokens: 10 });
    expect(response.id).toBe('as-sq01fe52em');
    expect(providerMetadata).toEqual({ baidu: { flag: 0 } });
  });

  it('sends providerOptions.baidu.user as Qianfan\'s user field and warns about OpenAI-only options', async () => {
    const requests = serve('post', V2_CHAT_URL, json('chat-v2-basic'), sse('chat-v2-chinese'));
    const model = createBaidu({ apiKey: API_KEY })('ernie-4.5-turbo-128k');
    const providerOptions = { baidu: { user: 'u-42', store: true, parallelToolCalls: false } };
    const { warnings } = await generateText({ model, prompt: '你好', providerOptions });
    expect(requests[0]!.body.user).toBe('u-42');
    expect(requests[0]!.body.safety_identifier).toBeUndefined();
    expect(requests[0]!.body.store).toBeUndefined();
    expect(warnings).toEqual([{ type: 'unsupported-setting', setting: 'providerOptions.baidu.store', details: 'an OpenAI option Qianfan v2 has no field for' }]);
    const stream = streamText({ model, prompt: '你好', providerOptions });
    await stream.text;
    expect(requests[1]!.body.user).toBe('u-42');
    expect(await stream.warnings).toEqual(warnings);
  });

  it('keeps an ERNIE temperature within (0, 1] with a warning, on v2 and v1, but not for other Qianfan models', async () => {
    serveToken();
    const v2 = serve('post', V2_CHAT_URL, json('chat-v2-basic'));
    const v1 = serve('post', `${V1_CHAT_URL}/completions`, json('chat-v1-basic'));
    const baidu = createBaidu({ ...CLIENT, apiKey: API_KEY });
    const zero = await generateText({ model: baidu('ernie-4.5-turbo-128k'), prompt: '你好', temperature: 0 });
    const high = await generateText({ model: baidu('ernie-3.5-8k', { api: 'v1' }), prompt: '你好', temperature: 1.5 });
    await generateText({ model: baidu('deepseek-v3'), prompt: '你好', temperature: 1.5 });
    expect(v2.map((request) => request.body.temperature)).toEqual([0.01, 1.5]);
    expect(v1[0]!.body.temperature).toBe(1);
    expect(zero.warnings).toEqual([{ type: 'unsupported-setting', setting: 'temperature', details: 'ERNIE takes (0, 1]; 0 was sent as 0.01' }]);
    expect(high.warnings).toEqual([{ type: 'unsupported-setting', setting: 'temperature', details: 'ERNIE takes (0, 1]; 1.5 was sent as 1' }]);
  });

  it('uses v2 when the key comes from QIANFAN_API_KEY, even with client credentials set', async () => {
    vi.stubEnv('QIANFAN_API_KEY', API_KEY);
    const tokens = serveToken();
    const requests = serve('post', V2_CHAT_URL, json('chat-v2-basic'));
    const model = createBaidu(CLIENT)('ernie-4.5-turbo-128k');
    expect(model.capabilities).toEqual({ structuredOutput: 'native', tools: true, imageInput: false });
    await generateText({ model, prompt: '你好' });
    expect(requests[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(tokens).toHaveLength(0);
  });

  it('uses v1 when only client credentials are set, and { api } forces either', async () => {
    serveToken();
    const v1 = serve('post', `${V1_CHAT_URL}/ernie-4.0-turbo-8k`, json('chat-v1-basic'));
    const v2 = serve('post', V2_CHAT_URL, json('chat-v2-basic'));
    const onlyClient = createBaidu(CLIENT);
    expect(onlyClient('ernie-4.0-turbo-8k').capabilities.structuredOutput).toBe('json');
    await generateText({ model: onlyClient('ernie-4.0-turbo-8k'), prompt: '你好' });
    const both = createBaidu({ ...CLIENT, apiKey: API_KEY });
    await generateText({ model: both('ernie-4.0-turbo-8k', { api: 'v1' }), prompt: '你好' });
    await generateText({ model: both('ernie-4.0-turbo-8k'), prompt: '你好' });
    expect(v1).toHaveLength(2);
    expect(v2).toHaveLength(1);
  });

  it('streams Chinese text ending with [DONE], with usage from the last chunk', async () => {
    const requests = serve('post', V2_CHAT_URL, sse('chat-v2-chinese'));
    const result = streamText({ model: createBaidu({ apiKey: API_KEY })('ernie-4.5-turbo-128k'), prompt: '你好' });
    expect(await result.text).toBe('你好，我是文心一言。🙂');
    expect(await result.finishReason).toBe('stop');
    expect(await result.usage).toEqual({ inputTokens: 3, outputTokens: 11, totalTokens: 14 });
    expect(await result.providerMetadata).toEqual({ baidu: { flag: 0 } });
    expect(requests[0]!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('yields identical text when the Chinese stream is split at every byte offset', async () => {
    // An injected fetch instead of msw: ~1,300 streams must stay fast on a loaded machine.
    const bytes = sseBytes(chunks('chat-v2-chinese'));
    let split = 0;
    const urls: string[] = [];
    const fetch = async (url: RequestInfo | URL) => {
      urls.push(String(url));
      return sseResponse(chunkedStream(bytes, [split]));
    };
    const model = createBaidu({ apiKey: API_KEY, fetch })('ernie-4.5-turbo-128k');
    for (split = 1; split < bytes.length; split++) {
      const { stream } = await model.doStream({ prompt: [{ role: 'user', content: [{ type: 'text', text: '你好' }] }] });
      let text = '';
      for await (const part of stream as unknown as AsyncIterable<LanguageModelStreamPart>) if (part.type === 'text-delta') text += part.text;
      expect(text, `split at ${split}`).toBe('你好，我是文心一言。🙂');
    }
    expect(urls.every((url) => url === V2_CHAT_URL)).toBe(true);
  });

  it('sends a json_schema response format for generateObject', async () => {
    const requests = serve('post', V2_CHAT_URL, json('chat-v2-object'));
    const { object } = await generateObject({
      model: createBaidu({ apiKey: API_KEY })('ernie-4.5-turbo-128k'),
      schema: z.object({ title: z.string(), tags: z.array(z.string()) }),
      prompt: '为一篇关于 AIGC 的文章起标题和标签',
    });
    expect(object).toEqual({ title: 'AIGC 入门', tags: ['AI', '生成式'] });
    expect(requests[0]!.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'response', schema: { type: 'object', properties: { title: { type: 'string' } }, required: ['title', 'tags'] } },
    });
  });

  it('sends images to vision models as image_url data URLs', async () => {
    const requests = serve('post', V2_CHAT_URL, json('chat-v2-vision'));
    const model = createBaidu({ apiKey: API_KEY })('ernie-4.5-turbo-vl-32k');
    expect(model.capabilities.imageInput).toBe(true);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { text } = await generateText({
      model,
      messages: [{ role: 'user', content: [{ type: 'text', text: '图片里有什么？' }, { type: 'image', image: png }] }],
    });
    expect(text).toBe('图片里是一只橘猫趴在窗台上。');
    expect(requests[0]!.body.messages[0].content).toEqual([
      { type: 'text', text: '图片里有什么？' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
    ]);
  });

  it('rejects images for text-only models before any request', async () => {
    const requests = serve('post', V2_CHAT_URL, json('chat-v2-basic'));
    const error = await generateText({
      model: createBaidu({ apiKey: API_KEY })('ernie-4.5-turbo-128k'),
      messages: [{ role: 'user', content: [{ type: 'image', image: new Uint8Array([0xff, 0xd8, 0xff]) }] }],
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'AI_UnsupportedFunctionalityError' });
    expect(requests).toHaveLength(0);
  });

  it('maps a v2 error body to APICallError with the code; 400 is not retried, 429 is', async () => {
    const bad = serve('post', V2_CHAT_URL, json('chat-v2-error-400', { status: 400 }));
    const error = await generateText({ model: createBaidu({ apiKey: API_KEY })('ernie-9'), prompt: '你好' }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 400, code: 'invalid_model', isRetryable: false, url: V2_CHAT_URL });
    expect((error as Error).message).not.toContain(API_KEY);
    expect(bad).toHaveLength(1);
    const busy = serve('post', V2_CHAT_URL, json('chat-v2-error-429', { status: 429, headers: { 'retry-after-ms': '0' } }), json('chat-v2-basic'));
    const { text } = await generateText({ model: createBaidu({ apiKey: API_KEY })('ernie-4.5-turbo-128k'), prompt: '你好' });
    expect(text).toBe(fixture('chat-v2-basic').choices[0].message.content);
    expect(busy).toHaveLength(2);
  });
});
