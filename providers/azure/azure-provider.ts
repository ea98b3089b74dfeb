import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { loadApiKey, validateMaxResponseBytes, withoutTrailingSlash, type FetchFunction } from '../../src/http/index.js';
import type { ImageModel, LanguageModel, Provider, SpeechModel, TranscriptionModel } from '../../src/provider/index.js';
import { OpenAIChatLanguageModel } from '../openai/openai-chat-model.js';
import type { OpenAIConfig } from '../openai/openai-config.js';
import { OpenAIImageModel } from '../openai/openai-image-model.js';
import type { OpenAIMediaModelSettings } from '../openai/openai-media-model-settings.js';
import { OpenAISpeechModel } from '../openai/openai-speech-model.js';
import { OpenAITranscriptionModel } from '../openai/openai-transcription-model.js';
import { azureApiUrl, isDeploymentApiVersion, validateAzureApiVersion } from './azure-api-url.js';
import { azureContentFilterExtractor } from './azure-content-filter.js';

/** Settings of {@link createAzure}. */
export interface AzureProviderSettings {
  /** The Azure OpenAI resource (`{resourceName}.openai.azure.com`); defaults to `AZURE_RESOURCE_NAME`, read at call time. Ignored when `baseURL` is set. */
  resourceName?: string;
  /** The `…/openai` prefix of any host (an APIM gateway, a proxy); default `https://{resourceName}.openai.azure.com/openai`. */
  baseURL?: string;
  /** Sent as `api-key`; defaults to `AZURE_OPENAI_API_KEY`, read at call time. Not used when `getToken` is set. */
  apiKey?: string;
  /**
   * Returns a Microsoft Entra ID access token (scope
   * `https://cognitiveservices.azure.com/.default`), sent as a bearer token.
   * Awaited before every request, so it may cache and refresh tokens itself.
   */
  getToken?: () => string | Promise<string>;
  /** `'v1'` (default): the v1 API, deployment name in the body. A dated version (`'2024-10-21'`): deployment URLs with `api-version`. `'preview'`: the v1 API's preview channel. */
  apiVersion?: 'v1' | 'preview' | 'latest' | (string & {});
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** A custom fetch (proxies, tests); defaults to `globalThis.fetch` at call time. */
  fetch?: FetchFunction;
  /** Cap on a response body in bytes, and on one event of a stream (default 64 MiB). */
  maxResponseBytes?: number;
}

/** An Azure OpenAI provider instance; model ids are your deployment names. */
export interface AzureProvider extends Provider {
  /** A Chat Completions model on a deployment. */
  (deploymentId: string): LanguageModel;
  /** A Chat Completions model on a deployment. */
  languageModel(deploymentId: string): LanguageModel;
  /** A Chat Completions model on a deployment (the same as calling the provider). */
  chat(deploymentId: string): LanguageModel;
  /**
   * An image model (DALL·E 3, gpt-image-1) on a deployment. The wire details
   * follow the model behind it: `{ baseModel: 'dall-e-3' }`, else the
   * deployment name (a name not starting with `dall-e` is treated as gpt-image).
   */
  image(deploymentId: string, settings?: OpenAIMediaModelSettings): ImageModel;
  /** An image model (the same as `image`). */
  imageModel(deploymentId: string, settings?: OpenAIMediaModelSettings): ImageModel;
  /** A text-to-speech model (`tts`, `tts-hd`, `gpt-4o-mini-tts`) on a deployment; `baseModel` as for `image`. */
  speech(deploymentId: string, settings?: OpenAIMediaModelSettings): SpeechModel;
  /** A text-to-speech model (the same as `speech`). */
  speechModel(deploymentId: string, settings?: OpenAIMediaModelSettings): SpeechModel;
  /** A speech-to-text model (`whisper`, `gpt-4o-transcribe`) on a deployment; whisper (by `baseModel` or name) returns timed segments. */
  transcription(deploymentId: string, settings?: OpenAIMediaModelSettings): TranscriptionModel;
  /** A speech-to-text model (the same as `transcription`). */
  transcriptionModel(deploymentId: string, settings?: OpenAIMediaModelSettings): TranscriptionModel;
}

/**
 * Creates an Azure OpenAI provider: the GPT-4-class models behind Bing Chat
 * and the DALL·E behind Bing Image Creator, as Microsoft serves them to
 * developers. Model ids are deployment names.
 *
 * @example
 * const azure = createAzure({ resourceName: 'my-resource', apiKey: process.env.AZURE_OPENAI_API_KEY });
 * const { text } = await generateText({ model: azure('gpt-4o-prod'), prompt: 'Hi' });
 *
 * // Entra ID instead of a key; the token is fetched before each request
 * const azureAd = createAzure({ resourceName: 'my-resource', getToken: () => credential.getToken(scope).then((t) => t.token) });
 */
export function createAzure(settings: AzureProviderSettings = {}): AzureProvider {
  const apiVersion = settings.apiVersion ?? 'v1';
  validateAzureApiVersion(apiVersion);
  const maxResponseBytes = validateMaxResponseBytes(settings.maxResponseBytes);
  if (settings.getToken !== undefined && typeof settings.getToken !== 'function') {
    throw new InvalidArgumentError({ argument: 'getToken', message: 'must be a function returning an access token' });
  }
  if (settings.baseURL !== undefined && !/^https?:\/\/[^/]/i.test(settings.baseURL)) {
    throw new InvalidArgumentError({ argument: 'baseURL', message: 'must be an http(s) URL ending in `/openai`, e.g. `https://my-resource.openai.azure.com/openai`', value: settings.baseURL });
  }
  if (settings.getToken && settings.apiKey) {
    throw new InvalidArgumentError({ argument: 'getToken', message: 'pass either `apiKey` or `getToken`, not both' });
  }
  const baseURL = () => withoutTrailingSlash(settings.baseURL ?? `https://${loadResourceName(settings.resourceName)}.openai.azure.com/openai`);
  const headers = async (): Promise<Record<string, string | undefined>> => {
    const auth: Record<string, string | undefined> = settings.getToken ? { authorization: `Bearer ${await loadToken(settings.getToken)}` } : { 'api-key': loadAzureApiKey(settings.apiKey) };
    return settings.headers === undefined ? auth : Object.assign(auth, settings.headers);
  };
  const config = (modality: string): OpenAIConfig => ({
    provider: `azure.${modality}`,
    url: ({ path, modelId }) => azureApiUrl({ baseURL: baseURL(), apiVersion, path, deploymentId: modelId }),
    headers,
    fetch: settings.fetch,
    maxResponseBytes,
    // Deployment URLs name the model in the path; the v1 API needs it in the body.
    omitModel: isDeploymentApiVersion(apiVersion),
    extractMetadata: azureContentFilterExtractor,
  });
  const chatConfig = config('chat');
  const imageConfig = config('image');
  const speechConfig = config('speech');
  const transcriptionConfig = config('transcription');
  const chat = (deploymentId: string) => new OpenAIChatLanguageModel(deploymentId, chatConfig);
  const image = (deploymentId: string, media?: OpenAIMediaModelSettings) => new OpenAIImageModel(deploymentId, imageConfig, media);
  const speech = (deploymentId: string, media?: OpenAIMediaModelSettings) => new OpenAISpeechModel(deploymentId, speechConfig, media);
  const transcription = (deploymentId: string, media?: OpenAIMediaModelSettings) => new OpenAITranscriptionModel(deploymentId, transcriptionConfig, media);
  return Object.assign((deploymentId: string) => chat(deploymentId), {
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

function loadResourceName(value: string | undefined): string {
  const name = loadApiKey({
    value,
    environmentVariable: 'AZURE_RESOURCE_NAME',
    setting: 'resourceName',
    provider: 'Azure OpenAI',
    description: 'The Azure OpenAI resource name (or a `baseURL`)',
  });
  // A host label only: anything else would send the key to a different host than the user meant.
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(name)) {
    throw new InvalidArgumentError({ argument: 'resourceName', message: 'must be the resource name only (letters, digits, hyphens), not a URL; use `baseURL` for other hosts', value: name });
  }
  return name;
}

function loadAzureApiKey(value: string | undefined): string {
  return loadApiKey({ value, environmentVariable: 'AZURE_OPENAI_API_KEY', setting: 'apiKey', provider: 'Azure OpenAI' });
}

async function loadToken(getToken: () => string | Promise<string>): Promise<string> {
  const token = await getToken();
  if (typeof token !== 'string' || token === '') {
    throw new InvalidArgumentError({ argument: 'getToken', message: 'must return a non-empty access token string' });
  }
  return token;
}

/**
 * The default Azure provider: `AZURE_RESOURCE_NAME` and `AZURE_OPENAI_API_KEY` from the environment, read at call time.
 *
 * @example
 * const { text } = await generateText({ model: azure('gpt-4o-prod'), prompt: '必应聊天用的是什么模型？' });
 */
export const azure: AzureProvider = /* @__PURE__ */ createAzure();
