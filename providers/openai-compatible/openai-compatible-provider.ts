import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { createUrlJoiner, isRecord, validateMaxResponseBytes, withoutTrailingSlash, type FetchFunction } from '../../src/http/index.js';
import { UnsupportedFunctionalityError } from '../../src/errors/unsupported-functionality-error.js';
import type { ImageModel, LanguageModel, Provider, SpeechModel, TranscriptionModel } from '../../src/provider/index.js';
import { OpenAIChatLanguageModel } from '../openai/openai-chat-model.js';
import type { OpenAIConfig } from '../openai/openai-config.js';
import { OpenAIImageModel } from '../openai/openai-image-model.js';
import { OpenAISpeechModel } from '../openai/openai-speech-model.js';
import { OpenAITranscriptionModel } from '../openai/openai-transcription-model.js';
import { OpenAICompatibleChatLanguageModel, type OpenAICompatibleIgnoredSetting } from './openai-compatible-chat-model.js';

/** What a server supports beyond the Chat Completions basics. */
export interface OpenAICompatibleCapabilities {
  /** Where the token limit goes; most compatible servers know only `max_tokens` (the default). */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
  /** Whether `response_format: json_schema` works; otherwise JSON mode plus the schema in the prompt (default false). */
  structuredOutputs?: boolean;
  /** Whether to ask for a usage chunk with `stream_options.include_usage` (default true). */
  streamUsage?: boolean;
}

/** Settings of {@link createOpenAICompatible}. */
export interface OpenAICompatibleProviderSettings extends OpenAICompatibleCapabilities {
  /** The provider's name: its `providerOptions` key and the prefix of `provider` in errors (`deepseek` → `deepseek.chat`). */
  name: string;
  /** The URL the API paths are appended to, usually ending in `/v1` (`http://localhost:8000/v1`). */
  baseURL: string;
  /** Sent as `Authorization: Bearer …` when given; local servers usually need none. */
  apiKey?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Query parameters on every request (some gateways take their key or version there). */
  queryParams?: Record<string, string>;
  /** A custom fetch (proxies, tests); defaults to `globalThis.fetch` at call time. */
  fetch?: FetchFunction;
  /** Cap on a response body in bytes, and on one event of a stream (default 64 MiB). */
  maxResponseBytes?: number;
}

/** A provider instance for an OpenAI-compatible server; `MODEL_ID` lists known ids for autocompletion. */
export interface OpenAICompatibleProvider<MODEL_ID extends string = string> extends Provider {
  /** A Chat Completions model. */
  (modelId: MODEL_ID): LanguageModel;
  /** A Chat Completions model. */
  languageModel(modelId: MODEL_ID): LanguageModel;
  /** A Chat Completions model (the same as calling the provider). */
  chat(modelId: MODEL_ID): LanguageModel;
  /** An image model (`POST /images/generations`); throws `UnsupportedFunctionalityError` where the service has none. */
  image(modelId: string): ImageModel;
  /** An image model (the same as `image`). */
  imageModel(modelId: string): ImageModel;
  /** A text-to-speech model (`POST /audio/speech`); throws `UnsupportedFunctionalityError` where the service has none. */
  speech(modelId: string): SpeechModel;
  /** A text-to-speech model (the same as `speech`). */
  speechModel(modelId: string): SpeechModel;
  /** A speech-to-text model (`POST /audio/transcriptions`); throws `UnsupportedFunctionalityError` where the service has none. */
  transcription(modelId: string): TranscriptionModel;
  /** A speech-to-text model (the same as `transcription`). */
  transcriptionModel(modelId: string): TranscriptionModel;
}

/** The OpenAI endpoints beyond chat a server offers; all of them unless a preset says otherwise. */
export interface OpenAICompatibleModalities {
  /** `/images/generations` (and `/images/edits`). */
  image?: boolean;
  /** `/audio/speech`. */
  speech?: boolean;
  /** `/audio/transcriptions`. */
  transcription?: boolean;
}

/** How {@link buildOpenAICompatibleProvider} reaches a server; presets read their key and URL lazily. */
export interface OpenAICompatibleConnection extends OpenAICompatibleCapabilities {
  /** The provider's name. */
  name: string;
  /** The base URL, read per request. */
  baseURL: () => string;
  /** Headers with credentials, read per request. */
  headers: () => Record<string, string | undefined>;
  /** Query parameters on every request. */
  queryParams?: Record<string, string>;
  /** A custom fetch. */
  fetch?: FetchFunction;
  /** Cap on a response body in bytes, already validated. */
  maxResponseBytes?: number;
  /** Settings the server accepts but ignores for a model; they are left out and reported as warnings. */
  ignoredSettings?: (modelId: string) => readonly OpenAICompatibleIgnoredSetting[];
  /** Media endpoints the server offers (default: all). */
  modalities?: OpenAICompatibleModalities;
  /** Whether a chat model takes images (default true); false makes core reject image parts before any request. */
  imageInput?: (modelId: string) => boolean;
  /** Display name for errors (`DeepSeek`); defaults to `name`. */
  displayName?: string;
}

/**
 * Creates a provider for any server that speaks OpenAI's Chat Completions
 * wire format: vLLM, LM Studio, llama.cpp, LiteLLM, One API and the cloud
 * services with presets in this module.
 *
 * @example
 * const vllm = createOpenAICompatible({ name: 'vllm', baseURL: 'http://localhost:8000/v1', structuredOutputs: true });
 * const { text } = await generateText({ model: vllm('Qwen/Qwen3-8B'), prompt: 'Hi' });
 */
export function createOpenAICompatible(settings: OpenAICompatibleProviderSettings): OpenAICompatibleProvider {
  if (!isRecord(settings)) throw new InvalidArgumentError({ argument: 'settings', message: 'must be an object with `name` and `baseURL`' });
  validateName(settings.name);
  validateBaseURL(settings.baseURL);
  validateQueryParams(settings.queryParams);
  const maxResponseBytes = validateMaxResponseBytes(settings.maxResponseBytes);
  const baseURL = withoutTrailingSlash(settings.baseURL);
  return buildOpenAICompatibleProvider(Object.assign({}, settings, {
    maxResponseBytes,
    baseURL: () => baseURL,
    headers: () => {
      const headers: Record<string, string | undefined> = settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {};
      return settings.headers === undefined ? headers : Object.assign(headers, settings.headers);
    },
  }));
}

/** Builds the provider from a connection; shared by {@link createOpenAICompatible} and the presets. */
export function buildOpenAICompatibleProvider<MODEL_ID extends string = string>(connection: OpenAICompatibleConnection): OpenAICompatibleProvider<MODEL_ID> {
  const query = connection.queryParams && Object.keys(connection.queryParams).length > 0 ? `?${new URLSearchParams(connection.queryParams)}` : '';
  const config = (modality: string, join = createUrlJoiner((base, path) => `${base}${path}${query}`)): OpenAIConfig => ({
    provider: `${connection.name}.${modality}`,
    url: ({ path }) => join(connection.baseURL(), path),
    headers: connection.headers,
    fetch: connection.fetch,
    maxResponseBytes: connection.maxResponseBytes,
    maxTokensField: connection.maxTokensField ?? 'max_tokens',
    structuredOutputs: connection.structuredOutputs ?? false,
    streamUsage: connection.streamUsage ?? true,
  });
  const chatConfig = config('chat');
  const chat = (modelId: MODEL_ID) => {
    const ignoredSettings = connection.ignoredSettings?.(modelId) ?? [];
    const imageInput = connection.imageInput?.(modelId) ?? true;
    return ignoredSettings.length > 0 || !imageInput
      ? new OpenAICompatibleChatLanguageModel(modelId, chatConfig, { ignoredSettings, imageInput })
      : new OpenAIChatLanguageModel(modelId, chatConfig);
  };
  const media = <MODEL>(modality: keyof OpenAICompatibleModalities, path: string, create: (modelId: string, config: OpenAIConfig) => MODEL) => {
    const mediaConfig = config(modality);
    return (modelId: string): MODEL => {
      if (connection.modalities?.[modality] === false) {
        throw new UnsupportedFunctionalityError({
          functionality: `${modality} models`,
          provider: connection.name,
          message: `${connection.displayName ?? connection.name} offers no OpenAI-compatible ${path} endpoint; use createOpenAICompatible for a server that does.`,
        });
      }
      return create(modelId, mediaConfig);
    };
  };
  const image = media('image', '/images/generations', (modelId, mediaConfig) => new OpenAIImageModel(modelId, mediaConfig));
  const speech = media('speech', '/audio/speech', (modelId, mediaConfig) => new OpenAISpeechModel(modelId, mediaConfig));
  const transcription = media('transcription', '/audio/transcriptions', (modelId, mediaConfig) => new OpenAITranscriptionModel(modelId, mediaConfig));
  return Object.assign((modelId: MODEL_ID) => chat(modelId), {
    languageModel: chat,
    chat,
    image,
    imageModel: image,
    speech,
    speechModel: speech,
    transcription,
    transcriptionModel: transcription,
  });
}

function validateName(name: unknown): void {
  // The name becomes the providerOptions key and the part of `provider` before the dot.
  if (typeof name !== 'string' || !/^[a-z0-9][a-z0-9_-]*$/i.test(name)) {
    throw new InvalidArgumentError({ argument: 'name', message: 'must be a non-empty identifier (letters, digits, `-`, `_`), e.g. `vllm`', value: name });
  }
}

function validateBaseURL(baseURL: unknown): void {
  if (typeof baseURL === 'string' && /^https?:\/\//i.test(baseURL)) {
    try {
      new URL(baseURL);
      return;
    } catch {
      // Reported below with the setting's name.
    }
  }
  throw new InvalidArgumentError({ argument: 'baseURL', message: 'must be an http(s) URL such as `http://localhost:8000/v1`', value: baseURL });
}

function validateQueryParams(queryParams: unknown): void {
  if (queryParams === undefined) return;
  if (isRecord(queryParams) && Object.values(queryParams).every((value) => typeof value === 'string')) return;
  throw new InvalidArgumentError({ argument: 'queryParams', message: 'must be an object of string values' });
}
