import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUrlJoiner } from '../../src/http/index.js';
import { generateText } from '../../src/index.js';
import { createOpenAI } from '../../providers/openai/index.js';

afterEach(() => vi.unstubAllEnvs());

describe('createUrlJoiner', () => {
  it('hands back the same string while the base stays, and builds anew when it changes', () => {
    const join = createUrlJoiner((base, path) => `${base}${path}?v=1`);
    const first = join('https://a.test/v1', '/chat/completions');
    expect(first).toBe('https://a.test/v1/chat/completions?v=1');
    expect(join('https://a.test/v1', '/chat/completions')).toBe(first);
    expect(join('https://a.test/v1', '/images/generations')).toBe('https://a.test/v1/images/generations?v=1');
    expect(join('https://b.test/v1', '/chat/completions')).toBe('https://b.test/v1/chat/completions?v=1');
    expect(join('https://a.test/v1', '/chat/completions')).toBe('https://a.test/v1/chat/completions?v=1');
  });

  it('still reads OPENAI_BASE_URL at call time: a changed environment reaches the wire on the next call', async () => {
    const urls: string[] = [];
    const fetch = async (url: string | URL | Request) => {
      urls.push(String(url));
      return new Response(JSON.stringify({ id: 'c', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }] }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    const model = createOpenAI({ apiKey: 'sk-join-url-0123456789', fetch })('gpt-4o-mini');
    vi.stubEnv('OPENAI_BASE_URL', 'https://first.test/v1/');
    await generateText({ model, prompt: 'a' });
    await generateText({ model, prompt: 'b' });
    vi.stubEnv('OPENAI_BASE_URL', 'https://second.test/v1');
    await generateText({ model, prompt: 'c' });
    expect(urls).toEqual(['https://first.test/v1/chat/completions', 'https://first.test/v1/chat/completions', 'https://second.test/v1/chat/completions']);
  });
});
