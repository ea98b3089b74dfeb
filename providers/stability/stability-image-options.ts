import { integerIn, isString, numberIn, oneOf, parseStabilityOptions, type OptionChecks, type ParsedOptions } from './parse-stability-options.js';

/**
 * `providerOptions.stability`. Fields without a common option; any other
 * Stability wire field may be given in its own snake_case spelling and is
 * sent as it is.
 */
export interface StabilityImageOptions {
  /** `png` (default), `jpeg` or `webp` (v2beta `output_format`; `sd3` has no `webp`). */
  outputFormat?: 'png' | 'jpeg' | 'webp';
  /** A style such as `photographic`, `anime`, `cinematic` (`style_preset`; v2beta `core` and v1). */
  stylePreset?: string;
  /** How strictly the image follows the prompt (`cfg_scale`; `sd3` 1–10, v1 0–35). */
  cfgScale?: number;
  /**
   * Image-to-image: how much the input image is changed, 0 (kept) to 1
   * (replaced). Sent as v2beta `strength`; v1 receives `image_strength = 1 - strength`
   * because its scale runs the other way.
   */
  strength?: number;
  /** v1 sampler, e.g. `K_DPMPP_2M`. */
  sampler?: string;
  /** v1 diffusion steps, 10–150. */
  steps?: number;
  /** v1 `clip_guidance_preset`, e.g. `FAST_BLUE`. */
  clipGuidancePreset?: string;
  /** v1 masking: which pixels of the mask are repainted; default `MASK_IMAGE_WHITE` (white = repaint). */
  maskSource?: 'MASK_IMAGE_WHITE' | 'MASK_IMAGE_BLACK' | 'INIT_IMAGE_ALPHA';
  /** `upscale-creative`: how much detail may be invented, 0.1–0.5. */
  creativity?: number;
  /** Async endpoints: the first wait and starting poll interval in ms (default 2000; the official client polls every 10 s). */
  pollIntervalMs?: number;
  /** Async endpoints: give up polling after this many ms (the job keeps running and can be resumed). */
  pollTimeoutMs?: number;
}

const CHECKS: OptionChecks<StabilityImageOptions> = {
  outputFormat: oneOf('png', 'jpeg', 'webp'),
  stylePreset: isString,
  cfgScale: numberIn(0, 35),
  strength: numberIn(0, 1),
  sampler: isString,
  steps: integerIn(1, 150),
  clipGuidancePreset: isString,
  maskSource: oneOf('MASK_IMAGE_WHITE', 'MASK_IMAGE_BLACK', 'INIT_IMAGE_ALPHA'),
  creativity: numberIn(0, 1),
  pollIntervalMs: numberIn(1, Number.MAX_SAFE_INTEGER),
  pollTimeoutMs: numberIn(1, Number.MAX_SAFE_INTEGER),
};

/** Validates `providerOptions.stability`. */
export function parseStabilityImageOptions(value: unknown): ParsedOptions<StabilityImageOptions> {
  return parseStabilityOptions(value, 'stability', CHECKS);
}
