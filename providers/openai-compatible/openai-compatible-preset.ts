import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { loadApiKey, validateMaxResponseBytes, withoutTrailingSlash, type FetchFunction } from '../../src/http/index.js';
import type { OpenAICompatibleIgnoredSetting } from './openai-compatible-chat-model.js';
import {
  buildOpenAICompatibleProvider,
  type OpenAICompatibleCapabilities,
  type OpenAICompatibleModalities,
  type OpenAICompatibleProvider,
} from './openai-compatible-provider.js';

/** Settings every preset (`createDeepSeek`, `createQwen`, …) accepts. */
export interface OpenAICompatiblePresetSettings {
  /** API key; defaults to the preset's environment variable, read at call time. */
  apiKey?: string;
  /** Another base URL (a regional endpoint, a proxy); defaults to the preset's. */
  baseURL?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** A custom fetch (proxies, tests); defaults to `globalThis.fetch` at call time. */
  fetch?: FetchFunction;
  /** Cap on a response body in bytes, and on one event of a stream (default 64 MiB). */
  maxResponseBytes?: number;
}

/** What a preset knows about its service. */
export interface OpenAICompatiblePreset extends OpenAICompatibleCapabilities {
  /** Provider name (`deepseek`). */
  name: string;
  /** Display name for errors (`DeepSeek`). */
  displayName: string;
  /** The documented base URL. */
  baseURL: string;
  /** Environment variable holding the key; undefined when the server needs none (Ollama). */
  apiKeyEnvironmentVariable?: string;
  /** Settings the service accepts but ignores for a model. */
  ignoredSettings?: (modelId: string) => readonly OpenAICompatibleIgnoredSetting[];
  /** Whether a chat model takes images (default true). */
  imageInput?: (modelId: string) => boolean;
  /** Media endpoints the service offers. */
  modalities: Required<OpenAICompatibleModalities>;
}

/** Creates a provider from a preset and the user's settings; the key is required only when the preset names an env var. */
export function createOpenAICompatiblePreset<MODEL_ID extends string = string>(
  preset: OpenAICompatiblePreset,
  settings: OpenAICompatiblePresetSettings = {},
): OpenAICompatibleProvider<MODEL_ID> {
  if (settings.baseURL !== undefined && !/^https?:\/\//i.test(settings.baseURL)) {
    throw new InvalidArgumentError({ argument: 'baseURL', message: 'must be an http(s) URL', value: settings.baseURL });
  }
  const maxResponseBytes = validateMaxResponseBytes(settings.maxResponseBytes);
  const baseURL = withoutTrailingSlash(settings.baseURL ?? preset.baseURL);
  const environmentVariable = preset.apiKeyEnvironmentVariable;
  const apiKey = (): string | undefined =>
    environmentVariable
      ? loadApiKey({ value: settings.apiKey, environmentVariable, setting: 'apiKey', provider: preset.displayName })
      : settings.apiKey || undefined;
  return buildOpenAICompatibleProvider<MODEL_ID>(Object.assign({}, preset, {
    baseURL: () => baseURL,
    headers: () => {
      const key = apiKey();
      const headers: Record<string, string | undefined> = key ? { authorization: `Bearer ${key}` } : {};
      return settings.headers === undefined ? headers : Object.assign(headers, settings.headers);
    },
    fetch: settings.fetch,
    maxResponseBytes,
  }));
}
