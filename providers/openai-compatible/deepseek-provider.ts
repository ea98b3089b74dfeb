import type { OpenAICompatibleProvider } from './openai-compatible-provider.js';
import { createOpenAICompatiblePreset, type OpenAICompatiblePreset, type OpenAICompatiblePresetSettings } from './openai-compatible-preset.js';

/** DeepSeek chat model ids; any string is accepted. */
export type DeepSeekChatModelId = 'deepseek-v4-flash' | 'deepseek-v4-pro' | 'deepseek-chat' | 'deepseek-reasoner' | (string & {});

/** DeepSeek (api-docs.deepseek.com): text only, JSON mode but no JSON Schema, `max_tokens`, reasoning as `reasoning_content`. */
export const DEEPSEEK_PRESET: OpenAICompatiblePreset = {
  name: 'deepseek',
  displayName: 'DeepSeek',
  baseURL: 'https://api.deepseek.com',
  apiKeyEnvironmentVariable: 'DEEPSEEK_API_KEY',
  maxTokensField: 'max_tokens',
  structuredOutputs: false,
  streamUsage: true,
  modalities: { image: false, speech: false, transcription: false },
  // DeepSeek's chat API is text-only; image parts would be a 400 from the server.
  imageInput: () => false,
  // api-docs.deepseek.com, reasoning model guide: these are accepted without error but have no effect.
  ignoredSettings: (modelId) => (modelId === 'deepseek-reasoner' ? ['temperature', 'topP', 'presencePenalty', 'frequencyPenalty'] : []),
};

/**
 * Creates a DeepSeek provider. `deepseek-reasoner` streams its chain of
 * thought as `reasoning-delta` parts (`reasoningText` in `generateText`).
 *
 * @example
 * const deepseek = createDeepSeek({ apiKey: process.env.MY_DEEPSEEK_KEY });
 * const { text, reasoningText } = await generateText({ model: deepseek('deepseek-reasoner'), prompt: '9.11 和 9.8 哪个大？' });
 */
export function createDeepSeek(settings: OpenAICompatiblePresetSettings = {}): OpenAICompatibleProvider<DeepSeekChatModelId> {
  return createOpenAICompatiblePreset(DEEPSEEK_PRESET, settings);
}

/**
 * The default DeepSeek provider: `DEEPSEEK_API_KEY` from the environment, read at call time.
 *
 * @example
 * const { text } = await generateText({ model: deepseek('deepseek-chat'), prompt: '你好' });
 */
export const deepseek: OpenAICompatibleProvider<DeepSeekChatModelId> = /* @__PURE__ */ createDeepSeek();
