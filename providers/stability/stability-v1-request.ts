import { MultipartForm } from '../../src/http/index.js';
import type { ImageModelCallOptions, Warning } from '../../src/provider/index.js';
import type { ResolvedImage } from './stability-image-input.js';
import type { StabilityImageOptions } from './stability-image-options.js';

/** A v1 generation request: the path under `/v1/generation/{engine}/` and its body. */
export interface StabilityV1Request {
  /** `text-to-image`, `image-to-image` or `image-to-image/masking`. */
  path: string;
  /** JSON text for text-to-image, multipart otherwise. */
  body: string | MultipartForm;
  /** Settings left out. */
  warnings: Warning[];
}

/**
 * Builds a v1 (legacy) request for an engine such as
 * `stable-diffusion-xl-1024-v1-0`: JSON text-to-image, or multipart
 * image-to-image (with `mask`, the masking endpoint). The negative prompt is
 * a `text_prompts` entry with weight -1, as v1 defines it.
 */
export function buildStabilityV1Request(options: {
  call: ImageModelCallOptions;
  stability: StabilityImageOptions;
  wireFields: Record<string, unknown>;
  image: ResolvedImage | undefined;
  mask: ResolvedImage | undefined;
}): StabilityV1Request {
  const { call, stability, image, mask } = options;
  const warnings: Warning[] = [];
  const unsupported = (setting: string, details: string) => warnings.push({ type: 'unsupported-setting', setting, details });
  const prompts = [{ text: call.prompt ?? '', weight: 1 }];
  if (call.negativePrompt !== undefined) prompts.push({ text: call.negativePrompt, weight: -1 });
  const common: Record<string, unknown> = {
    cfg_scale: stability.cfgScale,
    clip_guidance_preset: stability.clipGuidancePreset,
    sampler: stability.sampler,
    samples: call.n,
    seed: call.seed,
    steps: stability.steps,
    style_preset: stability.stylePreset,
  };
  if (call.aspectRatio !== undefined) unsupported('aspectRatio', 'v1 engines take a pixel size; pass size instead');
  if (stability.outputFormat !== undefined) unsupported('providerOptions.stability.outputFormat', 'v1 returns PNG');
  if (stability.creativity !== undefined) unsupported('providerOptions.stability.creativity', 'only upscale-creative takes creativity');

  if (!image) {
    if (mask) unsupported('mask', 'a mask needs an input image');
    if (stability.strength !== undefined) unsupported('providerOptions.stability.strength', 'strength applies only with an input image');
    if (stability.maskSource !== undefined) unsupported('providerOptions.stability.maskSource', 'no mask was given');
    const [width, height] = call.size?.split('x').map(Number) ?? [];
    const body = Object.assign({ text_prompts: prompts, width, height }, common, options.wireFields);
    return { path: 'text-to-image', body: JSON.stringify(body), warnings };
  }

  if (call.size !== undefined) unsupported('size', 'v1 image-to-image keeps the input image\'s size');
  const form = new MultipartForm();
  form.set('init_image', image.bytes, { filename: 'init_image.png', type: image.mediaType });
  prompts.forEach((prompt, index) => {
    form.set(`text_prompts[${index}][text]`, prompt.text);
    form.set(`text_prompts[${index}][weight]`, String(prompt.weight));
  });
  if (mask) {
    form.set('mask_source', stability.maskSource ?? 'MASK_IMAGE_WHITE');
    form.set('mask_image', mask.bytes, { filename: 'mask_image.png', type: mask.mediaType });
    if (stability.strength !== undefined) unsupported('providerOptions.stability.strength', 'the masking endpoint repaints the masked area fully');
  } else {
    form.set('init_image_mode', 'IMAGE_STRENGTH');
    // v1's image_strength is how much of the input survives; our strength is how much changes.
    if (stability.strength !== undefined) form.set('image_strength', String(1 - stability.strength));
    if (stability.maskSource !== undefined) unsupported('providerOptions.stability.maskSource', 'no mask was given');
  }
  for (const [name, value] of Object.entries(Object.assign({}, common, options.wireFields))) {
    if (value !== undefined) form.set(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return { path: mask ? 'image-to-image/masking' : 'image-to-image', body: form, warnings };
}
