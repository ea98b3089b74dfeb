import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { UnsupportedFunctionalityError } from '../../src/errors/unsupported-functionality-error.js';
import { loadOptionalSetting, withoutTrailingSlash, type FetchFunction } from '../../src/http/index.js';
import type { ImageModel, LanguageModel, Provider } from '../../src/provider/index.js';
import { uint8ArrayToBase64 } from '../../src/util/base64.js';
import type { Automatic1111Config } from './automatic1111-config.js';
import { Automatic1111ImageModel } from './automatic1111-image-model.js';

/** Settings of {@link createAutomatic1111}. */
export interface Automatic1111ProviderSettings {
  /**
   * The WebUI origin; defaults to `A1111_BASE_URL`, then `http://127.0.0.1:7860`.
   * `http://user:password@host:7860` is accepted: the credentials are sent as
   * basic auth and never appear in errors.
   */
  baseURL?: string;
  /** Basic-auth user for a WebUI started with `--api-auth user:password`. */
  username?: string;
  /** Basic-auth password. */
  password?: string;
  /** How often progress is polled while a generation runs (when `onProgress` is given), in ms; default 1000. */
  progressIntervalMs?: number;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** A custom fetch (proxies, tests); defaults to `globalThis.fetch` at call time. */
  fetch?: FetchFunction;
}

/** An AUTOMATIC1111 provider instance: callable for a checkpoint's image model. */
export interface Automatic1111Provider extends Provider {
  /** The image model for a checkpoint (`override_settings.sd_model_checkpoint`), or the loaded one. */
  (checkpointName?: string): ImageModel;
  /** The image model for a checkpoint, or the loaded one. */
  image(checkpointName?: string): ImageModel;
  /** The image model for a checkpoint (the same as `image`). */
  imageModel(checkpointName: string): ImageModel;
  /** The WebUI serves no language model; throws `UnsupportedFunctionalityError`. */
  languageModel(modelId: string): LanguageModel;
}

/**
 * Creates a provider for a self-hosted AUTOMATIC1111 Stable Diffusion WebUI
 * started with `--api`.
 *
 * @example
 * const webui = createAutomatic1111({ baseURL: 'http://gpu-box:7860', username: 'me', password: process.env.A1111_PASSWORD });
 * const { images } = await generateImage({ model: webui.image('sd_xl_base_1.0'), prompt: 'a cabin', size: '1024x1024', n: 2 });
 */
export function createAutomatic1111(settings: Automatic1111ProviderSettings = {}): Automatic1111Provider {
  const origin = () => parseBaseURL(loadOptionalSetting(settings.baseURL, 'A1111_BASE_URL') ?? 'http://127.0.0.1:7860');
  const config: Automatic1111Config = {
    provider: 'automatic1111.image',
    baseURL: () => origin().url,
    headers: () => {
      const fromUrl = origin();
      const username = settings.username ?? fromUrl.username;
      const password = settings.password ?? fromUrl.password;
      const authorization = username === undefined && password === undefined ? undefined : basicAuth(username ?? '', password ?? '');
      return { authorization, ...settings.headers };
    },
    fetch: settings.fetch,
    progressIntervalMs: settings.progressIntervalMs ?? 1_000,
  };
  const image = (checkpointName?: string) => new Automatic1111ImageModel(checkpointName, config);
  return Object.assign((checkpointName?: string) => image(checkpointName), {
    image,
    imageModel: image,
    languageModel: (): never => {
      throw new UnsupportedFunctionalityError({ functionality: 'language models', provider: 'AUTOMATIC1111' });
    },
  });
}

/**
 * The default AUTOMATIC1111 provider: `A1111_BASE_URL` from the environment (credentials may be in it), read at call time.
 *
 * @example
 * ```ts
 * // A1111_BASE_URL=http://127.0.0.1:7860
 * const { image } = await generateImage({ model: automatic1111.image(), prompt: 'a lighthouse at dusk', size: '768x512' });
 * ```
 */
export const automatic1111: Automatic1111Provider = /* @__PURE__ */ createAutomatic1111();

// fetch refuses URLs with credentials, so they move into a header here.
function parseBaseURL(value: string): { url: string; username?: string; password?: string } {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new InvalidArgumentError({ argument: 'baseURL', message: 'must be an absolute http(s) URL such as http://127.0.0.1:7860' });
  }
  const username = parsed.username ? decodeURIComponent(parsed.username) : undefined;
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.username = '';
  parsed.password = '';
  return { url: withoutTrailingSlash(parsed.toString()), username, password };
}

function basicAuth(username: string, password: string): string {
  return `Basic ${uint8ArrayToBase64(new TextEncoder().encode(`${username}:${password}`))}`;
}
