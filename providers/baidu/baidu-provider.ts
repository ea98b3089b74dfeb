import { createUrlJoiner, loadApiKey, loadOptionalSetting, validateMaxResponseBytes, withoutTrailingSlash, type FetchFunction } from '../../src/http/index.js';
import type { ImageModel, Provider, SpeechModel, TranscriptionModel } from '../../src/provider/index.js';
import { OpenAIChatLanguageModel } from '../openai/openai-chat-model.js';
import type { OpenAIConfig } from '../openai/openai-config.js';
import { createBaiduAccessTokenSource } from './baidu-access-token.js';
import { BaiduChatLanguageModel, type BaiduChatModelId, type BaiduChatSettings } from './baidu-chat-model.js';
import { BaiduChatV1LanguageModel } from './baidu-chat-v1-model.js';
import type { BaiduConfig } from './baidu-config.js';
import { qianfanMetadataExtractor } from './baidu-qianfan-metadata.js';
import { BaiduQianfanImageModel, type BaiduImageModelId } from './baidu-qianfan-image-model.js';
import { BaiduVilgImageModel, type BaiduVilgSettings } from './baidu-vilg-image-model.js';
import { BaiduSpeechModel, type BaiduSpeechModelId } from './baidu-speech-model.js';
import { BaiduTranscriptionModel, type BaiduTranscriptionModelId } from './baidu-transcription-model.js';

/** Settings of {@link createBaidu}. Credentials are read at call time, from here or the environment. */
export interface BaiduProviderSettings {
  /** Qianfan v2 API key (`bce-v3/ALTAK-…`, console: 千帆 → 安全认证 → API Key); defaults to `QIANFAN_API_KEY`. For chat and Qianfan images. */
  apiKey?: string;
  /** The app's "API Key" (OAuth `client_id`); defaults to `BAIDU_CLIENT_ID`. For v1 chat, ERNIE-ViLG, TTS and ASR. */
  clientId?: string;
  /** The app's "Secret Key" (OAuth `client_secret`); defaults to `BAIDU_CLIENT_SECRET`. */
  clientSecret?: string;
  /** Redirects all four Baidu hosts (Qianfan, AIP, TTS, ASR) to one origin, keeping each real path: for proxies and tests. */
  baseURL?: string;
  /** Qianfan host (v2 chat and images); default `https://qianfan.baidubce.com`. Wins over `baseURL`. */
  qianfanBaseURL?: string;
  /** AIP host (OAuth tokens, v1 chat, ERNIE-ViLG); default `https://aip.baidubce.com`. Wins over `baseURL`. */
  aipBaseURL?: string;
  /** Text-to-speech host; default `https://tsn.baidu.com`. Wins over `baseURL`. */
  ttsBaseURL?: string;
  /** Speech recognition host; default `https://vop.baidu.com`. Wins over `baseURL`. */
  asrBaseURL?: string;
  /** Qianfan v2 app id, sent as the `appid` header for usage attribution. */
  appId?: string;
  /** The client id speech requests carry (`cuid`); default `aigc`. */
  cuid?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** A custom fetch (proxies, tests); defaults to `globalThis.fetch` at call time. */
  fetch?: FetchFunction;
  /** Cap on a chat or image JSON response body in bytes, and on one event of a chat stream (default 64 MiB). */
  maxResponseBytes?: number;
}

/** A Baidu provider instance: callable for an ERNIE chat model, with one method per modality. */
export interface BaiduProvider extends Provider {
  /** An ERNIE chat model (v2 with an API key, else v1; `{ api }` forces one). */
  (modelId: BaiduChatModelId, settings?: BaiduChatSettings): BaiduChatLanguageModel;
  /** An ERNIE chat model. */
  languageModel(modelId: BaiduChatModelId, settings?: BaiduChatSettings): BaiduChatLanguageModel;
  /** An ERNIE chat model (the same as calling the provider). */
  chat(modelId: BaiduChatModelId, settings?: BaiduChatSettings): BaiduChatLanguageModel;
  /** An image model: `ernie-vilg-v2` (文心一格, a polled job) or a Qianfan model (`irag-1.0`, `flux.1-schnell`). */
  image(modelId: BaiduImageModelId, settings?: BaiduVilgSettings): ImageModel;
  /** An image model. */
  imageModel(modelId: BaiduImageModelId, settings?: BaiduVilgSettings): ImageModel;
  /** Speech synthesis (短文本在线合成): `baidu.speech('tts')`. */
  speech(modelId?: BaiduSpeechModelId): SpeechModel;
  /** Speech synthesis. */
  speechModel(modelId: BaiduSpeechModelId): SpeechModel;
  /** Short speech recognition (短语音识别) by language: `baidu.transcription('mandarin')`. */
  transcription(modelId: BaiduTranscriptionModelId): TranscriptionModel;
  /** Short speech recognition. */
  transcriptionModel(modelId: BaiduTranscriptionModelId): TranscriptionModel;
}

const HOSTS = {
  qianfan: 'https://qianfan.baidubce.com',
  aip: 'https://aip.baidubce.com',
  tts: 'https://tsn.baidu.com',
  asr: 'https://vop.baidu.com',
} as const;

/**
 * Creates a Baidu provider: 文心一言 ERNIE chat, 文心一格 ERNIE-ViLG and
 * Qianfan images, speech synthesis and recognition. One access token cache
 * is shared by every model of the instance.
 *
 * @example
 * const baidu = createBaidu({ apiKey: process.env.QIANFAN_API_KEY });
 * const { text } = await generateText({ model: baidu('ernie-4.5-turbo-128k'), prompt: '你好' });
 */
export function createBaidu(settings: BaiduProviderSettings = {}): BaiduProvider {
  const maxResponseBytes = validateMaxResponseBytes(settings.maxResponseBytes);
  const host = (name: keyof typeof HOSTS, own: string | undefined) => () => withoutTrailingSlash(own || settings.baseURL || HOSTS[name]);
  const baseURLs = {
    qianfan: host('qianfan', settings.qianfanBaseURL),
    aip: host('aip', settings.aipBaseURL),
    tts: host('tts', settings.ttsBaseURL),
    asr: host('asr', settings.asrBaseURL),
  };
  const headers = () => ({ ...settings.headers });
  const apiKey = () => loadApiKey({ value: settings.apiKey, environmentVariable: 'QIANFAN_API_KEY', setting: 'apiKey', provider: 'Baidu', description: 'The Baidu Qianfan API key' });
  const credentials = () => ({
    clientId: loadApiKey({ value: settings.clientId, environmentVariable: 'BAIDU_CLIENT_ID', setting: 'clientId', provider: 'Baidu', description: 'The Baidu client id (the app\'s "API Key")' }),
    clientSecret: loadApiKey({ value: settings.clientSecret, environmentVariable: 'BAIDU_CLIENT_SECRET', setting: 'clientSecret', provider: 'Baidu', description: 'The Baidu client secret (the app\'s "Secret Key")' }),
  });
  const hasApiKey = () => loadOptionalSetting(settings.apiKey, 'QIANFAN_API_KEY') !== undefined;
  const hasClientCredentials = () =>
    loadOptionalSetting(settings.clientId, 'BAIDU_CLIENT_ID') !== undefined && loadOptionalSetting(settings.clientSecret, 'BAIDU_CLIENT_SECRET') !== undefined;
  const config: BaiduConfig = {
    baseURLs,
    fetch: settings.fetch,
    headers,
    apiKey,
    hasApiKey,
    hasClientCredentials,
    accessToken: createBaiduAccessTokenSource({ credentials, baseURL: baseURLs.aip, fetch: settings.fetch, headers }),
    cuid: settings.cuid ?? 'aigc',
    maxResponseBytes,
  };
  const joinChatUrl = createUrlJoiner((base, path) => `${base}/v2${path}`);
  const chatConfig: OpenAIConfig = {
    provider: 'baidu.chat',
    url: ({ path }) => joinChatUrl(baseURLs.qianfan(), path),
    headers: () => ({ authorization: `Bearer ${apiKey()}`, appid: settings.appId, ...settings.headers }),
    fetch: settings.fetch,
    maxResponseBytes,
    extractMetadata: qianfanMetadataExtractor,
  };

  const chat = (modelId: BaiduChatModelId, chatSettings: BaiduChatSettings = {}) =>
    new BaiduChatLanguageModel(
      modelId,
      {
        v1: new BaiduChatV1LanguageModel(modelId, config, { endpoint: chatSettings.endpoint }),
        v2: new OpenAIChatLanguageModel(modelId, chatConfig),
        resolve: () => chatSettings.api ?? (hasApiKey() ? 'v2' : hasClientCredentials() ? 'v1' : undefined),
      },
      chatSettings,
    );
  const image = (modelId: BaiduImageModelId, imageSettings?: BaiduVilgSettings): ImageModel =>
    modelId.startsWith('ernie-vilg') ? new BaiduVilgImageModel(modelId, config, imageSettings) : new BaiduQianfanImageModel(modelId, config);
  const speech = (modelId: BaiduSpeechModelId = 'tts') => new BaiduSpeechModel(modelId, config);
  const transcription = (modelId: BaiduTranscriptionModelId) => new BaiduTranscriptionModel(modelId, config);
  return Object.assign((modelId: BaiduChatModelId, chatSettings?: BaiduChatSettings) => chat(modelId, chatSettings), {
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
 * The default Baidu provider: credentials from `QIANFAN_API_KEY`, `BAIDU_CLIENT_ID` and `BAIDU_CLIENT_SECRET`, read at call time.
 *
 * @example
 * ```ts
 * // QIANFAN_API_KEY (chat, Qianfan images) and/or BAIDU_CLIENT_ID + BAIDU_CLIENT_SECRET (v1, ERNIE-ViLG, TTS, ASR)
 * const { text } = await generateText({ model: baidu('ernie-4.5-turbo-128k'), prompt: '什么是AIGC？' });
 * const { audio } = await speak({ model: baidu.speech('tts'), text: '你好' });
 * ```
 */
export const baidu: BaiduProvider = /* @__PURE__ */ createBaidu();
