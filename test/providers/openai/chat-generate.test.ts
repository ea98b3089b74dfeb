import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { APICallError, generateObject, generateText, InvalidArgumentError, InvalidResponseError, LoadAPIKeyError, NoObjectGeneratedError, RetryError } from '../../../src/index.js';
import { createOpenAI } from '../../../providers/openai/index.js';
import { server } from '../../support/msw-server.js';
import { apiError, BASE_URL, json, serveChat } from './handlers.js';

const KEY = 'sk-test-aigc-0123456789abcdef';
const openai = createOpenAI({ apiKey: KEY, organization: 'org_1', project: 'proj_1' });

afterEach(() => vi.unstubAllEnvs());

describe('openai chat doGenerate', () => {
  it('sends the mapped request and returns text, usage and metadata', async () => {
    const requests = serveChat(json('chat-basic'));
    const result = await generateText({
      model: openai('gpt-4o-mini'),
      system: 'Be brief.',
      prompt: '什么是AIGC？',
      maxOutputTokens: 200,
      temperature: 0.3,
      topP: 0.9,
      presencePenalty: 0.1,
      frequencyPenalty: 0.2,
      stopSequences: ['END'],
      seed: 42,
      headers: { 'x-trace-id': 't-1' },
      providerOptions: { openai: { user: 'user-7', store: false } },
    });
    expect(result.text).toContain('AIGC（AI-Generated Content');
    expect(result.usage).toEqual({ inputTokens: 19, outputTokens: 38, totalTokens: 57, reasoningTokens: 0, cachedInputTokens: 0 });
    expect(result.finishReason).toBe('stop');
    expect(result.response).toMatchObject({ id: 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT', modelId: 'gpt-4o-mini-2024-07-18', timestamp: new Date(1741569952000) });
    expect(result.response.headers?.['x-request-id']).toBe('req_123');
    expect(result.providerMetadata).toEqual({ openai: { systemFingerprint: 'fp_06737a9306', serviceTier: 'default' } });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.url).toBe(`${BASE_URL}/chat/completions`);
    expect(request!.headers).toMatchObject({
      authorization: `Bearer ${KEY}`,
      'openai-organization': 'org_1',
      'openai-project': 'proj_1',
      'content-type': 'application/json',
      'x-trace-id': 't-1',
    });
    expect(request!.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: '什么是AIGC？' },
      ],
      max_completion_tokens: 200,
      temperature: 0.3,
      top_p: 0.9,
      presence_penalty: 0.1,
      frequency_penalty: 0.2,
      stop: ['END'],
      seed: 42,
      safety_identifier: 'user-7',
      store: false,
    });
  });

  it('sends image parts as image_url with data URLs and URLs', async () => {
    const requests = serveChat(json('chat-basic'));
    await generateText({
      model: openai('gpt-4o'),
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe both.' },
            { type: 'image', image: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]) },
            { type: 'image', image: new URL('https://example.com/cat.jpg') },
          ],
        },
      ],
    });
    expect(requests[0]!.body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Describe both.' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0K' } },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
        ],
      },
    ]);
  });

  it('maps reasoning models: developer role, sampling settings dropped with warnings', async () => {
    const requests = serveChat(json('chat-basic'));
    const result = await generateText({ model: openai('o4-mini'), system: 'Think.', prompt: 'x', temperature: 0.5, topP: 0.5, topK: 3 });
    expect(requests[0]!.body.messages[0]).toEqual({ role: 'developer', content: 'Think.' });
    expect(requests[0]!.body).not.toHaveProperty('temperature');
    expect(requests[0]!.body).not.toHaveProperty('top_p');
    expect(result.warnings.map((warning) => (warning as { setting: string }).setting)).toEqual(['temperature', 'topP', 'topK']);
  });

  it('rejects unknown providerOptions before any request', async () => {
    const requests = serveChat(json('chat-basic'));
    const error = await generateText({ model: openai('gpt-4o'), prompt: 'x', providerOptions: { openai: { usr: 'typo' } } }).catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('providerOptions.openai.usr');
    expect(requests).toHaveLength(0);
  });

  it('reports bad options from doGenerate as a rejected promise, not a synchronous throw, and sends nothing', async () => {
    const requests = serveChat(json('chat-basic'));
    const model = openai('gpt-4o');
    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = model.doGenerate({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }], providerOptions: { openai: { store: 'yes' } } });
    }).not.toThrow();
    const error = await pending!.catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('providerOptions.openai.store');
    expect(requests).toHaveLength(0);
  });

  it('reads OPENAI_API_KEY and OPENAI_BASE_URL at call time', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-env-key-123456');
    vi.stubEnv('OPENAI_BASE_URL', 'https://proxy.example.com/v1/');
    const seen: string[] = [];
    server.use(
      http.post('https://proxy.example.com/v1/chat/completions', ({ request }) => {
        seen.push(request.headers.get('authorization')!);
        return HttpResponse.json({ choices: [{ message: { content: 'hi' }, finish_reason: 'stop' }] });
      }),
    );
    const { openai: defaultOpenAI } = await import('../../../providers/openai/index.js');
    const result = await generateText({ model: defaultOpenAI('gpt-4o-mini'), prompt: 'x' });
    expect(result.text).toBe('hi');
    expect(seen).toEqual(['Bearer sk-env-key-123456']);
  });

  it('throws LoadAPIKeyError naming the setting and env var, with no request sent', async () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    const requests = serveChat(json('chat-basic'));
    const error = await generateText({ model: createOpenAI()('gpt-4o'), prompt: 'x' }).catch((caught: unknown) => caught);
    expect(LoadAPIKeyError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('apiKey');
    expect((error as Error).message).toContain('OPENAI_API_KEY');
    expect(requests).toHaveLength(0);
  });

  it('maps a refusal to text with finish reason content-filter', async () => {
    serveChat(json('chat-refusal'));
    const result = await generateText({ model: openai('gpt-4o'), prompt: 'x' });
    expect(result.text).toBe("I'm sorry, I can't help with that request.");
    expect(result.finishReason).toBe('content-filter');
  });

  it('turns an HTML page with status 200 into InvalidResponseError', async () => {
    server.use(http.post(`${BASE_URL}/chat/completions`, () => new HttpResponse('<html>proxy login</html>', { headers: { 'content-type': 'text/html' } })));
    const error = await generateText({ model: openai('gpt-4o'), prompt: 'x' }).catch((caught: unknown) => caught);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
  });

  it('turns JSON of the wrong shape into InvalidResponseError', async () => {
    server.use(http.post(`${BASE_URL}/chat/completions`, () => HttpResponse.json({ ok: true })));
    await expect(generateText({ model: openai('gpt-4o'), prompt: 'x' })).rejects.toMatchObject({ name: 'AI_InvalidResponseError' });
  });
});

describe('openai errors and retries', () => {
  it('retries a 429 after its retry-after and then succeeds', async () => {
    const requests = serveChat(apiError(429, 'error-429', { 'retry-after': '0' }), json('chat-basic'));
    const result = await generateText({ model: openai('gpt-4o-mini'), prompt: 'x' });
    expect(result.text).toContain('AIGC');
    expect(requests).toHaveLength(2);
  });

  it('does not retry a 400 and maps the body to APICallError', async () => {
    const requests = serveChat(apiError(400, 'error-400'));
    const error = await generateText({ model: openai('gpt-4o-mini'), prompt: 'x' }).catch((caught: unknown) => caught);
    expect(requests).toHaveLength(1);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'invalid_value',
      provider: 'openai.chat',
      url: `${BASE_URL}/chat/completions`,
      isRetryable: false,
    });
    expect((error as Error).message).toBe(
      `POST ${BASE_URL}/chat/completions failed with 400: Invalid value for 'temperature': expected a number between 0 and 2.`,
    );
  });

  it('exhausts maxRetries on a 500 storm with a RetryError', async () => {
    const requests = serveChat(apiError(500, 'error-500', { 'retry-after-ms': '1' }));
    const error = await generateText({ model: openai('gpt-4o-mini'), prompt: 'x', maxRetries: 2 }).catch((caught: unknown) => caught);
    expect(requests).toHaveLength(3);
    expect(RetryError.isInstance(error)).toBe(true);
    expect((error as RetryError).reason).toBe('maxRetriesExceeded');
    expect((error as RetryError).errors.map((item) => (item as APICallError).statusCode)).toEqual([500, 500, 500]);
    expect((error as RetryError).lastError).toMatchObject({ code: 'server_error' });
  });

  it('honours x-should-retry: false on a 503', async () => {
    const requests = serveChat(apiError(503, 'error-500', { 'x-should-retry': 'false' }));
    await expect(generateText({ model: openai('gpt-4o-mini'), prompt: 'x' })).rejects.toMatchObject({ statusCode: 503, isRetryable: false });
    expect(requests).toHaveLength(1);
  });

  it('does not retry insufficient_quota even though it is a 429', async () => {
    const requests = serveChat(apiError(429, 'error-429-quota'));
    await expect(generateText({ model: openai('gpt-4o-mini'), prompt: 'x' })).rejects.toMatchObject({ statusCode: 429, code: 'insufficient_quota' });
    expect(requests).toHaveLength(1);
  });

  it('keeps the API key out of messages, bodies and serialised errors', async () => {
    server.use(
      http.post(`${BASE_URL}/chat/completions`, () =>
        HttpResponse.json({ error: { message: `Incorrect API key provided: ${KEY}.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }, { status: 401 }),
      ),
    );
    const error = (await generateText({ model: openai('gpt-4o-mini'), prompt: 'x' }).catch((caught: unknown) => caught)) as APICallError;
    expect(error.code).toBe('invalid_api_key');
    for (const text of [String(error), error.message, error.responseBody, JSON.stringify(error), error.stack ?? '']) expect(text).not.toContain(KEY);
  });
});

describe('openai structured output', () => {
  const schema = z.object({ title: z.string(), tags: z.array(z.string()) });

  it('sends response_format json_schema (strict when the schema allows) and validates the object', async () => {
    const requests = serveChat(json('chat-object'));
    const { object, usage } = await generateObject({ model: openai('gpt-4o-mini'), schema, schemaName: 'article', prompt: 'Summarise' });
    expect(object).toEqual({ title: 'AIGC 入门', tags: ['AI', '内容生成', '多模态'] });
    expect(usage.totalTokens).toBe(83);
    expect(requests[0]!.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'article',
        strict: true,
        schema: {
          type: 'object',
          properties: { title: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
          required: ['title', 'tags'],
          additionalProperties: false,
        },
      },
    });
  });

  it('sends strict: false when the schema has optional fields', async () => {
    const requests = serveChat(json('chat-object'));
    await generateObject({ model: openai('gpt-4o-mini'), schema: z.object({ title: z.string(), tags: z.array(z.string()).optional() }), prompt: 'x' });
    expect(requests[0]!.body.response_format.json_schema.strict).toBe(false);
  });

  it('throws NoObjectGeneratedError with the raw text when the JSON fails the schema', async () => {
    serveChat(json('chat-object-invalid'));
    const error = await generateObject({ model: openai('gpt-4o-mini'), schema, prompt: 'x' }).catch((caught: unknown) => caught);
    expect(NoObjectGeneratedError.isInstance(error)).toBe(true);
    expect((error as NoObjectGeneratedError).text).toBe('{"title":42,"tags":"AI"}');
    expect((error as NoObjectGeneratedError).usage?.totalTokens).toBe(71);
    expect((error as Error).message).toMatch(/title/);
  });

  it('throws NoObjectGeneratedError when the answer is not JSON', async () => {
    serveChat(json('chat-basic'));
    const error = await generateObject({ model: openai('gpt-4o-mini'), schema, prompt: 'x' }).catch((caught: unknown) => caught);
    expect(NoObjectGeneratedError.isInstance(error)).toBe(true);
    expect((error as NoObjectGeneratedError).text).toContain('AIGC');
  });

  it('wraps a non-object root schema in { value } on the wire and unwraps the answer', async () => {
    const requests = serveChat(() => HttpResponse.json({ id: 'x', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: '{"value":["a","b"]}' }, finish_reason: 'stop' }] }));
    const { object } = await generateObject({ model: openai('gpt-4o-mini'), schema: z.array(z.string()), prompt: 'x' });
    expect(object).toEqual(['a', 'b']);
    expect(requests[0]!.body.response_format.json_schema.schema).toMatchObject({ type: 'object', required: ['value'], properties: { value: { type: 'array' } } });
  });
});
