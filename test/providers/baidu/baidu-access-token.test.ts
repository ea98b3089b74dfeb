import { afterEach, describe, expect, it, vi } from 'vitest';
import { APICallError, LoadAPIKeyError, NetworkError } from '../../../src/errors/index.js';
import type { LanguageModelCallOptions } from '../../../src/provider/index.js';
import { createBaidu } from '../../../providers/baidu/index.js';
import { ACCESS_TOKEN, CLIENT, json, serve, serveToken, TOKEN_URL, V1_CHAT_URL } from './handlers.js';

const prompt: LanguageModelCallOptions['prompt'] = [{ role: 'user', content: [{ type: 'text', text: '你好' }] }];

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe('baidu access token', () => {
  it('is fetched once and cached across calls and models', async () => {
    const tokens = serveToken();
    const requests = serve('post', `${V1_CHAT_URL}/completions`, json('chat-v1-basic'));
    const baidu = createBaidu({ ...CLIENT, headers: { 'x-trace': 't-1' } });
    await baidu('ernie-3.5-8k', { api: 'v1' }).doGenerate({ prompt });
    await baidu('ernie-3.5-8k', { api: 'v1' }).doGenerate({ prompt });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.method).toBe('POST');
    expect(tokens[0]!.headers['x-trace']).toBe('t-1');
    expect(requests.map((request) => request.query.access_token)).toEqual([ACCESS_TOKEN, ACCESS_TOKEN]);
  });

  it('is requested once for ten parallel calls (single flight)', async () => {
    const tokens = serveToken();
    const requests = serve('post', `${V1_CHAT_URL}/completions`, json('chat-v1-basic'));
    const model = createBaidu(CLIENT)('ernie-3.5-8k', { api: 'v1' });
    await Promise.all(Array.from({ length: 10 }, () => model.doGenerate({ prompt })));
    expect(tokens).toHaveLength(1);
    expect(requests).toHaveLength(10);
  });

  it('is renewed shortly before it expires (an hour early for a 30-day token)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const tokens = serveToken();
    serve('post', `${V1_CHAT_URL}/completions`, json('chat-v1-basic'));
    const model = createBaidu(CLIENT)('ernie-3.5-8k', { api: 'v1' });
    await model.doGenerate({ prompt });
    vi.setSystemTime(new Date(Date.parse('2026-01-31T00:00:00Z') - 3_600_000 - 1000));
    await model.doGenerate({ prompt });
    expect(tokens).toHaveLength(1);
    vi.setSystemTime(new Date(Date.parse('2026-01-31T00:00:00Z') - 3_600_000 + 1000));
    await model.doGenerate({ prompt });
    expect(tokens).toHaveLength(2);
  });

  it('is fetched again when the credentials in the environment change', async () => {
    vi.stubEnv('QIANFAN_API_KEY', '');
    vi.stubEnv('BAIDU_CLIENT_ID', 'env-client-1');
    vi.stubEnv('BAIDU_CLIENT_SECRET', 'env-secret-1');
    const tokens = serveToken();
    serve('post', `${V1_CHAT_URL}/completions`, json('chat-v1-basic'));
    const model = createBaidu()('ernie-3.5-8k');
    await model.doGenerate({ prompt });
    vi.stubEnv('BAIDU_CLIENT_ID', 'env-client-2');
    await model.doGenerate({ prompt });
    expect(tokens.map((request) => request.query.client_id)).toEqual(['env-client-1', 'env-client-2']);
  });

  it('fails with APICallError invalid_client, redacting the client secret, and is not cached', async () => {
    const tokens = serveToken(json('oauth-token-invalid-client', { status: 401 }), json('oauth-token'));
    const requests = serve('post', `${V1_CHAT_URL}/completions`, json('chat-v1-basic'));
    const model = createBaidu(CLIENT)('ernie-3.5-8k', { api: 'v1' });
    const error = await model.doGenerate({ prompt }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_client', isRetryable: false, provider: 'baidu.oauth' });
    expect((error as APICallError).url).toBe(`${TOKEN_URL}?grant_type=client_credentials&client_id=${CLIENT.clientId}&client_secret=***`);
    expect(JSON.stringify({ ...(error as APICallError), message: (error as Error).message })).not.toContain(CLIENT.clientSecret);
    expect(requests).toHaveLength(0);
    await model.doGenerate({ prompt });
    expect(tokens).toHaveLength(2);
  });

  it('names the missing setting and environment variable before any request', async () => {
    vi.stubEnv('QIANFAN_API_KEY', '');
    vi.stubEnv('BAIDU_CLIENT_ID', '');
    vi.stubEnv('BAIDU_CLIENT_SECRET', '');
    const tokens = serveToken();
    const missingSecret = await createBaidu({ clientId: 'id-only' })('ernie-3.5-8k', { api: 'v1' }).doGenerate({ prompt }).catch((caught: unknown) => caught);
    expect(LoadAPIKeyError.isInstance(missingSecret)).toBe(true);
    expect(missingSecret).toMatchObject({ setting: 'clientSecret', environmentVariable: 'BAIDU_CLIENT_SECRET' });
    const missingAll = await createBaidu()('ernie-3.5-8k').doGenerate({ prompt }).catch((caught: unknown) => caught);
    expect(missingAll).toMatchObject({ name: 'AI_LoadAPIKeyError', setting: 'apiKey', environmentVariable: 'QIANFAN_API_KEY' });
    expect((missingAll as Error).message).toContain('BAIDU_CLIENT_ID');
    expect(tokens).toHaveLength(0);
  });

  it('lets a caller abort while waiting for the shared token without failing the others', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tokens = serveToken(async () => {
      await gate;
      return json('oauth-token')({} as never, 0);
    });
    serve('post', `${V1_CHAT_URL}/completions`, json('chat-v1-basic'));
    const model = createBaidu(CLIENT)('ernie-3.5-8k', { api: 'v1' });
    const controller = new AbortController();
    const aborted = model.doGenerate({ prompt, abortSignal: controller.signal }).catch((caught: unknown) => caught);
    const waiting = model.doGenerate({ prompt });
    await vi.waitFor(() => expect(tokens).toHaveLength(1));
    controller.abort(new Error('user gave up'));
    expect(await aborted).toEqual(new Error('user gave up'));
    release();
    expect((await waiting).finishReason).toBe('stop');
    expect(tokens).toHaveLength(1);
  });

  it('refreshes once when ten parallel calls all hit an expired token', async () => {
    const tokens = serveToken(json('oauth-token'), json('oauth-token-refreshed'));
    const requests = serve('post', `${V1_CHAT_URL}/completions`, (request) =>
      json(request.query.access_token === ACCESS_TOKEN ? 'chat-v1-error-111' : 'chat-v1-basic')(request, 0),
    );
    const model = createBaidu(CLIENT)('ernie-3.5-8k', { api: 'v1' });
    const results = await Promise.all(Array.from({ length: 10 }, () => model.doGenerate({ prompt })));
    expect(results.every((result) => result.finishReason === 'stop')).toBe(true);
    expect(tokens).toHaveLength(2);
    expect(requests).toHaveLength(20);
  });

  it('gives up on a token request that hangs for 30 s with a retryable NetworkError, and asks again next time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const urls: string[] = [];
    let hang = true;
    const fetch = (url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      urls.push(String(url));
      if (String(url).includes('/oauth/') && hang) {
        return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
      }
      return Promise.resolve(Response.json(String(url).includes('/oauth/') ? { access_token: ACCESS_TOKEN, expires_in: 2592000 } : { id: 'as-1', result: '好' }));
    };
    const model = createBaidu({ ...CLIENT, fetch })('ernie-3.5-8k', { api: 'v1' });
    const failed = model.doGenerate({ prompt }).catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(30_000);
    const error = await failed;
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true, url: `${TOKEN_URL}?grant_type=client_credentials&client_id=${CLIENT.clientId}&client_secret=***` });
    hang = false;
    expect((await model.doGenerate({ prompt })).content).toEqual([{ type: 'text', text: '好' }]);
    expect(urls.filter((url) => url.includes('/oauth/'))).toHaveLength(2);
  });
});
