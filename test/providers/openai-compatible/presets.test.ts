import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createDeepSeek,
  createMoonshot,
  createOllama,
  createQwen,
  createZhipu,
  deepseek,
  moonshot,
  ollama,
  qwen,
  zhipu,
} from '../../../providers/openai-compatible/index.js';
import { generateText, InvalidArgumentError, LoadAPIKeyError, streamText, UnsupportedFunctionalityError } from '../../../src/index.js';
import { readAll } from '../../../src/testing/index.js';
import { json, serve, sse } from './handlers.js';

afterEach(() => vi.unstubAllEnvs());

const PRESETS = [
  { name: 'deepseek', instance: deepseek, create: createDeepSeek, url: 'https://api.deepseek.com/chat/completions', env: 'DEEPSEEK_API_KEY', model: 'deepseek-chat', streamOptions: true },
  { name: 'qwen', instance: qwen, create: createQwen, url: 'https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions', env: 'DASHSCOPE_API_KEY', model: 'qwen-plus', streamOptions: true },
  { name: 'moonshot', instance: moonshot, create: createMoonshot, url: 'https://api.moonshot.cn/v1/chat/completions', env: 'MOONSHOT_API_KEY', model: 'kimi-k2.5', streamOptions: false },
  { name: 'zhipu', instance: zhipu, create: createZhipu, url: 'https://open.bigmodel.cn/api/paas/v4/chat/completions', env: 'ZHIPUAI_API_KEY', model: 'glm-4-flash', streamOptions: false },
] as const;

describe('OpenAI-compatible presets', () => {
  for (const preset of PRESETS) {
    it(`${preset.name}: posts to ${preset.url} with the ${preset.env} bearer key and max_tokens`, async () => {
      const key = `${preset.name}-key-0123456789abcdef`;
      vi.stubEnv(preset.env, key);
      const requests = serve(preset.url, json('chat-basic'));
      const result = await generateText({ model: preset.instance(preset.model), prompt: '你好', maxOutputTokens: 64, temperature: 0.5 });
      expect(result.text).toBe('你好！有什么可以帮你的吗？');
      expect(result.usage).toMatchObject({ inputTokens: 8, outputTokens: 9, totalTokens: 17 });
      expect(requests).toHaveLength(1);
      expect(requests[0]!.url).toBe(preset.url);
      expect(requests[0]!.headers).toMatchObject({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });
      expect(requests[0]!.body).toEqual({ model: preset.model, messages: [{ role: 'user', content: '你好' }], max_tokens: 64, temperature: 0.5 });
    });

    it(`${preset.name}: throws LoadAPIKeyError naming ${preset.env} before any request`, async () => {
      vi.stubEnv(preset.env, '');
      const requests = serve(preset.url, json('chat-basic'));
      const error = await generateText({ model: preset.create()(preset.model), prompt: 'hi' }).catch((caught: unknown) => caught);
      expect(LoadAPIKeyError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ setting: 'apiKey', environmentVariable: preset.env });
      expect(requests).toHaveLength(0);
    });

    it(`${preset.name}: ${preset.streamOptions ? 'asks for' : 'does not ask for'} a usage chunk when streaming`, async () => {
      const requests = serve(preset.url, sse('deepseek-reasoner'));
      await readAll(streamText({ model: preset.create({ apiKey: 'k-0123456789' })(preset.model), prompt: 'hi' }).textStream);
      expect(requests[0]!.body.stream).toBe(true);
      expect(requests[0]!.body.stream_options).toEqual(preset.streamOptions ? { include_usage: true } : undefined);
    });
  }

  it('deepseek: rejects image parts before any request (text-only API), while other presets send them', async () => {
    const ds = serve('https://api.deepseek.com/chat/completions', json('chat-basic'));
    const messages = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'What is this?' }, { type: 'image' as const, image: new URL('https://example.com/cat.jpg') }] }];
    const error = await generateText({ model: createDeepSeek({ apiKey: 'sk-ds-0123456789' })('deepseek-chat'), messages }).catch((caught: unknown) => caught);
    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect(ds).toHaveLength(0);
    const vl = serve('https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions', json('chat-basic'));
    await generateText({ model: createQwen({ apiKey: 'sk-qwen-0123456789' })('qwen-vl-max'), messages });
    expect(vl[0]!.body.messages[0].content[1]).toEqual({ type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } });
  });

  it('takes a settings key, another base URL and extra headers over the defaults', async () => {
    vi.stubEnv('DASHSCOPE_API_KEY', 'env-key-not-used');
    const requests = serve('https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions', json('chat-basic'));
    const intl = createQwen({ apiKey: 'sk-intl-0123456789', baseURL: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1/', headers: { 'x-dashscope-trace': 't1' } });
    await generateText({ model: intl('qwen-max'), prompt: 'hi' });
    expect(requests[0]!.url).toBe('https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions');
    expect(requests[0]!.headers).toMatchObject({ authorization: 'Bearer sk-intl-0123456789', 'x-dashscope-trace': 't1' });
  });

  it('rejects a preset baseURL that is not http(s)', () => {
    expect(() => createMoonshot({ baseURL: 'api.moonshot.ai/v1' })).toThrow(InvalidArgumentError);
  });

  it('ollama: posts to localhost:11434/v1 with no key and JSON Schema structured output', async () => {
    const requests = serve('http://localhost:11434/v1/chat/completions', json('chat-basic'));
    await generateText({ model: ollama('qwen3:8b'), prompt: 'hi', maxOutputTokens: 10 });
    expect(requests[0]!.url).toBe('http://localhost:11434/v1/chat/completions');
    expect(requests[0]!.headers.authorization).toBeUndefined();
    expect(requests[0]!.body).toEqual({ model: 'qwen3:8b', messages: [{ role: 'user', content: 'hi' }], max_tokens: 10 });
    expect(ollama('qwen3:8b').capabilities.structuredOutput).toBe('native');
    expect(deepseek('deepseek-chat').capabilities.structuredOutput).toBe('json');
  });

  it('ollama: sends a key when one is given (ollama.com) and maps its error body', async () => {
    const requests = serve('https://ollama.com/v1/chat/completions', json('error-ollama-404', 404));
    const cloud = createOllama({ baseURL: 'https://ollama.com/v1', apiKey: 'ollama-cloud-key-0123' });
    const error = await generateText({ model: cloud('llama9'), prompt: 'hi' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ statusCode: 404, provider: 'ollama.chat', code: 'api_error' });
    expect((error as Error).message).toContain('model "llama9" not found');
    expect(requests[0]!.headers.authorization).toBe('Bearer ollama-cloud-key-0123');
  });
});

describe('reasoning_content', () => {
  it('deepseek-reasoner: returns reasoning_content as reasoningText', async () => {
    const requests = serve('https://api.deepseek.com/chat/completions', json('deepseek-reasoner'));
    const result = await generateText({ model: createDeepSeek({ apiKey: 'sk-ds-0123456789' })('deepseek-reasoner'), prompt: '9.11 和 9.8 哪个大？' });
    expect(result.reasoningText).toBe('比较 9.11 和 9.8：小数部分 0.11 < 0.80，所以 9.8 更大。');
    expect(result.text).toBe('9.8 更大。');
    expect(result.usage).toMatchObject({ outputTokens: 40, reasoningTokens: 33 });
    expect(requests[0]!.body.model).toBe('deepseek-reasoner');
  });

  it('deepseek-reasoner: streams reasoning-delta parts before the text', async () => {
    serve('https://api.deepseek.com/chat/completions', sse('deepseek-reasoner'));
    const result = streamText({ model: createDeepSeek({ apiKey: 'sk-ds-0123456789' })('deepseek-reasoner'), prompt: '9.11 和 9.8 哪个大？' });
    const parts = (await readAll(result.fullStream)).filter((part) => part.type === 'reasoning-delta' || part.type === 'text-delta');
    expect(parts).toEqual([
      { type: 'reasoning-delta', text: '比较 9.11' },
      { type: 'reasoning-delta', text: ' 和 9.8。' },
      { type: 'text-delta', text: '9.8' },
      { type: 'text-delta', text: ' 更大。' },
    ]);
    expect(await result.text).toBe('9.8 更大。');
    expect(await result.reasoningText).toBe('比较 9.11 和 9.8。');
    expect(await result.usage).toMatchObject({ inputTokens: 15, outputTokens: 20, reasoningTokens: 12 });
  });

  it('deepseek-reasoner: leaves sampling settings it ignores off the wire and warns', async () => {
    const requests = serve('https://api.deepseek.com/chat/completions', json('deepseek-reasoner'), sse('deepseek-reasoner'));
    const model = createDeepSeek({ apiKey: 'sk-ds-0123456789' })('deepseek-reasoner');
    const result = await generateText({ model, prompt: 'x', temperature: 0.2, topP: 0.9, maxOutputTokens: 100 });
    const expected = ['temperature', 'topP'].map((setting) => ({ type: 'unsupported-setting', setting, details: `deepseek-reasoner ignores ${setting}` }));
    expect(result.warnings).toEqual(expected);
    expect(requests[0]!.body).toEqual({ model: 'deepseek-reasoner', messages: [{ role: 'user', content: 'x' }], max_tokens: 100 });

    const parts = await readAll(streamText({ model, prompt: 'x', presencePenalty: 0.5 }).fullStream);
    expect(parts[0]).toEqual({ type: 'stream-start', warnings: [{ type: 'unsupported-setting', setting: 'presencePenalty', details: 'deepseek-reasoner ignores presencePenalty' }] });
    expect(requests[1]!.body.presence_penalty).toBeUndefined();
    expect(requests[1]!.body.stream).toBe(true);
  });

  it('qwen thinking models: streams reasoning_content deltas as reasoning', async () => {
    const requests = serve('https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions', sse('qwen-thinking'));
    const result = streamText({ model: createQwen({ apiKey: 'sk-qwen-0123456789' })('qwq-plus'), prompt: '你好' });
    const parts = (await readAll(result.fullStream)).filter((part) => part.type === 'reasoning-delta' || part.type === 'text-delta');
    expect(parts).toEqual([
      { type: 'reasoning-delta', text: '用户问好，' },
      { type: 'reasoning-delta', text: '礼貌回应即可。' },
      { type: 'text-delta', text: '你好！' },
    ]);
    expect(await result.usage).toMatchObject({ totalTokens: 30, reasoningTokens: 14 });
    expect(requests[0]!.headers.authorization).toBe('Bearer sk-qwen-0123456789');
  });
});

describe('provider-specific request fields', () => {
  it('sends providerOptions.<name>.extraBody as top-level fields (DeepSeek thinking, Qwen enable_thinking)', async () => {
    const ds = serve('https://api.deepseek.com/chat/completions', json('deepseek-reasoner'));
    await generateText({
      model: createDeepSeek({ apiKey: 'sk-ds-0123456789' })('deepseek-v4-pro'),
      prompt: 'x',
      providerOptions: { deepseek: { reasoningEffort: 'high', extraBody: { thinking: { type: 'enabled' } } } },
    });
    expect(ds[0]!.body).toEqual({ model: 'deepseek-v4-pro', messages: [{ role: 'user', content: 'x' }], reasoning_effort: 'high', thinking: { type: 'enabled' } });

    const qw = serve('https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions', json('chat-basic'));
    await generateText({ model: createQwen({ apiKey: 'sk-qwen-0123456789' })('qwen3-8b'), prompt: 'x', providerOptions: { qwen: { extraBody: { enable_thinking: false } } } });
    expect(qw[0]!.body).toMatchObject({ model: 'qwen3-8b', enable_thinking: false });
  });

  it('rejects an extraBody that is not an object, naming it, before any request', async () => {
    const requests = serve('https://api.deepseek.com/chat/completions', json('chat-basic'));
    const error = await generateText({ model: createDeepSeek({ apiKey: 'sk-ds-0123456789' })('deepseek-chat'), prompt: 'x', providerOptions: { deepseek: { extraBody: 'thinking' } } }).catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ argument: 'providerOptions.deepseek.extraBody' });
    expect(requests).toHaveLength(0);
  });
});

describe('stream usage quirks', () => {
  it('moonshot: reads usage from the last choice', async () => {
    serve('https://api.moonshot.cn/v1/chat/completions', sse('moonshot-stream'));
    const result = streamText({ model: createMoonshot({ apiKey: 'sk-moon-0123456789' })('kimi-k2.5'), prompt: '你好' });
    expect(await result.text).toBe('你好，我是 Kimi。');
    expect(await result.usage).toMatchObject({ inputTokens: 9, outputTokens: 7, totalTokens: 16 });
  });

  it('zhipu: reads the usage GLM sends on its last chunk unasked', async () => {
    serve('https://open.bigmodel.cn/api/paas/v4/chat/completions', sse('zhipu-stream'));
    const result = streamText({ model: createZhipu({ apiKey: 'glm-key.0123456789' })('glm-4-flash'), prompt: '你好' });
    expect(await result.text).toBe('你好！我是智谱清言。');
    expect(await result.usage).toEqual({ inputTokens: 6, outputTokens: 8, totalTokens: 14 });
    expect(await result.finishReason).toBe('stop');
  });
});
