import { NoContentGeneratedError } from '../../src/errors/no-content-generated-error.js';
import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { headersToRecord } from '../../src/http/index.js';
import type { ImageModel, ImageModelCallOptions, ImageModelResult, Warning } from '../../src/provider/index.js';
import { prepareMidjourneyAction } from './midjourney-action.js';
import { toMidjourneyImages } from './midjourney-grid-images.js';
import type { MidjourneyConfig } from './midjourney-config.js';
import { parseMidjourneyImageOptions, type MidjourneyBlendDimensions, type MidjourneyImageOptions } from './midjourney-image-options.js';
import { toMidjourneyDataUrl, toMidjourneyImageInput } from './midjourney-image-input.js';
import { runMidjourneyJob } from './midjourney-job.js';
import { buildMidjourneyPrompt, versionFromModelId } from './midjourney-prompt.js';
import { submitMidjourney } from './midjourney-submit.js';
import type { MidjourneyTask } from './midjourney-task.js';

/** Model ids: a Midjourney version (`v7`, `v6.1`), a niji version (`niji-6`), or `default` (the account's setting). */
export type MidjourneyImageModelId = 'v7' | 'v6.1' | 'v6' | 'v5.2' | 'niji-6' | 'niji-5' | 'default' | (string & {});

type Submit = (signal: AbortSignal | undefined) => Promise<string>;

// Tasks that end in a 2×2 grid (open-source proxies send no buttons to tell).
const GRID_ACTIONS = new Set(['IMAGINE', 'VARIATION', 'REROLL', 'BLEND', 'PAN', 'ZOOM', 'OUTPAINT', 'INPAINT', 'HIGH_VARIATION', 'LOW_VARIATION']);

/**
 * A Midjourney image model behind midjourney-proxy: `/submit/imagine` (or
 * `/submit/blend`, `/submit/change`, `/submit/action`), then `/task/{id}/fetch`
 * polled by the job engine. One job makes one 2×2 grid; it is returned as one
 * image URL (core downloads it), or cut into its four images with
 * `providerOptions.midjourney.split` or when `n > 1`.
 *
 * @example
 * ```ts
 * const grid = await generateImage({ model: midjourney.image('v7'), prompt: 'an apple', aspectRatio: '16:9' });
 * const jobId = grid.providerMetadata.midjourney?.jobId as string;
 * const { image } = await generateImage({ model: midjourney('v7'), action: { jobId, type: 'upscale', index: 2 } });
 * ```
 */
export class MidjourneyImageModel implements ImageModel {
  readonly specificationVersion = 'v1' as const;
  readonly modelId: string;
  /** One job yields one grid of four; `n` up to 4 is one job, its grid cut in four. */
  readonly maxImagesPerCall = 4;
  private readonly config: MidjourneyConfig;
  private readonly version: ReturnType<typeof versionFromModelId>;

  /** Built by a provider factory; not called by users. Throws `InvalidArgumentError` for an id that names no version. */
  constructor(modelId: string, config: MidjourneyConfig) {
    this.modelId = modelId;
    this.config = config;
    this.version = versionFromModelId(modelId);
  }

  /** `midjourney.image`. */
  get provider(): string {
    return this.config.provider;
  }

  /** Submits (or resumes) the job, polls it to the end and returns its grid, its four cut images, or an upscale. */
  async doGenerate(options: ImageModelCallOptions): Promise<ImageModelResult> {
    const settings = parseMidjourneyImageOptions(options.providerOptions?.midjourney);
    const warnings: Warning[] = [];
    const hooks = { notifyHook: settings.notifyHook, state: settings.state };
    let start: Submit | undefined;
    if (options.resume) {
      if (typeof options.resume.jobId !== 'string' || options.resume.jobId.trim() === '') {
        throw new InvalidArgumentError({ argument: 'resume.jobId', message: 'must be a non-empty string', value: options.resume.jobId });
      }
      warnIgnored(options, warnings, 'resume polls an existing job');
      if (options.action) warnings.push({ type: 'unsupported-setting', setting: 'action', details: 'resume polls an existing job; the action was not submitted' });
    } else if (options.action) {
      warnIgnored(options, warnings, 'an action runs on its parent job');
      const api = settings.api ?? this.config.api;
      const action = options.action;
      start = async (signal) => {
        const request = await prepareMidjourneyAction(this.config, action, { api, abortSignal: signal, headers: options.headers });
        warnings.push(...request.warnings);
        return this.submit(request.path, Object.assign({}, request.body, hooks), options, signal);
      };
    } else if (settings.blend) {
      const body = Object.assign({ base64Array: this.blendImages(options), dimensions: blendDimensions(options, settings, warnings) }, hooks, this.botType(settings));
      start = (signal) => this.submit('/submit/blend', body, options, signal);
    } else {
      const body = Object.assign({}, this.imagineBody(options, settings, warnings), hooks, this.botType(settings));
      start = (signal) => this.submit('/submit/imagine', body, options, signal);
    }
    if (options.mask) warnings.push({ type: 'unsupported-setting', setting: 'mask', details: 'inpainting needs the Plus modal flow, which aigc does not drive' });

    const { jobId, task, headers } = await runMidjourneyJob(this.config, {
      jobId: options.resume?.jobId,
      start,
      abortSignal: options.abortSignal,
      onProgress: options.onProgress,
      headers: options.headers,
      pollIntervalMs: settings.pollIntervalMs,
    });
    if (!task.imageUrl) {
      throw new NoContentGeneratedError({ provider: this.provider, message: `${this.provider} job ${jobId} succeeded without an imageUrl` });
    }
    const grid = isGrid(task);
    const { images, split } = await toMidjourneyImages({
      jobId,
      imageUrl: task.imageUrl,
      grid,
      split: settings.split,
      n: options.n,
      fetch: this.config.fetch,
      abortSignal: options.abortSignal,
      warnings,
    });
    return {
      images,
      warnings,
      response: { id: jobId, modelId: this.modelId, timestamp: new Date(task.finishTime ?? Date.now()), headers: headers ? headersToRecord(headers) : undefined },
      providerMetadata: { midjourney: taskMetadata(task, grid, split) },
    };
  }

  private async submit(path: string, body: Record<string, unknown>, options: ImageModelCallOptions, signal: AbortSignal | undefined): Promise<string> {
    const result = await submitMidjourney(this.config, { path, body, headers: options.headers, abortSignal: signal });
    return result.jobId;
  }

  private imagineBody(options: ImageModelCallOptions, settings: MidjourneyImageOptions, warnings: Warning[]): Record<string, unknown> {
    const prompt = options.prompt ?? '';
    if (prompt.trim() === '') throw new InvalidArgumentError({ argument: 'prompt', message: 'Midjourney needs a prompt (or blend, action or resume)' });
    const base64Array: string[] = [];
    const imageUrls: string[] = [];
    (options.images ?? []).forEach((image, index) => {
      const input = toMidjourneyImageInput(image.data, image.mediaType, `images[${index}]`);
      if (input.type === 'url') imageUrls.push(input.url);
      else base64Array.push(input.dataUrl);
    });
    const built = buildMidjourneyPrompt({
      prompt,
      version: this.version,
      aspectRatio: options.aspectRatio,
      size: options.size,
      seed: options.seed,
      negativePrompt: options.negativePrompt,
      parameters: settings.parameters,
      imageUrls,
    });
    warnings.push(...built.warnings);
    return { prompt: built.prompt, base64Array: base64Array.length ? base64Array : undefined };
  }

  private blendImages(options: ImageModelCallOptions): string[] {
    const images = options.images ?? [];
    if (images.length < 2 || images.length > 5) {
      throw new InvalidArgumentError({ argument: 'images', message: `blend takes 2 to 5 images, got ${images.length}` });
    }
    return images.map((image, index) => toMidjourneyDataUrl(image.data, image.mediaType, `images[${index}]`));
  }

  /** Plus proxies route by `botType`; the open-source proxy ignores it, and `--niji` in the prompt works on both. */
  private botType(settings: MidjourneyImageOptions): Record<string, unknown> {
    const api = settings.api ?? this.config.api;
    return api === 'plus' && this.version?.name === 'niji' ? { botType: 'NIJI_JOURNEY' } : {};
  }
}

function warnIgnored(options: ImageModelCallOptions, warnings: Warning[], why: string): void {
  const ignored: Array<[string, unknown]> = [
    ['prompt', options.prompt?.trim() ? options.prompt : undefined],
    ['images', options.images?.length ? options.images : undefined],
    ['size', options.size],
    ['aspectRatio', options.aspectRatio],
    ['seed', options.seed],
    ['negativePrompt', options.negativePrompt],
  ];
  for (const [setting, value] of ignored) {
    if (value !== undefined) warnings.push({ type: 'unsupported-setting', setting, details: `${why}; ${setting} was not sent` });
  }
}

function blendDimensions(options: ImageModelCallOptions, settings: MidjourneyImageOptions, warnings: Warning[]): MidjourneyBlendDimensions {
  if (options.prompt?.trim()) warnings.push({ type: 'unsupported-setting', setting: 'prompt', details: 'blend takes no prompt; it was not sent' });
  for (const setting of ['seed', 'negativePrompt', 'size'] as const) {
    if (options[setting] !== undefined) warnings.push({ type: 'unsupported-setting', setting, details: `blend takes no ${setting}; it was not sent` });
  }
  if (settings.dimensions) {
    if (options.aspectRatio) warnings.push({ type: 'unsupported-setting', setting: 'aspectRatio', details: 'providerOptions.midjourney.dimensions was used instead' });
    return settings.dimensions;
  }
  if (!options.aspectRatio) return 'SQUARE';
  const [width, height] = options.aspectRatio.split(':').map(Number) as [number, number];
  const ratio = width / height;
  const dimensions: MidjourneyBlendDimensions = ratio < 1 ? 'PORTRAIT' : ratio > 1 ? 'LANDSCAPE' : 'SQUARE';
  const exact = { PORTRAIT: 2 / 3, SQUARE: 1, LANDSCAPE: 3 / 2 }[dimensions];
  if (Math.abs(ratio - exact) > 1e-9) {
    warnings.push({ type: 'unsupported-setting', setting: 'aspectRatio', details: `blend makes only 2:3, 1:1 or 3:2; ${options.aspectRatio} was sent as ${dimensions}` });
  }
  return dimensions;
}

function isGrid(task: MidjourneyTask): boolean {
  if (task.buttons.length > 0) return task.buttons.some((button) => button.customId.split('::')[2] === 'upsample');
  return GRID_ACTIONS.has(task.action ?? 'IMAGINE');
}

function taskMetadata(task: MidjourneyTask, grid: boolean, split: boolean): Record<string, unknown> {
  return {
    jobId: task.id,
    action: task.action,
    status: task.status,
    grid,
    split,
    imageUrl: task.imageUrl,
    prompt: task.prompt,
    promptEn: task.promptEn,
    finalPrompt: task.finalPrompt,
    buttons: task.buttons,
    customIds: task.buttons.map((button) => button.customId),
    submitTime: task.submitTime,
    finishTime: task.finishTime,
  };
}
