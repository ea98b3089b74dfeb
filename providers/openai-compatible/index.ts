/**
 * Any server that speaks OpenAI's Chat Completions wire format, plus presets
 * for DeepSeek, Qwen (DashScope), Moonshot (Kimi), Zhipu GLM and Ollama.
 * @module
 */
export {
  createOpenAICompatible,
  type OpenAICompatibleCapabilities,
  type OpenAICompatibleModalities,
  type OpenAICompatibleProvider,
  type OpenAICompatibleProviderSettings,
} from './openai-compatible-provider.js';
export type { OpenAICompatiblePresetSettings } from './openai-compatible-preset.js';
export { createDeepSeek, deepseek, type DeepSeekChatModelId } from './deepseek-provider.js';
export { createQwen, qwen, type QwenChatModelId } from './qwen-provider.js';
export { createMoonshot, moonshot, type MoonshotChatModelId } from './moonshot-provider.js';
export { createZhipu, zhipu, type ZhipuChatModelId } from './zhipu-provider.js';
export { createOllama, ollama } from './ollama-provider.js';
