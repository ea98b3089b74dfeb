import { createOpenAICompatible } from '../../../providers/openai-compatible/index.js';
import type { FaultAdapter } from '../support/adapter.js';
import { openAIChatWire } from './openai.js';

/** Any OpenAI-compatible server (DeepSeek, Qwen, vLLM, Ollama, …). */
const adapter: FaultAdapter = {
  name: 'compatible',
  languageModel: ({ baseURL, secret, fetch, maxResponseBytes }) =>
    createOpenAICompatible({ name: 'vllm', baseURL: `${baseURL}/v1`, apiKey: secret, fetch, maxResponseBytes })('qwen3-8b'),
  text: openAIChatWire,
  supportsMaxResponseBytes: true,
};

export default adapter;
