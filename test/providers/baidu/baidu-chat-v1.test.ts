import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateText, streamText } from '../../../src/index.js';
import { APICallError, InvalidResponseError, RetryError } from '../../../src/errors/index.js';
import type { LanguageModelCallOptions, LanguageModelStreamPart } from '../../../src/provider/index.js';
import { createBaidu } from '../../../providers/baidu/index.js';
import { chunkedStream, sseBytes, sseResponse } from '../../support/sse.js';
import { ACCESS_TOKEN, chunks, CLIENT, fixture, json, raw, REFRESHED_TOKEN, serve, serveToken, sse, V1_CHAT_URL } from './handlers.js';

const prompt = (text: string): LanguageModelCallOptions['prompt'] => [{ role: 'user', content: [{ type: 'text', text }] }];

async function collect(stream: ReadableStream<LanguageModelStreamPart>): Promise<LanguageModelStreamPart[]> {
  const parts: LanguageModelStreamPart[] = [];
  for await (const part of stream as unknown as AsyncIterable<LanguageModelStreamPart>) parts.push(part);
  return parts;
}

beforeEach(() => {
  vi.stubEnv('QIANFAN_API_KEY', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('baidu v1 chat: doGenerate', () => {
  it('sends system as its own field and the access token in the query, and maps normal to stop', async () => {
    const tokens = serveToken();
    const requests = serve('post', `${V1_CHAT_URL}/completions`, json('chat-v1-basic'));
    const model = createBaidu(CLIENT)('ernie-3.5-8k');
    expect(model.capabilities).toEqual({ structuredOutput: 'json', tools: true, imageInput: false });
    const result = await model.doGenerate({
      prompt: [{ role: 'system', content: '你是导游' }, ...prompt('介绍一下北京')],
      temperature: 0.8,
      topP: 0.9,
      maxOutputTokens: 300,
      stopSequences: ['。'],
      seed: 7,
      providerOptions: { baidu: { penaltyScore: 1.2, disableSearch: true, userId: 'u-1', extraBody: { enable_trace: true } } },
    });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.query).toEqual({ grant_type: 'client_credentials', client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.query).toEqual({ access_token: ACCESS_TOKEN });
    expect(requests[0]!.headers['content-type']).toBe('application/json');
    expect(requests[0]!.body).toEqual({
      messages: [{ role: 'user', content: '介绍一下北京' }],
      system: '你是导游',
      temperature: 0.8,
      top_p: 0.9,
      penalty_score: 1.2,
      stop: ['。'],
      max_output_tokens: 300,
      disable_search: true,
      user_id: 'u-1',
      enable_trace: true,
    });
    expect(result.content).toEqual([{ type: 'text', text: fixture('chat-v1-basic').result }]);
    expect(result.finishReason).toBe('stop');
    expect(result.usage).toEqual({ inputTokens: 7, outputTokens: 18, totalTokens: 25 });
    expect(result.warnings).toEqual([{ type: 'unsupported-setting', setting: 'seed', details: 'the v1 ERNIE API has no such parameter' }]);
    expect(result.response.id).toBe('as-bcmt5ct4iy');
    expect(result.response.timestamp).toEqual(new Date(1680167072 * 1000));
  });

  it('maps model ids to v1 endpoints, and merges consecutive turns so roles alternate', async () => {
    serveToken();
    const pro = serve('post', `${V1_CHAT_URL}/completions_pro`, json('chat-v1-basic'));
    const speed = serve('post', `${V1_CHAT_URL}/ernie-speed-128k`, json('chat-v1-basic'));
    const custom = serve('post', `${V1_CHAT_URL}/my-service`, json('chat-v1-basic'));
    const baidu = createBaidu(CLIENT);
    await baidu('ernie-4.0-8k').doGenerate({ prompt: [...prompt('一'), ...prompt('二')] });
    await baidu('ernie-speed-128k').doGenerate({ prompt: prompt('你好') });
    await baidu('anything', { endpoint: 'my-service' }).doGenerate({ prompt: prompt('你好') });
    expect(pro[0]!.body.messages).toEqual([{ role: 'user', content: '一\n\n二' }]);
    expect(speed).toHaveLength(1);
    expect(custom).toHaveLength(1);
  });

  it('sends tools as functions and maps function_call to a tool call', async () => {
    serveToken();
    const requests = serve('post', `${V1_CHAT_URL}/completions`, json('chat-v1-function-call'));
    const result = await createBaidu(CLIENT)('ernie-3.5-8k').doGenerate({
      prompt: prompt('北京天气怎么样？'),
      tools: [{ type: 'function', name: 'get_weather', description: '查询天气', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } }],
      toolChoice: { type: 'tool', toolName: 'get_weather' },
    });
    expect(requests[0]!.body.functions).toEqual([
      { name: 'get_weather', description: '查询天气', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
    ]);
    expect(requests[0]!.body.tool_choice).toEqual({ type: 'function', function: { name: 'get_weather' } });
    expect(result.content).toEqual([{ type: 'tool-call', toolCallId: 'as-7m2ex4f1bn-0', toolName: 'get_weather', input: '{"city":"北京"}' }]);
    expect(result.finishReason).toBe('tool-calls');
  });

  it('sends the tool round trip as function_call and function messages', async () => {
    serveToken();
    const requests = serve('post', `${V1_CHAT_URL}/completions`, json('chat-v1-basic'));
    await createBaidu(CLIENT)('ernie-3.5-8k').doGenerate({
      prompt: [
        ...prompt('北京天气怎么样？'),
        { role: 'assistant', content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'get_weather', input: { city: '北京' } }] },
        { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c1', toolName: 'get_weather', output: { temperature: 21 } }] },
      ],
    });
    expect(requests[0]!.body.messages).toEqual([
      { role: 'user', content: '北京天气怎么样？' },
      { role: 'assistant', content: '', function_call: { name: 'get_weather', arguments: '{"city":"北京"}' } },
      { role: 'function', name: 'get_weather', content: '{"temperature":21}' },
    ]);
  });

  it('replays an assistant turn with two tool calls as call, result, call, result', async () => {
    serveToken();
    const requests = serve('post', `${V1_CHAT_URL}/completions`, json('chat-v1-basic'));
    await createBaidu(CLIENT)('ernie-3.5-8k').doGenerate({
      prompt: [
        ...prompt('北京和上海的天气？'),
        {
          role: 'assistant',
          content: [
            { type: 'tool-call', toolCallId: 'c1', toolName: 'get_weather', input: { city: '北京' } },
            { type: 'tool-call', toolCallId: 'c2', toolName: 'get_weather', input: { city: '上海' } },
          ],
        },
        {
          role: 'tool',
          content: [
            { type: 'tool-result', toolCallId: 'c1', toolName: 'get_weather', output: { temperature: 21 } },
            { type: 'tool-result', toolCallId: 'c2', toolName: 'get_weather', output: { temperature: 25 } },
          ],
        },
      ],
    });
    expect(requests[0]!.body.messages).toEqual([
      { role: 'user', content: '北京和上海的天气？' },
      { role: 'assistant', content: '', function_call: { name: 'get_weather', arguments: '{"city":"北京"}' } },
      { role: 'function', name: 'get_weather', content: '{"temperature":21}' },
      { role: 'assistant', content: '', function_call: { name: 'get_weather', arguments: '{"city":"上海"}' } },
      { role: 'function', name: 'get_weather', content: '{"temperature":25}' },
    ]);
  });

  it('asks for JSON mode and warns that the schema is not sent', async () => {
    serveToken();
    const requests = serve('post', `${V1_CHAT_URL}/completions`, json('chat-v1-basic'));
    const result = await createBaidu(CLIENT)('ernie-3.5-8k').doGenerate({ prompt: prompt('给我 JSON'), responseFormat: { type: 'json', schema: { type: 'object' } } });
    expect(requests[0]!.body.response_format).toBe('json_object');
    expect(result.warnings).toEqual([{ type: 'unsupported-setting', setting: 'responseFormat.schema', details: 'v1 has JSON mode only; the schema was not sent' }]);
  });

  it('reports need_clear_history as a content filter with the safety metadata', async () => {
    serveToken();
    serve('post', `${V1_CHAT_URL}/completions`, json('chat-v1-unsafe'));
    const result = await createBaidu(CLIENT)('ernie-3.5-8k').doGenerate({ prompt: prompt('……') });
    expect(result.finishReason).toBe('content-filter');
    expect(result.providerMetadata).toEqual({ baidu: { needClearHistory: true, banRound: -1, isTruncated: false } });
  });

  it('rejects an invalid providerOptions.baidu before any request', async () => {
    const model = createBaidu(CLIENT)('ernie-3.5-8k');
    await expect(model.doGenerate({ prompt: prompt('hi'), providerOptions: { baidu: { penaltyScore: 3 } } })).rejects.toMatchObject({
      name: 'AI_InvalidArgumentError',
      argument: 'providerOptions.baidu.penaltyScore',
    });
  });
});

describe('baidu v1 chat: errors in HTTP 200 bodies', () => {
  it('maps error_code 336003 to a non-retryable APICallError with the code and a redacted URL', async () => {
    serveToken();
    const requests = serve('post', `${V1_CHAT_URL}/completions`, json('chat-v1-error-336003'));
    const error = await generateText({ model: createBaidu(CLIENT)('ernie-3.5-8k'), prompt: '你好', maxRetries: 2 }).catch((caught: unknown) => caught);
    expect(requests).toHaveLength(1);
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.code).toBe('336003');
    expect(apiError.statusCode).toBeUndefined();
    expect(apiError.isRetryable).toBe(false);
    expect(apiError.url).toBe(`${V1_CHAT_URL}/completions?access_token=***`);
    expect(apiError.message).toContain('the length of messages must be an odd number');
    expect(JSON.stringify({ ...apiError, message: apiError.message })).not.toContain(ACCESS_TOKEN);
  });

  it('retries the QPS limit (18) and succeeds', async () => {
    const tokens = serveToken();
    const requests = serve(
      'post',
      `${V1_CHAT_URL}/completions`,
      json('chat-v1-error-18', { headers: { 'retry-after-ms': '0' } }),
      json('chat-v1-basic'),
    );
    const { text } = await generateText({ model: createBaidu(CLIENT)('ernie-3.5-8k'), prompt: '你好' });
    expect(text).toBe(fixture('chat-v1-basic').result);
    expect(requests).toHaveLength(2);
    expect(tokens).toHaveLength(1);
  });

  it('marks 18 retryable and gives up after maxRetries with a RetryError', async () => {
    serveToken();
    const requests = serve('post', `${V1_CHAT_URL}/completions`, json('chat-v1-error-18', { headers: { 'retry-after-ms': '0' } }));
    const error = await generateText({ model: createBaidu(CLIENT)('ernie-3.5-8k'), prompt: '你好', maxRetries: 1 }).catch((caught: unknown) => caught);
    expect(requests).toHaveLength(2);
    expect(RetryError.isInstance(error)).toBe(true);
    const last = (error as RetryError).lastError as APICallError;
    expect(last.code).toBe('18');
    expect(last.isRetryable).toBe(true);
  });

  it.each(['chat-v1-error-110', 'chat-v1-error-111'])('refreshes the token once and retries after %s', async (name) => {
    const tokens = serveToken(json('oauth-token'), json('oauth-token-refreshed'));
    const requests = serve('post', `${V1_CHAT_URL}/completions`, json(name), json('chat-v1-basic'));
    const result = await createBaidu(CLIENT)('ernie-3.5-8k').doGenerate({ prompt: prompt('你好') });
    expect(result.content).toEqual([{ type: 'text', text: fixture('chat-v1-basic').result }]);
    expect(tokens).toHaveLength(2);
    expect(requests.map((request) => request.query.access_token)).toEqual([ACCESS_TOKEN, REFRESHED_TOKEN]);
  });

  it('gives up when the refreshed token is rejected too', async () => {
    const tokens = serveToken(json('oauth-token'), json('oauth-token-refreshed'));
    const requests = serve('post', `${V1_CHAT_URL}/completions`, json('chat-v1-error-111'));
    const error = await createBaidu(CLIENT)('ernie-3.5-8k').doGenerate({ prompt: prompt('你好') }).catch((caught: unknown) => caught);
    expect((error as APICallError).code).toBe('111');
    expect((error as APICallError).isRetryable).toBe(false);
    expect(tokens).toHaveLength(2);
    expect(requests).toHaveLength(2);
  });

  it('treats a result that is not a string as an InvalidResponseError', async () => {
    serveToken();
    serve('post', `${V1_CHAT_URL}/completions`, raw('{"id":"as-1","result":5}'));
    const error = await createBaidu(CLIENT)('ernie-3.5-8k').doGenerate({ prompt: prompt('你好') }).catch((caught: unknown) => caught);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
  });

  it('rejects image input on v1 before any request', async () => {
    const tokens = serveToken();
    const error = await createBaidu(CLIENT)('ernie-3.5-8k', { api: 'v1' })
      .doGenerate({ prompt: [{ role: 'user', content: [{ type: 'file', data: new Uint8Array([1]), mediaType: 'image/png' }] }] })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'AI_UnsupportedFunctionalityError' });
    expect(tokens).toHaveLength(0);
  });

  it('treats a body that is not JSON as an InvalidResponseError', async () => {
    serveToken();
    serve('post', `${V1_CHAT_URL}/completions`, raw('<html>gateway</html>', 'text/html'));
    const error = await createBaidu(CLIENT)('ernie-3.5-8k').doGenerate({ prompt: prompt('你好') }).catch((caught: unknown) => caught);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
  });
});

describe('baidu v1 chat: doStream', () => {
  it('streams result increments without [DONE] and ends at is_end', async () => {
    serveToken();
    const requests = serve('post', `${V1_CHAT_URL}/completions`, sse('chat-v1-chinese'));
    const { stream } = await createBaidu(CLIENT)('ernie-3.5-8k').doStream({ prompt: prompt('介绍北京') });
    const parts = await collect(stream);
    expect(requests[0]!.body).toMatchObject({ stream: true, messages: [{ role: 'user', content: '介绍北京' }] });
    expect(parts.filter((part) => part.type === 'text-delta').map((part) => part.text)).toEqual(['北京是中华人民共和国的首都，', '也是全国的政治、文化中心。🏯']);
    expect(parts.at(-1)).toEqual({
      type: 'stream-end',
      finishReason: 'stop',
      usage: { inputTokens: 5, outputTokens: 24, totalTokens: 29 },
      providerMetadata: { baidu: { needClearHistory: false, isTruncated: false } },
    });
  });

  it('yields identical text when the Chinese stream is split at every byte offset', async () => {
    serveToken();
    // An injected fetch for the chat calls instead of msw: ~1,200 streams must stay fast on a loaded machine.
    const bytes = sseBytes(chunks('chat-v1-chinese'));
    const expected = '北京是中华人民共和国的首都，也是全国的政治、文化中心。🏯';
    let split = 0;
    const urls: string[] = [];
    const fetch = async (url: RequestInfo | URL, init?: RequestInit) => {
      if (String(url).includes('/oauth/')) return globalThis.fetch(url, init);
      urls.push(String(url));
      return sseResponse(chunkedStream(bytes, [split]));
    };
    const model = createBaidu({ ...CLIENT, fetch })('ernie-3.5-8k');
    for (split = 1; split < bytes.length; split++) {
      const { stream } = await model.doStream({ prompt: prompt('介绍北京') });
      let text = '';
      for (const part of await collect(stream)) if (part.type === 'text-delta') text += part.text;
      expect(text, `split at ${split}`).toBe(expected);
    }
    expect(urls.every((url) => url === `${V1_CHAT_URL}/completions?access_token=${encodeURIComponent(ACCESS_TOKEN)}`)).toBe(true);
  });

  it('streams a function_call as a tool call and finishes with tool-calls', async () => {
    serveToken();
    const requests = serve('post', `${V1_CHAT_URL}/completions`, sse('chat-v1-function-call'));
    const { stream } = await createBaidu(CLIENT)('ernie-3.5-8k').doStream({
      prompt: prompt('北京天气怎么样？'),
      tools: [{ type: 'function', name: 'get_weather', inputSchema: { type: 'object' } }],
    });
    const parts = await collect(stream);
    expect(requests[0]!.body.functions).toEqual([{ name: 'get_weather', description: 'get_weather', parameters: { type: 'object' } }]);
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual([
      { type: 'tool-call', toolCallId: 'as-7m2ex4f1bn-0', toolName: 'get_weather', input: '{"city":"北京"}' },
    ]);
    expect(parts.at(-1)).toMatchObject({ type: 'stream-end', finishReason: 'tool-calls', usage: { inputTokens: 60, outputTokens: 21, totalTokens: 81 } });
  });

  it('throws a JSON error body before the first part, so core can retry it', async () => {
    serveToken();
    const requests = serve(
      'post',
      `${V1_CHAT_URL}/completions`,
      json('chat-v1-error-18', { headers: { 'retry-after-ms': '0' } }),
      sse('chat-v1-chinese'),
    );
    const result = streamText({ model: createBaidu(CLIENT)('ernie-3.5-8k'), prompt: '介绍北京' });
    expect(await result.text).toBe('北京是中华人民共和国的首都，也是全国的政治、文化中心。🏯');
    expect(requests).toHaveLength(2);
  });

  it('refreshes the token when a stream is refused with 111', async () => {
    const tokens = serveToken(json('oauth-token'), json('oauth-token-refreshed'));
    const requests = serve('post', `${V1_CHAT_URL}/completions`, json('chat-v1-error-111'), sse('chat-v1-chinese'));
    const { stream } = await createBaidu(CLIENT)('ernie-3.5-8k').doStream({ prompt: prompt('介绍北京') });
    expect((await collect(stream)).at(-1)?.type).toBe('stream-end');
    expect(tokens).toHaveLength(2);
    expect(requests[1]!.query.access_token).toBe(REFRESHED_TOKEN);
  });

  it('ends in an error part when the body closes before is_end', async () => {
    serveToken();
    const cut = chunks('chat-v1-chinese').slice(0, 2);
    serve('post', `${V1_CHAT_URL}/completions`, () => sseResponse(sseBytes(cut)));
    const { stream } = await createBaidu(CLIENT)('ernie-3.5-8k').doStream({ prompt: prompt('介绍北京') });
    const last = (await collect(stream)).at(-1);
    expect(last?.type).toBe('error');
    expect(InvalidResponseError.isInstance((last as { error: unknown }).error)).toBe(true);
  });

  it('ends in an error part with the code when an error frame arrives mid-stream', async () => {
    serveToken();
    const first = chunks('chat-v1-chinese')[0]!;
    serve('post', `${V1_CHAT_URL}/completions`, () => sseResponse(sseBytes([first, JSON.stringify(fixture('chat-v1-error-336003'))])));
    const { stream } = await createBaidu(CLIENT)('ernie-3.5-8k').doStream({ prompt: prompt('介绍北京') });
    const last = (await collect(stream)).at(-1) as { type: string; error: APICallError };
    expect(last.type).toBe('error');
    expect(last.error.code).toBe('336003');
  });
});
