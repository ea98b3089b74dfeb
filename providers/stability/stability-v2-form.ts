import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { MultipartForm } from '../../src/http/index.js';
import type { ImageModelCallOptions, Warning } from '../../src/provider/index.js';
import type { ResolvedImage } from './stability-image-input.js';
import type { StabilityImageOptions } from './stability-image-options.js';
import { STABILITY_ASPECT_RATIOS, type StabilityV2Endpoint } from './stability-v2-endpoint.js';

const V1_ONLY: ReadonlyArray<keyof StabilityImageOptions> = ['sampler', 'steps', 'clipGuidancePreset', 'maskSource'];

/**
 * Builds the multipart body of a v2beta request, for a call that passed
 * {@link validateStabilityV2Call}. Stability wants `multipart/form-data` even
 * when no file is sent. Every setting the endpoint does not take is left out
 * and reported as a warning.
 */
export function buildStabilityV2Form(options: {
  endpoint: StabilityV2Endpoint;
  modelId: string;
  call: ImageModelCallOptions;
  stability: StabilityImageOptions;
  wireFields: Record<string, unknown>;
  image: ResolvedImage | undefined;
  mask: ResolvedImage | undefined;
}): { form: MultipartForm; warnings: Warning[] } {
  const { endpoint, call, stability, image } = options;
  const warnings: Warning[] = [];
  const unsupported = (setting: string, details: string) => warnings.push({ type: 'unsupported-setting', setting, details });
  const form = new MultipartForm();
  const field = (name: string, value: string | number | boolean | undefined) => {
    if (value !== undefined) form.set(name, String(value));
  };

  field('prompt', call.prompt);
  if (call.negativePrompt !== undefined) {
    if (options.modelId.endsWith('-turbo')) unsupported('negativePrompt', `${options.modelId} does not take a negative prompt`);
    else field('negative_prompt', call.negativePrompt);
  }
  const aspectRatio = pickAspectRatio(call, endpoint, image !== undefined, warnings);
  field('aspect_ratio', aspectRatio);
  field('seed', call.seed);
  if (call.n > 1) unsupported('n', `${options.modelId} returns one image per request`);

  if (stability.outputFormat !== undefined) {
    if (endpoint.outputFormats.includes(stability.outputFormat)) field('output_format', stability.outputFormat);
    else unsupported('providerOptions.stability.outputFormat', `${options.modelId} supports ${endpoint.outputFormats.join(', ')}`);
  }
  if (stability.stylePreset !== undefined) {
    if (endpoint.stylePreset) field('style_preset', stability.stylePreset);
    else unsupported('providerOptions.stability.stylePreset', `${options.modelId} does not take a style preset`);
  }
  if (stability.cfgScale !== undefined) {
    if (endpoint.path === 'generate/sd3') field('cfg_scale', stability.cfgScale);
    else unsupported('providerOptions.stability.cfgScale', `only sd3 models take cfg_scale`);
  }
  if (stability.creativity !== undefined) {
    if (endpoint.path === 'upscale/creative') field('creativity', stability.creativity);
    else unsupported('providerOptions.stability.creativity', 'only upscale-creative takes creativity');
  }
  for (const name of V1_ONLY) {
    if (stability[name] !== undefined) unsupported(`providerOptions.stability.${name}`, 'only v1 engines take it');
  }

  if (endpoint.path === 'generate/sd3') {
    field('mode', image ? 'image-to-image' : 'text-to-image');
    field('model', endpoint.model);
  }
  if (image) {
    form.set('image', image.bytes, { filename: fileName('image', image.mediaType), type: image.mediaType });
    if (endpoint.image === 'optional') field('strength', stability.strength ?? 0.5);
  } else if (stability.strength !== undefined) {
    unsupported('providerOptions.stability.strength', 'strength applies only with an input image');
  }
  if (options.mask) {
    form.set('mask', options.mask.bytes, { filename: fileName('mask', options.mask.mediaType), type: options.mask.mediaType });
  }
  for (const [name, value] of Object.entries(options.wireFields)) field(name, value as string | number | boolean);
  return { form, warnings };
}

/**
 * Rejects what a v2beta endpoint would refuse, before anything is sent or
 * downloaded: an aspect ratio outside Stability's list, and wire fields that
 * cannot be multipart fields.
 */
export function validateStabilityV2Call(endpoint: StabilityV2Endpoint, call: ImageModelCallOptions, wireFields: Record<string, unknown>): void {
  // Where the ratio is not sent (image input, edit endpoints) a warning says so instead.
  if (call.aspectRatio !== undefined && endpoint.aspectRatio && !call.images?.length) {
    const ratio = reduce(call.aspectRatio, ':');
    if (ratio === undefined || !STABILITY_ASPECT_RATIOS.includes(ratio)) {
      throw new InvalidArgumentError({ argument: 'aspectRatio', message: `Stability accepts ${STABILITY_ASPECT_RATIOS.join(', ')}`, value: call.aspectRatio });
    }
  }
  for (const [name, value] of Object.entries(wireFields)) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new InvalidArgumentError({ argument: `providerOptions.stability.${name}`, message: 'a multipart field must be a string, number or boolean', value });
    }
  }
}

/**
 * `aspectRatio` (checked by {@link validateStabilityV2Call}), or `size`
 * reduced to a ratio Stability accepts (the v2beta endpoints pick the pixel
 * size themselves).
 */
function pickAspectRatio(
  call: ImageModelCallOptions,
  endpoint: StabilityV2Endpoint,
  hasImage: boolean,
  warnings: Warning[],
): string | undefined {
  const unsupported = (setting: string, details: string) => warnings.push({ type: 'unsupported-setting', setting, details });
  const setting = call.aspectRatio !== undefined ? 'aspectRatio' : call.size !== undefined ? 'size' : undefined;
  if (setting === undefined) return undefined;
  if (!endpoint.aspectRatio || hasImage) {
    unsupported(setting, hasImage ? 'the output takes the input image\'s proportions' : `${endpoint.path} does not take an aspect ratio`);
    return undefined;
  }
  if (call.aspectRatio !== undefined) {
    if (call.size !== undefined) unsupported('size', 'aspectRatio was given and wins; v2beta endpoints choose the pixel size');
    return reduce(call.aspectRatio, ':');
  }
  const ratio = reduce(call.size!, 'x');
  if (ratio === undefined || !STABILITY_ASPECT_RATIOS.includes(ratio)) {
    unsupported('size', `v2beta endpoints take an aspect ratio (${STABILITY_ASPECT_RATIOS.join(', ')}), and ${call.size} does not reduce to one`);
    return undefined;
  }
  warnings.push({ type: 'other', message: `size ${call.size} was sent as aspect_ratio ${ratio}; v2beta endpoints choose the pixel size` });
  return ratio;
}

function reduce(value: string, separator: string): string | undefined {
  const [width, height] = value.split(separator).map(Number);
  if (!width || !height || !Number.isInteger(width) || !Number.isInteger(height)) return undefined;
  const divisor = gcd(width, height);
  return `${width / divisor}:${height / divisor}`;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function fileName(name: string, mediaType: string): string {
  const extension = mediaType.split('/')[1]?.replace('jpeg', 'jpg') ?? 'png';
  return `${name}.${extension}`;
}
