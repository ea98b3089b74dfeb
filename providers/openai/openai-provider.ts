import { createUrlJoiner, loadApiKey, loadOptionalSetting, validateMaxResponseBytes, withoutTrailingSlash, type FetchFunction } from '../../src/http/index.js';
import type { ImageModel, LanguageModel, Provider, SpeechModel, TranscriptionModel } from '../../src/provider/index.js';
import { OpenAIChatLanguageModel, type OpenAIChatModelId } from './openai-chat-model.js';
import type { OpenAIConfig } from './openai-config.js';
import { OpenAIImageModel, type OpenAIImageModelId } from './openai-image-model.js';
import { OpenAISpeechModel, type OpenAISpeechModelId } from './openai-speech-model.js';
import { OpenAITranscriptionModel, type OpenAITranscriptionModelId } from './openai-transcription-model.js';

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
  /**
   * Cap on a response body in bytes, and on one event of a stream; past it
   * the call fails with a typed error instead of buffering without end.
   * Default 64 MiB (`DEFAULT_MAX_RESPONSE_BYTES`).
   */
  maxResponseBytes?: number;
}

/** An OpenAI provider instance: callable for a chat model, with one method per modality. */
export interface OpenAIProvider extends Provider {
  /** A Chat Completions model. */
  (modelId: OpenAIChatModelId): LanguageModel;
  /** A Chat Completions model. */
  languageModel(modelId: OpenAIChatModelId): LanguageModel;
  /** A Chat Completions model (the same as calling the provider). */
  chat(modelId: OpenAIChatModelId): LanguageModel;
  /** An image model (`gpt-image-1`, `dall-e-3`, `dall-e-2`). */
  image(modelId: OpenAIImageModelId): ImageModel;
  /** An image model (the same as `image`). */
  imageModel(modelId: OpenAIImageModelId): ImageModel;
  /** A text-to-speech model (`tts-1`, `tts-1-hd`, `gpt-4o-mini-tts`). */
  speech(modelId: OpenAISpeechModelId): SpeechModel;
  /** A text-to-speech model (the same as `speech`). */
  speechModel(modelId: OpenAISpeechModelId): SpeechModel;
  /** A speech-to-text model (`whisper-1`, `gpt-4o-transcribe`). */
  transcription(modelId: OpenAITranscriptionModelId): TranscriptionModel;
  /** A speech-to-text model (the same as `transcription`). */
  transcriptionModel(modelId: OpenAITranscriptionModelId): TranscriptionModel;
}

/**
 * Creates an OpenAI provider (ChatGPT's models).
 *
 * @example
 * const openai = createOpenAI({ apiKey: process.env.MY_KEY });
 * const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt: 'Hi' });
 */
export function createOpenAI(settings: OpenAIProviderSettings = {}): OpenAIProvider {
  const maxResponseBytes = validateMaxResponseBytes(settings.maxResponseBytes);
  const baseURL = () => withoutTrailingSlash(loadOptionalSetting(settings.baseURL, 'OPENAI_BASE_URL') ?? 'https://api.openai.com/v1');
  const config = (modality: string, join = createUrlJoiner()): OpenAIConfig => ({
    provider: `openai.${modality}`,
    url: ({ path }) => join(baseURL(), path),
    headers: () => {
      // Only the headers that are set: a record with undefined values is copied again before sending.
      const headers: Record<string, string | undefined> = {
        authorization: `Bearer ${loadApiKey({ value: settings.apiKey, environmentVariable: 'OPENAI_API_KEY', setting: 'apiKey', provider: 'OpenAI' })}`,
      };
      if (settings.organization !== undefined) headers['openai-organization'] = settings.organization;
      if (settings.project !== undefined) headers['openai-project'] = settings.project;
      return settings.headers === undefined ? headers : Object.assign(headers, settings.headers);
    },
    fetch: settings.fetch,
    maxResponseBytes,
  });
  const chatConfig = config('chat');
  const chat = (modelId: OpenAIChatModelId) => new OpenAIChatLanguageModel(modelId, chatConfig);
  const imageConfig = config('image');
  const speechConfig = config('speech');
  const transcriptionConfig = config('transcription');
  const image = (modelId: OpenAIImageModelId) => new OpenAIImageModel(modelId, imageConfig);
  const speech = (modelId: OpenAISpeechModelId) => new OpenAISpeechModel(modelId, speechConfig);
  const transcription = (modelId: OpenAITranscriptionModelId) => new OpenAITranscriptionModel(modelId, transcriptionConfig);
  return Object.assign((modelId: OpenAIChatModelId) => chat(modelId), {
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

/**
 * The default OpenAI provider: `OPENAI_API_KEY` and `OPENAI_BASE_URL` from the environment, read at call time.
 *
 * @example
 * ```ts
 * // OPENAI_API_KEY (and optionally OPENAI_BASE_URL) from the environment
 * const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt: '什么是AIGC？' });
 * const { image } = await generateImage({ model: openai.image('gpt-image-1'), prompt: 'an apple' });
 * ```
 */
export const openai: OpenAIProvider = /* @__PURE__ */ createOpenAI();
