import { loadApiKey, loadOptionalSetting, withoutTrailingSlash, type FetchFunction } from '../../src/http/index.js';
import type { LanguageModel, Provider } from '../../src/provider/index.js';
import { OpenAIChatLanguageModel, type OpenAIChatModelId } from './openai-chat-model.js';
import type { OpenAIConfig } from './openai-config.js';

/** Settings of {@link createOpenAI}. */
export interface OpenAIProviderSettings {
  /** API key; defaults to the `OPENAI_API_KEY` environment variable, read at call time. */
  apiKey?: string;
  /** Base URL including `/v1`; defaults to `OPENAI_BASE_URL`, then `https://api.openai.com/v1`. */
  baseURL?: string;
  /** Sent as `OpenAI-Organization`. */
  organization?: string;
  /** Sent as `OpenAI-Project`. */
  project?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** A custom fetch (proxies, tests); defaults to `globalThis.fetch` at call time. */
  fetch?: FetchFunction;
}

/** An OpenAI provider instance: callable for a chat model, with one method per modality. */
export interface OpenAIProvider extends Provider {
  /** A Chat Completions model. */
  (modelId: OpenAIChatModelId): LanguageModel;
  /** A Chat Completions model. */
  languageModel(modelId: OpenAIChatModelId): LanguageModel;
  /** A Chat Completions model (the same as calling the provider). */
  chat(modelId: OpenAIChatModelId): LanguageModel;
}

/**
 * Creates an OpenAI provider (ChatGPT's models).
 *
 * @example
 * const openai = createOpenAI({ apiKey: process.env.MY_KEY });
 * const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt: 'Hi' });
 */
export function createOpenAI(settings: OpenAIProviderSettings = {}): OpenAIProvider {
  const baseURL = () => withoutTrailingSlash(loadOptionalSetting(settings.baseURL, 'OPENAI_BASE_URL') ?? 'https://api.openai.com/v1');
  const config = (modality: string): OpenAIConfig => ({
    provider: `openai.${modality}`,
    url: ({ path }) => `${baseURL()}${path}`,
    headers: () => ({
      authorization: `Bearer ${loadApiKey({ value: settings.apiKey, environmentVariable: 'OPENAI_API_KEY', setting: 'apiKey', provider: 'OpenAI' })}`,
      'openai-organization': settings.organization,
      'openai-project': settings.project,
      ...settings.headers,
    }),
    fetch: settings.fetch,
  });
  const chatConfig = config('chat');
  const chat = (modelId: OpenAIChatModelId) => new OpenAIChatLanguageModel(modelId, chatConfig);
  return Object.assign((modelId: OpenAIChatModelId) => chat(modelId), { languageModel: chat, chat });
}

/** The default OpenAI provider: `OPENAI_API_KEY` and `OPENAI_BASE_URL` from the environment, read at call time. */
export const openai: OpenAIProvider = /* @__PURE__ */ createOpenAI();
