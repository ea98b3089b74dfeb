import { integerIn, isBoolean, isString, numberIn, parseStabilityOptions, type OptionChecks, type ParsedOptions } from './parse-stability-options.js';
import { isRecord } from '../../src/http/index.js';

/**
 * `providerOptions.automatic1111`. Any other txt2img/img2img field may be
 * given in its snake_case wire spelling (`alwayson_scripts`, `hr_second_pass_steps`,
 * `mask_blur`, …) and is sent as it is.
 */
export interface Automatic1111ImageOptions {
  /** Sampling steps (WebUI default 50 through the API). */
  steps?: number;
  /** Sampler, e.g. `Euler a`, `DPM++ 2M` (`sampler_name`). */
  samplerName?: string;
  /** Scheduler, e.g. `Karras` (WebUI 1.9+). */
  scheduler?: string;
  /** Classifier-free guidance scale (`cfg_scale`, default 7). */
  cfgScale?: number;
  /** img2img and hires fix: how much is changed, 0 (kept) to 1 (replaced); default 0.75. */
  denoisingStrength?: number;
  /** Run face restoration. */
  restoreFaces?: boolean;
  /** Make the image tile seamlessly. */
  tiling?: boolean;
  /** Hires fix (txt2img). */
  enableHr?: boolean;
  /** Hires fix upscale factor. */
  hrScale?: number;
  /** Hires fix upscaler, e.g. `Latent`, `R-ESRGAN 4x+`. */
  hrUpscaler?: string;
  /** Saved prompt styles to apply. */
  styles?: string[];
  /** Sent as `override_settings.CLIP_stop_at_last_layers`. */
  clipSkip?: number;
  /** WebUI settings for this call only, merged under the checkpoint the model was created with. */
  overrideSettings?: Record<string, unknown>;
  /** Ask `/sdapi/v1/progress` for the in-progress image and pass it to `onProgress` as a data URL `preview`. */
  livePreview?: boolean;
}

const CHECKS: OptionChecks<Automatic1111ImageOptions> = {
  steps: integerIn(1, 1000),
  samplerName: isString,
  scheduler: isString,
  cfgScale: numberIn(0, 100),
  denoisingStrength: numberIn(0, 1),
  restoreFaces: isBoolean,
  tiling: isBoolean,
  enableHr: isBoolean,
  hrScale: numberIn(1, 16),
  hrUpscaler: isString,
  styles: (value) => Array.isArray(value) && value.every((item) => typeof item === 'string'),
  clipSkip: integerIn(1, 12),
  overrideSettings: isRecord,
  livePreview: isBoolean,
};

/** Validates `providerOptions.automatic1111`. */
export function parseAutomatic1111ImageOptions(value: unknown): ParsedOptions<Automatic1111ImageOptions> {
  return parseStabilityOptions(value, 'automatic1111', CHECKS);
}
