import type { OpenAICompatibleProvider } from './openai-compatible-provider.js';
import { createOpenAICompatiblePreset, type OpenAICompatiblePreset, type OpenAICompatiblePresetSettings } from './openai-compatible-preset.js';

/** Moonshot (Kimi) model ids; any string is accepted. */
export type MoonshotChatModelId = 'kimi-k2.5' | 'kimi-k2-thinking' | 'kimi-k2-turbo-preview' | 'moonshot-v1-8k' | 'moonshot-v1-32k' | 'moonshot-v1-128k' | (string & {});

/**
 * Moonshot AI's Kimi API. The default is the China platform
 * (`api.moonshot.cn`); keys from the international platform work only with
 * `https://api.moonshot.ai/v1`. Usage arrives inside the last stream choice,
 * so no `stream_options` is sent.
 */
export const MOONSHOT_PRESET: OpenAICompatiblePreset = {
  name: 'moonshot',
  displayName: 'Moonshot',
  baseURL: 'https://api.moonshot.cn/v1',
  apiKeyEnvironmentVariable: 'MOONSHOT_API_KEY',
  maxTokensField: 'max_tokens',
  structuredOutputs: false,
  streamUsage: false,
  modalities: { image: false, speech: false, transcription: false },
};

/**
 * Creates a Moonshot (Kimi) provider.
 *
 * @example
 * const moonshot = createMoonshot({ baseURL: 'https://api.moonshot.ai/v1' });
 * const { text } = await generateText({ model: moonshot('kimi-k2.5'), prompt: '你好' });
 */
export function createMoonshot(settings: OpenAICompatiblePresetSettings = {}): OpenAICompatibleProvider<MoonshotChatModelId> {
  return createOpenAICompatiblePreset(MOONSHOT_PRESET, settings);
}

/**
 * The default Moonshot provider: `MOONSHOT_API_KEY` from the environment, read at call time.
 *
 * @example
 * const { text } = await generateText({ model: moonshot('kimi-k2.5'), prompt: '你好' });
 */
export const moonshot: OpenAICompatibleProvider<MoonshotChatModelId> = /* @__PURE__ */ createMoonshot();
