import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createOpenAI } from '../../../providers/openai/index.js';
import { APICallError, streamObject, streamText } from '../../../src/index.js';
import { readAll } from '../../../src/testing/index.js';
import { server } from '../../support/msw-server.js';
import { chunkedStream, sseBytes, sseResponse } from '../../support/sse.js';
import { apiError, BASE_URL, chunks, json, serveChat, sse } from './handlers.js';

const openai = createOpenAI({ apiKey: 'sk-test-stream-0123456789' });
const EXPECTED = 'AIGC（人工智能生成内容）指由 AI 自动生成的文本、图像和音频。😀';

describe('openai chat doStream', () => {
  it('streams text with usage from the include_usage chunk and sends stream options', async () => {
    const requests = serveChat(sse('chat-chinese'));
    const result = streamText({ model: openai('gpt-4o-mini'), prompt: '用一句话介绍 AIGC。' });
    expect((await readAll(result.textStream)).join('')).toBe(EXPECTED);
    expect(await result.usage).toEqual({ inputTokens: 19, outputTokens: 17, totalTokens: 36, reasoningTokens: 0, cachedInputTokens: 0 });
    expect(await result.finishReason).toBe('stop');
    expect((await result.response).id).toBe('chatcmpl-9zh1');
    expect(requests[0]!.body).toMatchObject({ model: 'gpt-4o-mini', stream: true, stream_options: { include_usage: true } });
  });

  it('yields identical text when the SSE bytes are split at every offset (multi-byte, CRLF, comments, [DONE])', async () => {
    // An injected fetch instead of msw: these are parser cases, and ~6,000 streams must stay fast on a
    // loaded machine and in the `node` project (where msw answers through a socket relay).
    let reply: () => Response = () => new Response(null, { status: 500 });
    const splitting = createOpenAI({ apiKey: 'sk-test-stream-0123456789', fetch: async () => reply() });
    for (const options of [{ crlf: false, comments: false }, { crlf: true, comments: true }]) {
      const bytes = sseBytes(chunks('chat-chinese'), options);
      for (let offset = 1; offset < bytes.length; offset++) {
        reply = () => sseResponse(chunkedStream(bytes, [offset, offset + 1, offset + 7]));
        const result = streamText({ model: splitting('gpt-4o-mini'), prompt: 'x' });
        const text = (await readAll(result.textStream)).join('');
        if (text !== EXPECTED) throw new Error(`split at ${offset} (${JSON.stringify(options)}) gave ${JSON.stringify(text)}`);
        expect((await result.usage).totalTokens).toBe(36);
      }
    }
    // ~6,000 whole streamText calls: a generous limit for a loaded CI machine, not a speed check.
  }, 120_000);

  it('cancels the HTTP request when the consumer breaks out', async () => {
    let cancelled = false;
    let aborted = false;
    server.use(
      http.post(`${BASE_URL}/chat/completions`, ({ request }) => {
        request.signal.addEventListener('abort', () => (aborted = true));
        return sse('chat-chinese', { splits: Array.from({ length: 40 }, (_, index) => index * 50), onCancel: () => (cancelled = true) })(undefined as never, 0);
      }),
    );
    const result = streamText({ model: openai('gpt-4o-mini'), prompt: 'x' });
    const seen: string[] = [];
    for await (const delta of result.textStream) {
      seen.push(delta);
      if (seen.length === 2) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual(['AIGC', '（人工智能']);
    expect(cancelled || aborted).toBe(true);
    await expect(result.text).rejects.toBeDefined();
  });

  it('aborts mid-stream with the caller reason and cancels the body', async () => {
    let cancelled = false;
    let aborted = false;
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    server.use(
      http.post(`${BASE_URL}/chat/completions`, ({ request }) => {
        request.signal.addEventListener('abort', () => (aborted = true));
        const first = new TextEncoder().encode(`data: ${chunks('chat-chinese')[1]}\n\n`);
        return sseResponse(
          new ReadableStream({
            start(stream) {
              stream.enqueue(first);
            },
            cancel: () => void (cancelled = true),
          }),
        );
      }),
    );
    const result = streamText({ model: openai('gpt-4o-mini'), prompt: 'x', abortSignal: controller.signal });
    const iterator = result.textStream[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe('AIGC');
    controller.abort(reason);
    await expect(iterator.next()).rejects.toBe(reason);
    await expect(result.text).rejects.toBe(reason);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(cancelled || aborted).toBe(true);
  });

  it('times out a stalled stream with a TimeoutError', async () => {
    server.use(
      http.post(`${BASE_URL}/chat/completions`, () =>
        sseResponse(new ReadableStream({ start: (stream) => stream.enqueue(new TextEncoder().encode(`data: ${chunks('chat-chinese')[1]}\n\n`)) })),
      ),
    );
    const result = streamText({ model: openai('gpt-4o-mini'), prompt: 'x', timeout: 50 });
    const error = await readAll(result.textStream).catch((caught: unknown) => caught);
    expect((error as DOMException).name).toBe('TimeoutError');
  });

  it('retries a 429 before the stream starts', async () => {
    const requests = serveChat(apiError(429, 'error-429', { 'retry-after-ms': '0' }), sse('chat-chinese'));
    expect(await streamText({ model: openai('gpt-4o-mini'), prompt: 'x' }).text).toBe(EXPECTED);
    expect(requests).toHaveLength(2);
  });

  it('surfaces a mid-stream error event as an APICallError with its code', async () => {
    const payloads = [...chunks('chat-chinese').slice(0, 3), JSON.stringify({ error: { message: 'The server had an error', type: 'server_error', param: null, code: 'server_error' } })];
    server.use(http.post(`${BASE_URL}/chat/completions`, () => sseResponse(sseBytes(payloads))));
    const result = streamText({ model: openai('gpt-4o-mini'), prompt: 'x' });
    const parts: string[] = [];
    const error = await (async () => {
      for await (const part of result.fullStream) parts.push(part.type);
    })().catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'server_error', statusCode: undefined });
    expect(parts).toEqual(['stream-start', 'text-delta', 'text-delta', 'error']);
  });

  it('reports a truncated stream (no finish_reason, no [DONE]) as an error, not a silent partial', async () => {
    server.use(http.post(`${BASE_URL}/chat/completions`, () => sseResponse(sseBytes(chunks('chat-chinese').slice(0, 4)))));
    const result = streamText({ model: openai('gpt-4o-mini'), prompt: 'x' });
    await expect(readAll(result.textStream)).rejects.toMatchObject({ name: 'AI_InvalidResponseError' });
  });

  it('accepts a stream cut after finish_reason but before the usage chunk', async () => {
    server.use(http.post(`${BASE_URL}/chat/completions`, () => sseResponse(sseBytes(chunks('chat-chinese').slice(0, -2)))));
    const result = streamText({ model: openai('gpt-4o-mini'), prompt: 'x' });
    expect(await result.text).toBe(EXPECTED);
    expect(await result.usage).toEqual({ inputTokens: undefined, outputTokens: undefined, totalTokens: undefined });
  });

  it('replays a JSON completion sent in answer to a streaming request', async () => {
    serveChat(json('chat-basic'));
    expect(await streamText({ model: openai('gpt-4o-mini'), prompt: 'x' }).text).toContain('AIGC（AI-Generated Content');
  });

  it('surfaces reasoning_content deltas as reasoning parts', async () => {
    const base = { id: 'r', object: 'chat.completion.chunk', created: 1, model: 'deepseek-reasoner' };
    const payloads = [
      JSON.stringify({ ...base, choices: [{ index: 0, delta: { role: 'assistant', reasoning_content: '先想' }, finish_reason: null }] }),
      JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: '答案' }, finish_reason: 'stop' }] }),
      '[DONE]',
    ];
    server.use(http.post(`${BASE_URL}/chat/completions`, () => sseResponse(sseBytes(payloads))));
    const parts = await readAll(streamText({ model: openai('gpt-4o-mini'), prompt: 'x' }).fullStream);
    expect(parts.filter((part) => part.type === 'reasoning-delta' || part.type === 'text-delta')).toEqual([
      { type: 'reasoning-delta', text: '先想' },
      { type: 'text-delta', text: '答案' },
    ]);
  });

  it('rejects a 401 before the stream with the mapped error', async () => {
    serveChat(apiError(401, 'error-401'));
    const result = streamText({ model: openai('gpt-4o-mini'), prompt: 'x' });
    await expect(result.text).rejects.toMatchObject({ statusCode: 401, code: 'invalid_api_key' });
  });
});

describe('openai streamObject', () => {
  it('yields growing partial objects and the validated object', async () => {
    const requests = serveChat(sse('chat-object'));
    const result = streamObject({ model: openai('gpt-4o-mini'), schema: z.object({ title: z.string(), tags: z.array(z.string()) }), prompt: 'x' });
    const partials = await readAll(result.partialObjectStream);
    expect(partials[0]).toEqual({});
    expect(partials).toContainEqual({ title: 'AIGC' });
    expect(partials).toContainEqual({ title: 'AIGC 入门', tags: ['AI', '内容'] });
    expect(partials.at(-1)).toEqual({ title: 'AIGC 入门', tags: ['AI', '内容生成', '多模态'] });
    for (let index = 1; index < partials.length; index++) expect(JSON.stringify(partials[index])).not.toBe(JSON.stringify(partials[index - 1]));
    expect(await result.object).toEqual({ title: 'AIGC 入门', tags: ['AI', '内容生成', '多模态'] });
    expect(requests[0]!.body).toMatchObject({ stream: true, response_format: { type: 'json_schema' } });
  });

  it('fails the partial stream and the object with NoObjectGeneratedError when the final JSON fails the schema', async () => {
    serveChat(sse('chat-object'));
    const result = streamObject({ model: openai('gpt-4o-mini'), schema: z.object({ title: z.number() }), prompt: 'x' });
    await expect(readAll(result.partialObjectStream)).rejects.toMatchObject({ name: 'AI_NoObjectGeneratedError' });
    await expect(result.object).rejects.toMatchObject({ name: 'AI_NoObjectGeneratedError', text: '{"title":"AIGC 入门","tags":["AI","内容生成","多模态"]}' });
  });

  it('settles object when only the promise is awaited', async () => {
    serveChat(sse('chat-object'));
    const result = streamObject({ model: openai('gpt-4o-mini'), schema: z.object({ title: z.string(), tags: z.array(z.string()) }), prompt: 'x' });
    expect((await result.object).tags).toHaveLength(3);
    expect((await result.usage).totalTokens).toBe(83);
  });
});

void HttpResponse;
