import { describe, expect, it, vi } from 'vitest';
import { generateText } from '../../src/index.js';
import { extendResponse, withLazyHeaders } from '../../src/http/index.js';
import { MockLanguageModel } from '../../src/testing/index.js';
import { createOpenAI } from '../../providers/openai/index.js';

const BODY = JSON.stringify({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1741569952,
  model: 'gpt-4o-mini',
  choices: [{ index: 0, message: { role: 'assistant', content: '你好' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
});

/** An OpenAI model over an injected fetch that records each request and hands out each response's Headers. */
function modelWithHeaders() {
  const sent: Array<{ url: string; authorization: string | null; body: unknown }> = [];
  const responses: Response[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), authorization: new Headers(init?.headers).get('authorization'), body: JSON.parse(String(init?.body)) });
    const response = new Response(BODY, { headers: { 'content-type': 'application/json', 'x-request-id': 'req_42', 'openai-processing-ms': '120' } });
    responses.push(response);
    return response;
  });
  const model = createOpenAI({ apiKey: 'sk-lazy-headers-0123456789', baseURL: 'https://api.test/v1', fetch })('gpt-4o-mini');
  return { model, sent, responses };
}

describe('response headers, built when first read', () => {
  it('leaves the Headers unread until the caller asks, then gives the record on the result and its step', async () => {
    const { model, sent, responses } = modelWithHeaders();
    const result = await generateText({ model, prompt: '你好' });
    expect(sent).toEqual([{ url: 'https://api.test/v1/chat/completions', authorization: 'Bearer sk-lazy-headers-0123456789', body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: '你好' }] } }]);
    const forEach = vi.spyOn(responses[0]!.headers, 'forEach');
    expect(result.text).toBe('你好');
    expect(forEach).not.toHaveBeenCalled();

    const expected = { 'content-type': 'application/json', 'x-request-id': 'req_42', 'openai-processing-ms': '120' };
    expect(result.response.headers).toEqual(expected);
    expect(result.steps[0]!.response.headers).toEqual(expected);
    expect(forEach).toHaveBeenCalledTimes(1);
    // Read once: a plain value from then on.
    expect(result.response.headers).toBe(result.response.headers);
    expect(Object.getOwnPropertyDescriptor(result.response, 'headers')).toMatchObject({ value: expected, writable: true, enumerable: true });
  });

  it('is an own enumerable property: spread, JSON and toEqual see it without reading it first', async () => {
    const { model } = modelWithHeaders();
    const result = await generateText({ model, prompt: '你好' });
    expect(Object.keys(result.response)).toContain('headers');
    expect({ ...result.response }.headers).toMatchObject({ 'x-request-id': 'req_42' });
    const again = await generateText({ model, prompt: '你好' });
    expect(JSON.parse(JSON.stringify(again.response)).headers).toMatchObject({ 'x-request-id': 'req_42' });
    const third = await generateText({ model, prompt: '你好' });
    expect(third.response).toEqual({
      id: 'chatcmpl-1',
      modelId: 'gpt-4o-mini',
      timestamp: new Date(1741569952000),
      body: JSON.parse(BODY),
      headers: { 'content-type': 'application/json', 'x-request-id': 'req_42', 'openai-processing-ms': '120' },
      messages: [{ role: 'assistant', content: [{ type: 'text', text: '你好' }] }],
    });
  });

  it('can be assigned before it was read', () => {
    const metadata = withLazyHeaders({ id: 'r1' }, new Headers({ a: '1' }));
    metadata.headers = { b: '2' };
    expect(metadata).toEqual({ id: 'r1', headers: { b: '2' } });
  });

  it('extends a lazy response in place and copies any other, so a model returning one shared object is left alone', () => {
    const lazy = withLazyHeaders({ id: 'r1' }, new Headers({ a: '1' }));
    const extended = extendResponse(lazy, { messages: [] });
    expect(extended).toBe(lazy);
    expect(extended).toEqual({ id: 'r1', headers: { a: '1' }, messages: [] });

    const shared = { id: 'r2', headers: { a: '1' } };
    const copy = extendResponse(shared, { messages: [] });
    expect(copy).not.toBe(shared);
    expect(shared).toEqual({ id: 'r2', headers: { a: '1' } });
  });

  it('keeps a custom model’s shared response object unchanged across calls', async () => {
    const response = { id: 'mock-1', headers: { 'x-mock': 'yes' } };
    const model = new MockLanguageModel({ doGenerate: async () => ({ content: [{ type: 'text', text: 'a' }], finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 }, warnings: [], response }) });
    const first = await generateText({ model, prompt: 'x' });
    const second = await generateText({ model, prompt: 'y' });
    expect(response).toEqual({ id: 'mock-1', headers: { 'x-mock': 'yes' } });
    expect(first.response).toMatchObject({ id: 'mock-1', headers: { 'x-mock': 'yes' }, messages: [{ role: 'assistant', content: [{ type: 'text', text: 'a' }] }] });
    expect(second.response).not.toBe(first.response);
  });
});
