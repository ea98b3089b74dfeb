import type { CallOptionsBase, ModelBase, ProviderMetadata, ResponseMetadata, Warning } from './shared.js';

/** An input image for image-to-image, already resolved by core. */
export interface ImageInput {
  /** Raw bytes, a URL, or base64 without a data-URL prefix. */
  data: Uint8Array | URL | string;
  /** IANA media type, e.g. `image/png`. */
  mediaType: string;
}

/**
 * A progress report from a long-running image job (Midjourney, ERNIE-ViLG, …).
 * The job id is on every event so a caller can `resume` after a crash.
 */
export interface JobProgressEvent {
  /** The provider's job id. */
  jobId: string;
  /** The provider's status word, e.g. `IN_PROGRESS`, normalised to lower case where it has a known meaning. */
  status: string;
  /** Fraction done, 0..1, when the provider reports it. */
  progress: number | undefined;
  /** A preview image URL while the job runs, when the provider offers one. */
  preview?: string;
}

/** A follow-up action on a finished job (Midjourney's upscale, variation, reroll). */
export interface ImageJobAction {
  /** The parent job. */
  jobId: string;
  /** The action; providers may accept more than the common three. */
  type: 'upscale' | 'variation' | 'reroll' | (string & {});
  /** Which image of a grid, 1-based. */
  index?: number;
}

/** Everything an image model needs for one call, validated by core. */
export interface ImageModelCallOptions extends CallOptionsBase {
  /** The text prompt; undefined only for `resume` and `action` calls. */
  prompt: string | undefined;
  /** Input images for image-to-image. */
  images?: ImageInput[];
  /** A mask for inpainting. */
  mask?: ImageInput;
  /** How many images this call should return; core keeps it within `maxImagesPerCall`. */
  n: number;
  /** `WIDTHxHEIGHT`, validated by core. */
  size?: `${number}x${number}`;
  /** `W:H`, validated by core. */
  aspectRatio?: `${number}:${number}`;
  /** Seed for reproducible output. */
  seed?: number;
  /** What the image should not contain. */
  negativePrompt?: string;
  /** Receives progress of long-running jobs. */
  onProgress?: (event: JobProgressEvent) => void;
  /** Poll an existing job instead of submitting a new one. */
  resume?: { jobId: string };
  /** Run an action on a finished job instead of a new prompt. */
  action?: ImageJobAction;
}

/**
 * A generated image as a model returns it. Core converts base64 lazily and
 * downloads URLs itself (with its size cap and without the provider's credentials).
 */
export type ImageModelOutput =
  | { type: 'bytes'; data: Uint8Array; mediaType?: string }
  | { type: 'base64'; data: string; mediaType?: string }
  | { type: 'url'; url: string; mediaType?: string };

/** The result of `doGenerate` on an image model. */
export interface ImageModelResult {
  /** The images, in order. */
  images: ImageModelOutput[];
  /** Settings the model ignored. */
  warnings: Warning[];
  /** What the provider said about the response. */
  response: ResponseMetadata;
  /** Provider-specific extras (seeds, job ids, revised prompts). */
  providerMetadata?: ProviderMetadata;
  /** Token usage, for providers that bill images in tokens. */
  usage?: { inputTokens?: number; outputTokens?: number; totalTokens?: number };
}

/** A text-to-image (and image-to-image) model. */
export interface ImageModel extends ModelBase {
  /** The most images one `doGenerate` returns; core splits larger `n` into parallel calls. */
  readonly maxImagesPerCall: number;
  /** Generates images; may submit a job and poll it (see `runJob`). */
  doGenerate(options: ImageModelCallOptions): Promise<ImageModelResult>;
}
