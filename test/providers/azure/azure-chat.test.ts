import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { azure, createAzure } from '../../../providers/azure/index.js';
import { generateObject, generateText, InvalidArgumentError, LoadAPIKeyError, tool } from '../../../src/index.js';
import { fixture, json, serveAzure } from './handlers.js';

const KEY = 'az-key-0123456789abcdef0123';
const V1_URL = 'https://myres.openai.azure.com/openai/v1/chat/completions';
const DEPLOYMENT_URL = 'https://myres.openai.azure.com/openai/deployments/gpt4o-prod/chat/completions';

afterEach(() => vi.unstubAllEnvs());

describe('azure chat URLs and auth', () => {
  it('uses the v1 API by default: deployment name as model, api-key header, no api-version', async () => {
    const requests = serveAzure(V1_URL, json('chat-basic'));
    const azure = createAzure({ resourceName: 'myres', apiKey: KEY, headers: { 'x-ms-client-request-id': 'c-1' } });
    const result = await generateText({ model: azure('gpt4o-prod'), prompt: 'Which model did Bing Chat use?', maxOutputTokens: 100 });
    expect(result.text).toBe('Bing Chat ran on GPT-4; on Azure you call the same model family through your own deployment.');
    expect(result.usage).toEqual({ inputTokens: 14, outputTokens: 21, totalTokens: 35, reasoningTokens: 0, cachedInputTokens: 0 });
    expect(result.response).toMatchObject({ id: 'chatcmpl-AzB1asic7x0Yk3', modelId: 'gpt-4o-2024-11-20' });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe(V1_URL);
    expect(requests[0]!.headers).toMatchObject({ 'api-key': KEY, 'content-type': 'application/json', 'x-ms-client-request-id': 'c-1' });
    expect(requests[0]!.headers.authorization).toBeUndefined();
    expect(requests[0]!.body).toEqual({
      model: 'gpt4o-prod',
      messages: [{ role: 'user', content: 'Which model did Bing Chat use?' }],
      max_completion_tokens: 100,
    });
  });

  it('uses deployment URLs with api-version for a dated apiVersion, without model in the body', async () => {
    const requests = serveAzure(DEPLOYMENT_URL, json('chat-basic'));
    const azure = createAzure({ resourceName: 'myres', apiKey: KEY, apiVersion: '2024-10-21' });
    const { text } = await generateText({ model: azure.chat('gpt4o-prod'), system: 'Be brief.', prompt: 'hi' });
    expect(text).toContain('GPT-4');
    expect(requests[0]!.url).toBe(`${DEPLOYMENT_URL}?api-version=2024-10-21`);
    expect(requests[0]!.headers['api-key']).toBe(KEY);
    expect(requests[0]!.body).toEqual({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hi' },
      ],
    });
  });

  it('encodes the deployment name in deployment URLs', async () => {
    const requests = serveAzure('https://myres.openai.azure.com/openai/deployments/my%20dep/chat/completions', json('chat-basic'));
    const azure = createAzure({ resourceName: 'myres', apiKey: KEY, apiVersion: '2025-04-01-preview' });
    await generateText({ model: azure('my dep'), prompt: 'hi' });
    expect(requests[0]!.url).toBe('https://myres.openai.azure.com/openai/deployments/my%20dep/chat/completions?api-version=2025-04-01-preview');
  });

  it("sends api-version=preview on v1 paths for the v1 preview channel", async () => {
    const requests = serveAzure(V1_URL, json('chat-basic'));
    await generateText({ model: createAzure({ resourceName: 'myres', apiKey: KEY, apiVersion: 'preview' })('gpt4o-prod'), prompt: 'hi' });
    expect(requests[0]!.url).toBe(`${V1_URL}?api-version=preview`);
    expect(requests[0]!.body.model).toBe('gpt4o-prod');
  });

  it('takes baseURL as the …/openai prefix of any host, trailing slash or not', async () => {
    const requests = serveAzure('https://gateway.example.com/aoai/openai/v1/chat/completions', json('chat-basic'));
    const azure = createAzure({ baseURL: 'https://gateway.example.com/aoai/openai/', resourceName: 'ignored', apiKey: KEY });
    await generateText({ model: azure('gpt4o-prod'), prompt: 'hi' });
    expect(requests[0]!.url).toBe('https://gateway.example.com/aoai/openai/v1/chat/completions');
  });

  it('reads AZURE_RESOURCE_NAME and AZURE_OPENAI_API_KEY at call time, in the default instance too', async () => {
    const created = createAzure();
    vi.stubEnv('AZURE_RESOURCE_NAME', 'envres');
    vi.stubEnv('AZURE_OPENAI_API_KEY', 'env-key-abcdef0123456789');
    const requests = serveAzure('https://envres.openai.azure.com/openai/v1/chat/completions', json('chat-basic'));
    await generateText({ model: created('gpt4o-prod'), prompt: 'hi' });
    await generateText({ model: azure('gpt4o-prod'), prompt: 'hi' });
    expect(requests.map((request) => request.url)).toEqual([
      'https://envres.openai.azure.com/openai/v1/chat/completions',
      'https://envres.openai.azure.com/openai/v1/chat/completions',
    ]);
    expect(requests.map((request) => request.headers['api-key'])).toEqual(['env-key-abcdef0123456789', 'env-key-abcdef0123456789']);
  });

  it('throws LoadAPIKeyError naming the setting and env var before any request', async () => {
    vi.stubEnv('AZURE_RESOURCE_NAME', '');
    vi.stubEnv('AZURE_OPENAI_API_KEY', '');
    const requests = serveAzure(V1_URL, json('chat-basic'));
    const noKey = await generateText({ model: createAzure({ resourceName: 'myres' })('d'), prompt: 'hi' }).catch((error: unknown) => error);
    expect(LoadAPIKeyError.isInstance(noKey)).toBe(true);
    expect(noKey).toMatchObject({ setting: 'apiKey', environmentVariable: 'AZURE_OPENAI_API_KEY' });
    const noResource = await generateText({ model: createAzure({ apiKey: KEY })('d'), prompt: 'hi' }).catch((error: unknown) => error);
    expect(LoadAPIKeyError.isInstance(noResource)).toBe(true);
    expect(noResource).toMatchObject({ setting: 'resourceName', environmentVariable: 'AZURE_RESOURCE_NAME' });
    expect(requests).toHaveLength(0);
  });

  it('caps the response body at maxResponseBytes, without retrying', async () => {
    // An injected fetch: msw never settles a cancelled body that declared its length, and the cap cancels it.
    const requests: string[] = [];
    const fetch = async (url: string | URL | Request, init?: RequestInit) => {
      requests.push(`${String(url)} ${new Headers(init?.headers).get('api-key')}`);
      return new Response(JSON.stringify(fixture('chat-basic')), { headers: { 'content-type': 'application/json' } });
    };
    const capped = createAzure({ resourceName: 'myres', apiKey: KEY, maxResponseBytes: 256, fetch });
    const error = await generateText({ model: capped('gpt4o-prod'), prompt: 'hi' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ isRetryable: false, provider: 'azure.chat' });
    expect((error as Error).message).toContain('256-byte limit');
    expect(requests).toEqual([`${V1_URL} ${KEY}`]);
    expect(() => createAzure({ maxResponseBytes: 0 })).toThrow(expect.objectContaining({ argument: 'maxResponseBytes' }));
  });

  it('rejects bad settings with InvalidArgumentError naming the field', async () => {
    expect(() => createAzure({ apiVersion: '2024/10/21' })).toThrow(expect.objectContaining({ argument: 'apiVersion' }));
    expect(() => createAzure({ apiKey: KEY, getToken: () => 't' })).toThrow(expect.objectContaining({ argument: 'getToken' }));
    expect(() => createAzure({ baseURL: 'myres.openai.azure.com/openai' })).toThrow(expect.objectContaining({ argument: 'baseURL' }));
    const requests = serveAzure(V1_URL, json('chat-basic'));
    const error = await generateText({ model: createAzure({ resourceName: 'evil.com/x', apiKey: KEY })('d'), prompt: 'hi' }).catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ argument: 'resourceName' });
    expect(requests).toHaveLength(0);
  });
});

describe('azure chat with Entra ID tokens', () => {
  it('sends the token as a bearer token instead of api-key', async () => {
    vi.stubEnv('AZURE_OPENAI_API_KEY', 'env-key-should-not-be-sent');
    const requests = serveAzure(V1_URL, json('chat-basic'));
    const azure = createAzure({ resourceName: 'myres', getToken: async () => 'eyJ0eXAiOiJKV1Qi.token-1' });
    await generateText({ model: azure('gpt4o-prod'), prompt: 'hi' });
    expect(requests[0]!.headers.authorization).toBe('Bearer eyJ0eXAiOiJKV1Qi.token-1');
    expect(requests[0]!.headers['api-key']).toBeUndefined();
  });

  it('awaits getToken before every request, so rotated tokens are used', async () => {
    const tokens = ['eyJ0eXAiOiJKV1Qi.token-old', 'eyJ0eXAiOiJKV1Qi.token-new'];
    const getToken = vi.fn(async () => tokens.shift()!);
    const requests = serveAzure(DEPLOYMENT_URL, json('chat-basic'));
    const azure = createAzure({ resourceName: 'myres', getToken, apiVersion: '2024-10-21' });
    await generateText({ model: azure('gpt4o-prod'), prompt: 'one' });
    await generateText({ model: azure('gpt4o-prod'), prompt: 'two' });
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(requests.map((request) => request.headers.authorization)).toEqual(['Bearer eyJ0eXAiOiJKV1Qi.token-old', 'Bearer eyJ0eXAiOiJKV1Qi.token-new']);
    expect(requests.map((request) => request.url)).toEqual([`${DEPLOYMENT_URL}?api-version=2024-10-21`, `${DEPLOYMENT_URL}?api-version=2024-10-21`]);
  });

  it('asks for a fresh token when a throttled request is retried', async () => {
    let calls = 0;
    const getToken = async () => `eyJ0eXAiOiJKV1Qi.token-${++calls}`;
    const requests = serveAzure(
      V1_URL,
      () => new Response(JSON.stringify({ error: { code: '429', message: 'Rate limit is exceeded.' } }), { status: 429, headers: { 'retry-after-ms': '0', 'content-type': 'application/json' } }),
      json('chat-basic'),
    );
    await generateText({ model: createAzure({ resourceName: 'myres', getToken })('gpt4o-prod'), prompt: 'hi' });
    expect(requests.map((request) => request.headers.authorization)).toEqual(['Bearer eyJ0eXAiOiJKV1Qi.token-1', 'Bearer eyJ0eXAiOiJKV1Qi.token-2']);
  });

  it('never shows the bearer token in an error', async () => {
    const token = 'eyJ0eXAiOiJKV1Qi.secret-token-value';
    serveAzure(V1_URL, () => new Response(JSON.stringify({ error: { code: 'InvalidAuthenticationToken', message: `Token ${token} is expired.` } }), { status: 401 }));
    const error = await generateText({ model: createAzure({ resourceName: 'myres', getToken: () => token })('gpt4o-prod'), prompt: 'hi' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ statusCode: 401, code: 'InvalidAuthenticationToken' });
    const shown = `${(error as Error).message} ${JSON.stringify(error)}`;
    expect(shown).not.toContain('secret-token-value');
    expect(shown).toContain('Token *** is expired.');
  });

  it('rejects an empty token with InvalidArgumentError before any request', async () => {
    const requests = serveAzure(V1_URL, json('chat-basic'));
    const error = await generateText({ model: createAzure({ resourceName: 'myres', getToken: () => '' })('gpt4o-prod'), prompt: 'hi' }).catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ argument: 'getToken' });
    expect(requests).toHaveLength(0);
  });
});

describe('azure chat features', () => {
  const azure = createAzure({ resourceName: 'myres', apiKey: KEY });

  it('sends tools and returns the tool call', async () => {
    const requests = serveAzure(V1_URL, json('chat-tool-call'));
    const result = await generateText({
      model: azure('gpt4o-prod'),
      prompt: 'When was the Bing Search API retired?',
      tools: { search: tool({ description: 'Search the web', inputSchema: z.object({ query: z.string() }) }) },
      toolChoice: 'required',
    });
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls).toEqual([expect.objectContaining({ toolCallId: 'call_azT00l1', toolName: 'search', input: { query: 'Bing Search API retirement' } })]);
    expect(requests[0]!.body).toMatchObject({
      model: 'gpt4o-prod',
      tools: [{ type: 'function', function: { name: 'search', description: 'Search the web', parameters: expect.objectContaining({ type: 'object', required: ['query'] }) } }],
      tool_choice: 'required',
    });
  });

  it('asks for a JSON Schema answer for generateObject and parses it', async () => {
    const requests = serveAzure(V1_URL, json('chat-object'));
    const schema = z.object({ product: z.string(), model: z.string(), year: z.number() });
    const { object } = await generateObject({ model: azure('gpt4o-prod'), schema, schemaName: 'fact', prompt: 'Bing Chat facts' });
    expect(object).toEqual({ product: 'Bing Chat', model: 'GPT-4', year: 2023 });
    expect(requests[0]!.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'fact', strict: true, schema: expect.objectContaining({ type: 'object', required: ['product', 'model', 'year'] }) },
    });
  });

  it('sends image parts as image_url data URLs', async () => {
    const requests = serveAzure(V1_URL, json('chat-basic'));
    await generateText({
      model: azure('gpt4o-prod'),
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image', image: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), mediaType: 'image/png' }] }],
    });
    expect(requests[0]!.body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0K' } }] },
    ]);
  });

  it('passes providerOptions.azure to the wire', async () => {
    const requests = serveAzure(V1_URL, json('chat-basic'));
    await generateText({ model: azure('gpt4o-prod'), prompt: 'hi', providerOptions: { azure: { user: 'user-9', reasoningEffort: 'low' } } });
    expect(requests[0]!.body).toMatchObject({ model: 'gpt4o-prod', safety_identifier: 'user-9', reasoning_effort: 'low' });
  });
});
