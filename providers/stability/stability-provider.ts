import { UnsupportedFunctionalityError } from '../../src/errors/unsupported-functionality-error.js';
import { loadApiKey, withoutTrailingSlash, type FetchFunction } from '../../src/http/index.js';
import type { ImageModel, LanguageModel, Provider } from '../../src/provider/index.js';
import type { StabilityConfig } from './stability-config.js';
import { StabilityImageModel, type StabilityImageModelId } from './stability-image-model.js';

/** Settings of {@link createStability}. */
export interface StabilityProviderSettings {
  /** API key (`sk-…`); defaults to the `STABILITY_API_KEY` environment variable, read at call time. */
  apiKey?: string;
  /** API origin without a version; default `https://api.stability.ai`. */
  baseURL?: string;
  /** Sent as `stability-client-id` (your app's name, ≤256 characters). */
  clientId?: string;
  /** Sent as `stability-client-user-id` (your end user, ≤256 characters). */
  clientUserId?: string;
  /** Sent as `stability-client-version`. */
  clientVersion?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** A custom fetch (proxies, tests); defaults to `globalThis.fetch` at call time. */
  fetch?: FetchFunction;
}

/** A Stability AI provider instance: callable for an image model. */
export interface StabilityProvider extends Provider {
  /** An image model (`core`, `ultra`, `sd3.5-large`, …). */
  (modelId: StabilityImageModelId): ImageModel;
  /** An image model (the same as calling the provider). */
  image(modelId: StabilityImageModelId): ImageModel;
  /** An image model (the same as calling the provider). */
  imageModel(modelId: StabilityImageModelId): ImageModel;
  /** Stability serves no language model; throws `UnsupportedFunctionalityError`. */
  languageModel(modelId: string): LanguageModel;
}

/**
 * Creates a Stability AI provider (Stable Diffusion, hosted).
 *
 * @example
 * const stability = createStability({ apiKey: process.env.MY_STABILITY_KEY });
 * const { image } = await generateImage({ model: stability('sd3.5-large'), prompt: 'a lighthouse', aspectRatio: '16:9' });
 */
export function createStability(settings: StabilityProviderSettings = {}): StabilityProvider {
  const config: StabilityConfig = {
    provider: 'stability.image',
    baseURL: () => withoutTrailingSlash(settings.baseURL ?? 'https://api.stability.ai'),
    headers: () => ({
      authorization: `Bearer ${loadApiKey({ value: settings.apiKey, environmentVariable: 'STABILITY_API_KEY', setting: 'apiKey', provider: 'Stability AI' })}`,
      'stability-client-id': settings.clientId,
      'stability-client-user-id': settings.clientUserId,
      'stability-client-version': settings.clientVersion,
      ...settings.headers,
    }),
    fetch: settings.fetch,
  };
  const image = (modelId: StabilityImageModelId) => new StabilityImageModel(modelId, config);
  return Object.assign((modelId: StabilityImageModelId) => image(modelId), {
    image,
    imageModel: image,
    languageModel: (): never => {
      throw new UnsupportedFunctionalityError({ functionality: 'language models', provider: 'Stability AI' });
    },
  });
}

/**
 * The default Stability AI provider: `STABILITY_API_KEY` from the environment, read at call time.
 *
 * @example
 * ```ts
 * // STABILITY_API_KEY from the environment
 * const { image } = await generateImage({ model: stability.image('core'), prompt: 'a lighthouse at dusk', aspectRatio: '16:9' });
 * ```
 */
export const stability: StabilityProvider = /* @__PURE__ */ createStability();
