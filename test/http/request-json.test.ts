import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { APICallError, InvalidResponseError, NetworkError } from '../../src/index.js';
import { requestJson, type SendRequestOptions } from '../../src/http/index.js';
import { server } from '../support/msw-server.js';

const KEY = 'sk-secret-key-456';
const URL_WITH_TOKEN = 'https://api.test/v1/chat?access_token=secret-token-123';

function options(fetch?: typeof globalThis.fetch) {
  return {
    provider: 'test.chat',
    url: URL_WITH_TOKEN,
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', 'x-unset': undefined },
    body: '{"q":1}',
    fetch,
  };
}

/** requestJson with a mapper that hands back what it was given. */
function exchangeJson(request: SendRequestOptions, maxBytes?: number) {
  return requestJson(request, maxBytes, (data, response, context) => ({ data, response, context }));
}

describe('requestJson', () => {
  it('sends the request as given and resolves the parsed body, scrubbed of the secrets sent', async () => {
    let seen: { method: string; auth: string | null; unset: boolean; body: string; token: string | null } | undefined;
    server.use(
      http.post('https://api.test/v1/chat', async ({ request }) => {
        seen = {
          method: request.method,
          auth: request.headers.get('authorization'),
          unset: request.headers.has('x-unset'),
          body: await request.text(),
          token: new URL(request.url).searchParams.get('access_token'),
        };
        return HttpResponse.json({ answer: 42, echo: `key ${KEY} and token secret-token-123` }, { headers: { 'x-request-id': 'req-1' } });
      }),
    );
    const { data, response, context } = await exchangeJson(options());
    expect(seen).toEqual({ method: 'POST', auth: `Bearer ${KEY}`, unset: false, body: '{"q":1}', token: 'secret-token-123' });
    expect(data).toEqual({ answer: 42, echo: 'key *** and token ***' });
    expect(response.headers.get('x-request-id')).toBe('req-1');
    expect(context).toMatchObject({ provider: 'test.chat', method: 'POST', url: 'https://api.test/v1/chat?access_token=***' });
  });

  it('reads the body through its stream and decodes it whole, a character split across chunks included', async () => {
    const declared = new Response('{"ok":true}', { headers: { 'content-length': '11' } });
    const text = vi.spyOn(declared, 'text');
    expect((await exchangeJson(options(async () => declared))).data).toEqual({ ok: true });
    expect(text).not.toHaveBeenCalled();
    // 春 is three bytes in UTF-8; the stream splits it after the first.
    const bytes = new TextEncoder().encode('{"poem":"春天"}');
    const split = bytes.indexOf(0xe6) + 1;
    const chunked = new Response(new ReadableStream({ start: (controller) => (controller.enqueue(bytes.slice(0, split)), controller.enqueue(bytes.slice(split)), controller.close()) }));
    expect((await exchangeJson(options(async () => chunked))).data).toEqual({ poem: '春天' });
  });

  it('rejects a body over the cap, declared or streamed, with a non-retryable APICallError and no read of it whole', async () => {
    const declared = new Response('x'.repeat(100), { headers: { 'content-length': '100' } });
    const text = vi.spyOn(declared, 'text');
    const first = await exchangeJson(options(async () => declared), 10).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(first)).toBe(true);
    expect(first).toMatchObject({ isRetryable: false, url: 'https://api.test/v1/chat?access_token=***' });
    expect(text).not.toHaveBeenCalled();

    const chunked = new Response(new ReadableStream({ start: (controller) => (controller.enqueue(new Uint8Array(64)), controller.enqueue(new Uint8Array(64)), controller.close()) }));
    const second = await exchangeJson(options(async () => chunked), 100).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(second)).toBe(true);
    expect((second as APICallError).message).toContain('100-byte limit');
  });

  it('maps the parsed body in the same step, and a mapper that throws rejects the call', async () => {
    server.use(http.post('https://api.test/v1/chat', () => HttpResponse.json({ choices: [] })));
    const mapped = await requestJson(options(), undefined, (data, response, context) => ({ count: (data as { choices: unknown[] }).choices.length, status: response.status, provider: context.provider }));
    expect(mapped).toEqual({ count: 0, status: 200, provider: 'test.chat' });
    const failure = new Error('bad shape');
    await expect(requestJson(options(), undefined, () => {
      throw failure;
    })).rejects.toBe(failure);
  });

  it('turns a body that is not JSON into an InvalidResponseError whose raw value is scrubbed', async () => {
    server.use(http.post('https://api.test/v1/chat', () => new HttpResponse(`<html>${KEY}</html>`, { status: 200 })));
    const error = await exchangeJson(options()).catch((caught: unknown) => caught);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as InvalidResponseError).rawValue).toBe('<html>***</html>');
    expect((error as Error).message).toContain('https://api.test/v1/chat?access_token=***');
  });

  it('fails a non-2xx status with APICallError, a failed fetch with NetworkError, an abort with its reason', async () => {
    server.use(http.post('https://api.test/v1/chat', () => HttpResponse.json({ error: 'quota' }, { status: 429 })));
    const status = await exchangeJson(options()).catch((caught: unknown) => caught);
    expect(status).toMatchObject({ statusCode: 429, isRetryable: true });
    expect(JSON.stringify(status)).not.toContain(KEY);

    const network = await exchangeJson(options(async () => Promise.reject(new TypeError(`fetch failed for ${KEY}`)))).catch((caught: unknown) => caught);
    expect(NetworkError.isInstance(network)).toBe(true);
    expect(String((network as NetworkError).cause)).not.toContain(KEY);

    const controller = new AbortController();
    const reason = new Error('stop');
    const aborted = exchangeJson(
      Object.assign(options(async (_url, init) => new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))), {
        abortSignal: controller.signal,
      }),
    );
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);
  });
});
