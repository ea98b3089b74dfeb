import { UnsupportedFunctionalityError } from '../../src/errors/unsupported-functionality-error.js';
import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { loadApiKey, loadOptionalSetting, withoutTrailingSlash, type FetchFunction } from '../../src/http/index.js';
import type { ImageModel, LanguageModel, Provider } from '../../src/provider/index.js';
import type { MidjourneyApi, MidjourneyConfig } from './midjourney-config.js';
import { describeMidjourney, type MidjourneyDescribeOptions, type MidjourneyDescribeResult } from './midjourney-describe.js';
import { MidjourneyImageModel, type MidjourneyImageModelId } from './midjourney-image-model.js';

/** Settings of {@link createMidjourney}. */
export interface MidjourneyProviderSettings {
  /** The proxy's `…/mj` prefix, e.g. `http://localhost:8080/mj`; defaults to `MIDJOURNEY_PROXY_URL`, read at call time. */
  baseURL?: string;
  /** Sent as `mj-api-secret`; defaults to `MIDJOURNEY_PROXY_SECRET`. Omitted when neither is set (a proxy without `mj.api-secret`). */
  apiSecret?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** A custom fetch (tests, proxies); defaults to `globalThis.fetch` at call time. Also used to download grids for `split`. */
  fetch?: FetchFunction;
  /** A fixed poll interval in ms; by default polling starts at 1 s and backs off to 5 s. */
  pollIntervalMs?: number;
  /**
   * Endpoints for actions. `auto` (default): upscale, variation and reroll via
   * `/submit/change`, which every proxy has, and other actions (zoom, pan,
   * vary strong, raw custom ids) via `/submit/action`. `open-source`: only
   * `/submit/change`. `plus`: every action via `/submit/action` with the
   * parent task's button `customId`, and `botType` for niji models.
   */
  api?: MidjourneyApi;
}

/** A Midjourney provider instance: callable for an image model, plus `describe`. */
export interface MidjourneyProvider extends Provider {
  /** A Midjourney image model (`v7`, `niji-6`, …). */
  (modelId: MidjourneyImageModelId): ImageModel;
  /** The same image model as calling the provider. */
  image(modelId: MidjourneyImageModelId): ImageModel;
  /** The same image model as calling the provider. */
  imageModel(modelId: MidjourneyImageModelId): ImageModel;
  /** Midjourney has no language model; throws `UnsupportedFunctionalityError`. */
  languageModel(modelId: string): LanguageModel;
  /**
   * Image to prompts (`/describe`): submits the image and polls until
   * Midjourney suggests four prompts.
   *
   * @example
   * const { prompts } = await midjourney.describe({ image: pngBytes });
   */
  describe(options: MidjourneyDescribeOptions): Promise<MidjourneyDescribeResult>;
}

/**
 * Creates a Midjourney provider that talks to a midjourney-proxy deployment
 * (novicezk/midjourney-proxy or a Plus-compatible fork).
 *
 * @example
 * const midjourney = createMidjourney({ baseURL: 'http://localhost:8080/mj', apiSecret: process.env.MJ_SECRET });
 * const { image, providerMetadata } = await generateImage({ model: midjourney('v7'), prompt: 'an apple', aspectRatio: '16:9' });
 * await generateImage({ model: midjourney('v7'), action: { jobId: providerMetadata.midjourney.jobId, type: 'upscale', index: 2 } });
 */
export function createMidjourney(settings: MidjourneyProviderSettings = {}): MidjourneyProvider {
  if (settings.pollIntervalMs !== undefined && !(typeof settings.pollIntervalMs === 'number' && settings.pollIntervalMs > 0)) {
    throw new InvalidArgumentError({ argument: 'pollIntervalMs', message: 'must be a positive number of milliseconds', value: settings.pollIntervalMs });
  }
  if (settings.api !== undefined && !['auto', 'open-source', 'plus'].includes(settings.api)) {
    throw new InvalidArgumentError({ argument: 'api', message: "must be 'auto', 'open-source' or 'plus'", value: settings.api });
  }
  const config: MidjourneyConfig = {
    provider: 'midjourney.image',
    baseURL: () =>
      withoutTrailingSlash(
        loadApiKey({
          value: settings.baseURL,
          environmentVariable: 'MIDJOURNEY_PROXY_URL',
          setting: 'baseURL',
          provider: 'Midjourney',
          description: "The midjourney-proxy URL (its '…/mj' prefix)",
        }),
      ),
    headers: () => ({ 'mj-api-secret': loadOptionalSetting(settings.apiSecret, 'MIDJOURNEY_PROXY_SECRET'), ...settings.headers }),
    fetch: settings.fetch,
    pollIntervalMs: settings.pollIntervalMs,
    api: settings.api ?? 'auto',
  };
  const image = (modelId: MidjourneyImageModelId) => new MidjourneyImageModel(modelId, config);
  return Object.assign((modelId: MidjourneyImageModelId) => image(modelId), {
    image,
    imageModel: image,
    languageModel: (): LanguageModel => {
      throw new UnsupportedFunctionalityError({ functionality: 'language models', provider: 'Midjourney' });
    },
    describe: (options: MidjourneyDescribeOptions) => describeMidjourney(config, options),
  });
}

/**
 * The default Midjourney provider: `MIDJOURNEY_PROXY_URL` and `MIDJOURNEY_PROXY_SECRET` from the environment, read at call time.
 *
 * @example
 * ```ts
 * // MIDJOURNEY_PROXY_URL=http://localhost:8080/mj, MIDJOURNEY_PROXY_SECRET=…
 * const { images } = await generateImage({ model: midjourney('v7'), prompt: 'an apple, studio light', n: 4 });
 * ```
 */
export const midjourney: MidjourneyProvider = /* @__PURE__ */ createMidjourney();
