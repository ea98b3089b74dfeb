import type { OpenAICompatibleProvider } from './openai-compatible-provider.js';
import { createOpenAICompatiblePreset, type OpenAICompatiblePreset, type OpenAICompatiblePresetSettings } from './openai-compatible-preset.js';

/** Qwen (通义千问) model ids on DashScope; any string is accepted. */
export type QwenChatModelId = 'qwen-max' | 'qwen-plus' | 'qwen-turbo' | 'qwen-long' | 'qwen-vl-max' | 'qwq-plus' | (string & {});

/**
 * Qwen through Alibaba Cloud Model Studio's (DashScope, 百炼) OpenAI-compatible
 * mode. The default is the Beijing endpoint; international accounts use
 * `https://dashscope-intl.aliyuncs.com/compatible-mode/v1`.
 */
export const QWEN_PRESET: OpenAICompatiblePreset = {
  name: 'qwen',
  displayName: 'Qwen (DashScope)',
  baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
  apiKeyEnvironmentVariable: 'DASHSCOPE_API_KEY',
  maxTokensField: 'max_tokens',
  structuredOutputs: false,
  streamUsage: true,
  modalities: { image: false, speech: false, transcription: false },
};

/**
 * Creates a Qwen provider. Thinking models (`qwq-plus`, Qwen3 with thinking on)
 * stream `reasoning_content` as `reasoning-delta` parts.
 *
 * @example
 * const qwen = createQwen({ baseURL: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1' });
 * const { text } = await generateText({ model: qwen('qwen-plus'), prompt: '你好' });
 */
export function createQwen(settings: OpenAICompatiblePresetSettings = {}): OpenAICompatibleProvider<QwenChatModelId> {
  return createOpenAICompatiblePreset(QWEN_PRESET, settings);
}

/**
 * The default Qwen provider: `DASHSCOPE_API_KEY` from the environment, read at call time.
 *
 * @example
 * const { text } = await generateText({ model: qwen('qwen-plus'), prompt: '你好' });
 */
export const qwen: OpenAICompatibleProvider<QwenChatModelId> = /* @__PURE__ */ createQwen();
