import type { OpenAICompatibleProvider } from './openai-compatible-provider.js';
import { createOpenAICompatiblePreset, type OpenAICompatiblePreset, type OpenAICompatiblePresetSettings } from './openai-compatible-preset.js';

/** Zhipu GLM (智谱) model ids; any string is accepted. */
export type ZhipuChatModelId = 'glm-4.6' | 'glm-4.5' | 'glm-4.5-air' | 'glm-4-plus' | 'glm-4-flash' | 'glm-4v-plus' | (string & {});

/**
 * Zhipu AI's BigModel open platform (GLM). The default is the China host;
 * Z.ai's international platform is `https://api.z.ai/api/paas/v4`. GLM takes
 * `max_tokens` and JSON mode only, and sends usage in its last chunk unasked.
 * Its CogView image models (`cogview-4`) answer on `/images/generations`.
 */
export const ZHIPU_PRESET: OpenAICompatiblePreset = {
  name: 'zhipu',
  displayName: 'Zhipu GLM',
  baseURL: 'https://open.bigmodel.cn/api/paas/v4',
  apiKeyEnvironmentVariable: 'ZHIPUAI_API_KEY',
  maxTokensField: 'max_tokens',
  structuredOutputs: false,
  streamUsage: false,
  modalities: { image: true, speech: false, transcription: false },
};

/**
 * Creates a Zhipu GLM provider.
 *
 * @example
 * const zhipu = createZhipu({ apiKey: process.env.MY_GLM_KEY });
 * const { text } = await generateText({ model: zhipu('glm-4-flash'), prompt: '你好' });
 */
export function createZhipu(settings: OpenAICompatiblePresetSettings = {}): OpenAICompatibleProvider<ZhipuChatModelId> {
  return createOpenAICompatiblePreset(ZHIPU_PRESET, settings);
}

/**
 * The default Zhipu provider: `ZHIPUAI_API_KEY` from the environment, read at call time.
 *
 * @example
 * const { text } = await generateText({ model: zhipu('glm-4-flash'), prompt: '你好' });
 */
export const zhipu: OpenAICompatibleProvider<ZhipuChatModelId> = /* @__PURE__ */ createZhipu();
