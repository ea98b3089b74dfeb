import { createOpenAICompatible } from '../../../providers/openai-compatible/index.js';
import type { FaultAdapter } from '../support/adapter.js';
import { openAIChatWire } from './openai.js';

/** Any OpenAI-compatible server (DeepSeek, Qwen, vLLM, Ollama, …). */
const adapter: FaultAdapter = {
  name: 'compatible',
  languageModel: ({ baseURL, secret, fetch }) => createOpenAICompatible({ name: 'vllm', baseURL: `${baseURL}/v1`, apiKey: secret, fetch })('qwen3-8b'),
  text: openAIChatWire,
};

export default adapter;
