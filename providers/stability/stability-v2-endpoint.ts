/** How one v2beta Stable Image endpoint behaves (WIRE.md §6.1–6.2). */
export interface StabilityV2Endpoint {
  /** Path under `/v2beta/stable-image/`. */
  path: string;
  /** Whether the endpoint takes an input `image`. */
  image: 'none' | 'optional' | 'required';
  /** Whether it takes a `mask`. */
  mask: boolean;
  /** Submit-then-poll: answers `{ id }`, the image comes from `/v2beta/results/{id}`. */
  async: boolean;
  /** Whether `aspect_ratio` is accepted (only for text-to-image on `ultra` and `sd3`). */
  aspectRatio: boolean;
  /** Whether `style_preset` is accepted. */
  stylePreset: boolean;
  /** The `model` field value for `sd3` variants. */
  model?: string;
  /** `output_format` values it accepts. */
  outputFormats: readonly string[];
}

const ALL_FORMATS = ['png', 'jpeg', 'webp'] as const;

const BASE: Omit<StabilityV2Endpoint, 'path'> = { image: 'none', mask: false, async: false, aspectRatio: true, stylePreset: false, outputFormats: ALL_FORMATS };

function endpoint(fields: Partial<StabilityV2Endpoint> & { path: string }): StabilityV2Endpoint {
  return Object.assign({}, BASE, fields);
}

/**
 * The v2beta endpoint for a model id, or undefined for a v1 engine id.
 * `core`, `ultra`, `sd3` and its variants (`sd3.5-large`, `sd3.5-medium`, …)
 * generate; `inpaint` edits with a mask; `upscale-creative` is asynchronous.
 */
export function stabilityV2Endpoint(modelId: string): StabilityV2Endpoint | undefined {
  switch (modelId) {
    case 'core':
      return endpoint({ path: 'generate/core', stylePreset: true });
    case 'ultra':
      return endpoint({ path: 'generate/ultra', image: 'optional' });
    case 'inpaint':
      return endpoint({ path: 'edit/inpaint', image: 'required', mask: true, aspectRatio: false, stylePreset: true });
    case 'upscale-creative':
      return endpoint({ path: 'upscale/creative', image: 'required', async: true, aspectRatio: false, stylePreset: true });
  }
  if (modelId === 'sd3' || modelId.startsWith('sd3-') || modelId.startsWith('sd3.')) {
    return endpoint({
      path: 'generate/sd3',
      image: 'optional',
      model: modelId === 'sd3' ? undefined : modelId,
      outputFormats: ['png', 'jpeg'],
    });
  }
  return undefined;
}

/** Aspect ratios the v2beta generate endpoints accept. */
export const STABILITY_ASPECT_RATIOS: readonly string[] = ['16:9', '1:1', '21:9', '2:3', '3:2', '4:5', '5:4', '9:16', '9:21'];
