import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { loadApiKey, withoutTrailingSlash, type FetchFunction } from '../../src/http/index.js';
import type { LanguageModel, Provider } from '../../src/provider/index.js';
import { OpenAIChatLanguageModel } from '../openai/openai-chat-model.js';
import type { OpenAIConfig } from '../openai/openai-config.js';
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
}

/** An Azure OpenAI provider instance; model ids are your deployment names. */
export interface AzureProvider extends Provider {
  /** A Chat Completions model on a deployment. */
  (deploymentId: string): LanguageModel;
  /** A Chat Completions model on a deployment. */
  languageModel(deploymentId: string): LanguageModel;
  /** A Chat Completions model on a deployment (the same as calling the provider). */
  chat(deploymentId: string): LanguageModel;
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
  if (settings.getToken !== undefined && typeof settings.getToken !== 'function') {
    throw new InvalidArgumentError({ argument: 'getToken', message: 'must be a function returning an access token' });
  }
  if (settings.getToken && settings.apiKey) {
    throw new InvalidArgumentError({ argument: 'getToken', message: 'pass either `apiKey` or `getToken`, not both' });
  }
  const baseURL = () => withoutTrailingSlash(settings.baseURL ?? `https://${loadResourceName(settings.resourceName)}.openai.azure.com/openai`);
  const headers = async (): Promise<Record<string, string | undefined>> => ({
    ...(settings.getToken ? { authorization: `Bearer ${await loadToken(settings.getToken)}` } : { 'api-key': loadAzureApiKey(settings.apiKey) }),
    ...settings.headers,
  });
  const config = (modality: string): OpenAIConfig => ({
    provider: `azure.${modality}`,
    url: ({ path, modelId }) => azureApiUrl({ baseURL: baseURL(), apiVersion, path, deploymentId: modelId }),
    headers,
    fetch: settings.fetch,
    // Deployment URLs name the model in the path; the v1 API needs it in the body.
    omitModel: isDeploymentApiVersion(apiVersion),
    extractMetadata: azureContentFilterExtractor,
  });
  const chatConfig = config('chat');
  const chat = (deploymentId: string) => new OpenAIChatLanguageModel(deploymentId, chatConfig);
  return Object.assign((deploymentId: string) => chat(deploymentId), { languageModel: chat, chat });
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

/** The default Azure provider: `AZURE_RESOURCE_NAME` and `AZURE_OPENAI_API_KEY` from the environment, read at call time. */
export const azure: AzureProvider = /* @__PURE__ */ createAzure();
