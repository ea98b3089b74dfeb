import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { DataContent } from '../prompt/model-message.js';
import type { ImageJobAction, ImageModel, ImageModelCallOptions, JobProgressEvent, ProviderOptions } from '../provider/index.js';
import { base64ToUint8Array } from '../util/base64.js';
import { isPlainObject, validateCommonSettings } from '../util/call-signal.js';
import type { DownloadSettings } from '../util/download.js';

/** An input image: bytes, base64, a data URL or an http(s) URL, optionally with its media type. */
export type ImagePromptInput = DataContent | URL | { data: DataContent | URL; mediaType?: string };

/** A prompt for image-to-image: text plus input images (and a mask for inpainting). */
export interface ImagePrompt {
  /** What to draw or change. */
  text?: string;
  /** Input images; URLs are downloaded by core with the `download` limits. */
  images?: ImagePromptInput[];
  /** The inpainting mask (transparent where the image may change, for OpenAI). */
  mask?: ImagePromptInput;
}

/** Options of {@link generateImage}. */
export interface GenerateImageOptions {
  /** The image model, e.g. `openai.image('gpt-image-1')`. */
  model: ImageModel;
  /** Text, or text with input images. Optional only with `resume` or `action`. */
  prompt?: string | ImagePrompt;
  /** How many images; split into parallel calls beyond the model's `maxImagesPerCall`. Default 1. */
  n?: number;
  /** `WIDTHxHEIGHT`, e.g. `1024x1024`. Use this or `aspectRatio`. */
  size?: `${number}x${number}`;
  /** `W:H`, e.g. `16:9`. Use this or `size`. */
  aspectRatio?: `${number}:${number}`;
  /** Seed for reproducible output, where the model takes one. */
  seed?: number;
  /** What the image should not contain, where the model takes it. */
  negativePrompt?: string;
  /** Per-provider options, e.g. `{ openai: { quality: 'high' } }`. */
  providerOptions?: ProviderOptions;
  /** Progress of long-running jobs: `{ jobId, status, progress 0..1, preview? }`. */
  onProgress?: (event: JobProgressEvent) => void;
  /** Picks up a job submitted earlier (after a crash, or in another process) instead of submitting a new one. */
  resume?: { jobId: string };
  /** A follow-up action on a finished job, e.g. Midjourney's `{ jobId, type: 'upscale', index: 2 }`. */
  action?: ImageJobAction;
  /** Overrides the model's `maxImagesPerCall`. */
  maxImagesPerCall?: number;
  /** How many model calls run at once when `n` is split; default 4. */
  maxParallelCalls?: number;
  /** Limits for downloading images the provider returns as URLs (and input image URLs). */
  download?: DownloadSettings;
  /** Retries per model call; default 2. */
  maxRetries?: number;
  /** Milliseconds for the whole call, including retries, job polling and downloads. */
  timeout?: number;
  /** Cancels the call; its reason is rethrown untouched. */
  abortSignal?: AbortSignal;
  /** Extra HTTP headers for the provider. */
  headers?: Record<string, string | undefined>;
}

/** A validated image call: what each model call receives, minus `n` and the signal. */
export interface PreparedImageCall {
  base: Omit<ImageModelCallOptions, 'n' | 'abortSignal' | 'images' | 'mask'>;
  images: ResolvableImage[] | undefined;
  mask: ResolvableImage | undefined;
  n: number;
  perCall: number;
  parallel: number;
  maxRetries: number;
  timeout: number | undefined;
}

/** An input image before URL downloads: `data` is bytes or a URL to fetch. */
export interface ResolvableImage {
  data: Uint8Array | URL;
  mediaType: string | undefined;
  argument: string;
}

const SIZE = /^(\d{1,5})x(\d{1,5})$/;
const ASPECT_RATIO = /^(\d{1,4}):(\d{1,4})$/;

/** Validates every option and throws `InvalidArgumentError` naming the field, before any request. */
export function prepareImageCall(options: GenerateImageOptions): PreparedImageCall {
  if (!isPlainObject(options)) throw new InvalidArgumentError({ argument: 'options', message: 'must be an object' });
  const { maxRetries, timeout } = validateCommonSettings(options);
  const model = options.model as ImageModel | undefined;
  if (typeof model?.doGenerate !== 'function') {
    throw new InvalidArgumentError({ argument: 'model', message: 'must be an ImageModel (has no doGenerate), e.g. openai.image("gpt-image-1")' });
  }
  const resume = validateResume(options.resume);
  const action = validateAction(options.action);
  const { text, images, mask } = validatePrompt(options.prompt, resume !== undefined || action !== undefined);

  const n = options.n ?? 1;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError({ argument: 'n', message: 'must be an integer >= 1', value: n });
  }
  if (options.size !== undefined && options.aspectRatio !== undefined) {
    throw new InvalidArgumentError({ argument: 'size', message: 'give either size or aspectRatio, not both' });
  }
  checkPattern(options.size, SIZE, 'size', 'must be WIDTHxHEIGHT with positive integers, e.g. "1024x1024"');
  checkPattern(options.aspectRatio, ASPECT_RATIO, 'aspectRatio', 'must be W:H with positive integers, e.g. "16:9"');
  if (options.seed !== undefined && (typeof options.seed !== 'number' || !Number.isInteger(options.seed))) {
    throw new InvalidArgumentError({ argument: 'seed', message: 'must be an integer', value: options.seed });
  }
  if (options.negativePrompt !== undefined && typeof options.negativePrompt !== 'string') {
    throw new InvalidArgumentError({ argument: 'negativePrompt', message: 'must be a string' });
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new InvalidArgumentError({ argument: 'onProgress', message: 'must be a function' });
  }
  const perCall = positiveInteger(options.maxImagesPerCall, 'maxImagesPerCall') ?? positiveInteger(model.maxImagesPerCall, 'model.maxImagesPerCall') ?? 1;
  const parallel = positiveInteger(options.maxParallelCalls, 'maxParallelCalls') ?? 4;
  validateDownload(options.download);

  return {
    base: {
      prompt: text,
      size: options.size,
      aspectRatio: options.aspectRatio,
      seed: options.seed,
      negativePrompt: options.negativePrompt,
      providerOptions: options.providerOptions,
      onProgress: options.onProgress,
      resume,
      action,
      headers: options.headers,
    },
    images,
    mask,
    // A resumed job or an action already has its image count; one call picks it up.
    n: resume || action ? 1 : n,
    perCall,
    parallel,
    maxRetries,
    timeout,
  };
}

function validatePrompt(prompt: GenerateImageOptions['prompt'], optional: boolean) {
  if (prompt === undefined && optional) return { text: undefined, images: undefined, mask: undefined };
  if (typeof prompt === 'string') {
    if (prompt.trim() === '') throw new InvalidArgumentError({ argument: 'prompt', message: 'must not be empty' });
    return { text: prompt, images: undefined, mask: undefined };
  }
  if (!isPlainObject(prompt)) {
    throw new InvalidArgumentError({ argument: 'prompt', message: 'must be a non-empty string or { text, images, mask }' });
  }
  const { text, images, mask } = prompt as ImagePrompt;
  if (text !== undefined && typeof text !== 'string') throw new InvalidArgumentError({ argument: 'prompt.text', message: 'must be a string' });
  if (images !== undefined && !Array.isArray(images)) throw new InvalidArgumentError({ argument: 'prompt.images', message: 'must be an array' });
  const resolved = images?.map((image, index) => resolveImage(image, `prompt.images[${index}]`));
  if ((text === undefined || text.trim() === '') && !resolved?.length) {
    throw new InvalidArgumentError({ argument: 'prompt.text', message: 'must not be empty when there are no input images' });
  }
  if (mask !== undefined && !resolved?.length) {
    throw new InvalidArgumentError({ argument: 'prompt.mask', message: 'needs at least one input image' });
  }
  return {
    text: text === undefined || text.trim() === '' ? undefined : text,
    images: resolved?.length ? resolved : undefined,
    mask: mask === undefined ? undefined : resolveImage(mask, 'prompt.mask'),
  };
}

function resolveImage(input: ImagePromptInput, argument: string): ResolvableImage {
  const wrapped = isPlainObject(input) && !(input instanceof URL) && !(input instanceof Uint8Array) && !(input instanceof ArrayBuffer);
  const data = wrapped ? (input as { data: unknown }).data : input;
  const mediaType = wrapped ? (input as { mediaType?: unknown }).mediaType : undefined;
  if (mediaType !== undefined && typeof mediaType !== 'string') throw new InvalidArgumentError({ argument: `${argument}.mediaType`, message: 'must be a string' });
  if (data instanceof URL) return { data, mediaType, argument };
  if (data instanceof ArrayBuffer || data instanceof Uint8Array) {
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
    if (bytes.byteLength === 0) throw new InvalidArgumentError({ argument, message: 'must not be empty' });
    return { data: bytes, mediaType, argument };
  }
  if (typeof data === 'string' && data.trim() !== '') {
    const dataUrl = /^data:([^;,]+)?;base64,/i.exec(data);
    if (dataUrl) return { data: decode(data.slice(dataUrl[0].length), argument), mediaType: mediaType ?? dataUrl[1], argument };
    if (/^https?:\/\//i.test(data)) return { data: new URL(data), mediaType, argument };
    return { data: decode(data, argument), mediaType, argument };
  }
  throw new InvalidArgumentError({ argument, message: 'must be a Uint8Array, ArrayBuffer, URL, data URL or base64 string' });
}

function decode(base64: string, argument: string): Uint8Array {
  try {
    const bytes = base64ToUint8Array(base64);
    if (bytes.byteLength > 0) return bytes;
  } catch {
    // Reported below with the field name.
  }
  throw new InvalidArgumentError({ argument, message: 'is not valid base64 (nor a URL)' });
}

function validateResume(resume: unknown): { jobId: string } | undefined {
  if (resume === undefined) return undefined;
  if (!isPlainObject(resume) || typeof resume.jobId !== 'string' || resume.jobId.trim() === '') {
    throw new InvalidArgumentError({ argument: 'resume.jobId', message: 'must be a non-empty string' });
  }
  return { jobId: resume.jobId };
}

function validateAction(action: unknown): ImageJobAction | undefined {
  if (action === undefined) return undefined;
  if (!isPlainObject(action)) throw new InvalidArgumentError({ argument: 'action', message: 'must be { jobId, type, index? }' });
  if (typeof action.jobId !== 'string' || action.jobId.trim() === '') {
    throw new InvalidArgumentError({ argument: 'action.jobId', message: 'must be a non-empty string' });
  }
  if (typeof action.type !== 'string' || action.type === '') {
    throw new InvalidArgumentError({ argument: 'action.type', message: 'must be a string such as "upscale", "variation" or "reroll"' });
  }
  if (action.index !== undefined && (typeof action.index !== 'number' || !Number.isInteger(action.index) || action.index < 1)) {
    throw new InvalidArgumentError({ argument: 'action.index', message: 'must be an integer >= 1 (1-based)', value: action.index });
  }
  return { jobId: action.jobId, type: action.type, index: action.index as number | undefined };
}

function checkPattern(value: unknown, pattern: RegExp, argument: string, message: string): void {
  if (value === undefined) return;
  const match = typeof value === 'string' ? pattern.exec(value) : null;
  if (!match || Number(match[1]) === 0 || Number(match[2]) === 0) throw new InvalidArgumentError({ argument, message, value });
}

function positiveInteger(value: unknown, argument: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError({ argument, message: 'must be an integer >= 1', value });
  }
  return value;
}

function validateDownload(settings: unknown): void {
  if (settings === undefined) return;
  if (!isPlainObject(settings)) throw new InvalidArgumentError({ argument: 'download', message: 'must be { maxBytes?, timeout?, fetch? }' });
  for (const key of ['maxBytes', 'timeout'] as const) {
    const value = settings[key];
    if (value !== undefined && (typeof value !== 'number' || !(value > 0))) {
      throw new InvalidArgumentError({ argument: `download.${key}`, message: 'must be a positive number', value });
    }
  }
  if (settings.fetch !== undefined && typeof settings.fetch !== 'function') {
    throw new InvalidArgumentError({ argument: 'download.fetch', message: 'must be a fetch function' });
  }
}
