import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import { NoContentGeneratedError } from '../../src/errors/no-content-generated-error.js';
import { UnsupportedFunctionalityError } from '../../src/errors/unsupported-functionality-error.js';
import { headersToRecord, isRecord, readJson, sendRequest } from '../../src/http/index.js';
import type { ImageModel, ImageModelCallOptions, ImageModelOutput, ImageModelResult, Warning } from '../../src/provider/index.js';
import { uint8ArrayToBase64 } from '../../src/util/base64.js';
import type { Automatic1111Config } from './automatic1111-config.js';
import { parseAutomatic1111Error } from './automatic1111-error.js';
import { parseAutomatic1111ImageOptions, type Automatic1111ImageOptions } from './automatic1111-image-options.js';
import { parseAutomatic1111Info } from './automatic1111-info.js';
import { startAutomatic1111Progress } from './automatic1111-progress.js';
import { resolveImageInput } from './stability-image-input.js';

// The WebUI's own default size; SD 1.x checkpoints are trained at it. Pass `size` for SDXL (1024).
const DEFAULT_SIDE = 512;

/**
 * A Stable Diffusion checkpoint on a self-hosted AUTOMATIC1111 WebUI
 * (`--api`). Text-to-image posts `/sdapi/v1/txt2img`; with input images,
 * `/sdapi/v1/img2img`. The request blocks until the images are done, so
 * progress comes from polling `/sdapi/v1/progress` beside it.
 *
 * @example
 * ```ts
 * const { images, providerMetadata } = await generateImage({ model: automatic1111.image('sd_xl_base_1.0'), prompt: 'a lighthouse', n: 2 });
 * console.log(providerMetadata.automatic1111); // the seeds the WebUI used
 * ```
 */
export class Automatic1111ImageModel implements ImageModel {
  readonly specificationVersion = 'v1' as const;
  /** The checkpoint name, or `default` for whatever the WebUI has loaded. */
  readonly modelId: string;
  /** One request generates a batch (`batch_size`); larger batches risk running the GPU out of memory. */
  readonly maxImagesPerCall = 8;
  private readonly config: Automatic1111Config;
  private readonly checkpoint: string | undefined;

  /** Built by the provider factory; not called by users. */
  constructor(checkpoint: string | undefined, config: Automatic1111Config) {
    this.checkpoint = checkpoint;
    this.modelId = checkpoint ?? 'default';
    this.config = config;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: ImageModelCallOptions): Promise<ImageModelResult> {
    const { options: a1111, wireFields } = parseAutomatic1111ImageOptions(options.providerOptions?.automatic1111);
    if (options.resume !== undefined || options.action !== undefined) {
      throw new UnsupportedFunctionalityError({
        functionality: options.resume ? 'resuming a job (the WebUI has no job ids to resume)' : 'job actions',
        provider: this.provider,
      });
    }
    if (options.seed !== undefined && (!Number.isInteger(options.seed) || options.seed < -1)) {
      throw new InvalidArgumentError({ argument: 'seed', message: 'must be an integer (-1 = random)', value: options.seed });
    }
    // Settings errors (a malformed baseURL) surface before any input image is downloaded.
    const baseURL = this.config.baseURL();
    const headers = Object.assign({}, this.config.headers(), options.headers);
    const warnings: Warning[] = [];
    const body = await this.buildBody(options, a1111, warnings);
    const img2img = body.init_images !== undefined;
    Object.assign(body, wireFields);

    const jobId = options.onProgress ? `aigc-${crypto.randomUUID()}` : undefined;
    if (jobId) body.force_task_id = jobId;
    const poller = jobId
      ? startAutomatic1111Progress({ config: this.config, jobId, headers, livePreview: a1111.livePreview === true, abortSignal: options.abortSignal, onProgress: options.onProgress! })
      : undefined;

    let data: unknown;
    let responseHeaders: Headers;
    try {
      const { response, context } = await sendRequest({
        provider: this.provider,
        url: `${baseURL}/sdapi/v1/${img2img ? 'img2img' : 'txt2img'}`,
        headers: Object.assign({}, headers, { 'content-type': 'application/json' }),
        body: JSON.stringify(body),
        fetch: this.config.fetch,
        abortSignal: options.abortSignal,
        parseError: parseAutomatic1111Error,
      });
      responseHeaders = response.headers;
      data = await readJson(response, context);
    } finally {
      const progressWarning = await poller?.stop();
      if (progressWarning) warnings.push(progressWarning);
    }
    const result = this.mapResponse(data, responseHeaders, warnings, jobId);
    options.onProgress?.({ jobId: jobId!, status: 'succeeded', progress: 1 });
    return result;
  }

  private async buildBody(options: ImageModelCallOptions, a1111: Automatic1111ImageOptions, warnings: Warning[]): Promise<Record<string, unknown>> {
    const [width, height] = this.dimensions(options, warnings);
    const overrideSettings: Record<string, unknown> = Object.assign({}, a1111.overrideSettings);
    if (a1111.clipSkip !== undefined) overrideSettings.CLIP_stop_at_last_layers = a1111.clipSkip;
    if (this.checkpoint !== undefined) overrideSettings.sd_model_checkpoint = this.checkpoint;
    const body: Record<string, unknown> = {
      prompt: options.prompt ?? '',
      negative_prompt: options.negativePrompt,
      seed: options.seed ?? -1,
      batch_size: options.n,
      width,
      height,
      steps: a1111.steps,
      sampler_name: a1111.samplerName,
      scheduler: a1111.scheduler,
      cfg_scale: a1111.cfgScale,
      restore_faces: a1111.restoreFaces,
      tiling: a1111.tiling,
      enable_hr: a1111.enableHr,
      hr_scale: a1111.hrScale,
      hr_upscaler: a1111.hrUpscaler,
      denoising_strength: a1111.denoisingStrength,
      styles: a1111.styles,
      override_settings: Object.keys(overrideSettings).length > 0 ? overrideSettings : undefined,
    };
    const context = { fetch: this.config.fetch, abortSignal: options.abortSignal };
    if (options.images && options.images.length > 0) {
      const images = await Promise.all(options.images.map((image, index) => resolveImageInput(image, Object.assign({}, context, { argument: `images[${index}]` }))));
      body.init_images = images.map((image) => uint8ArrayToBase64(image.bytes));
      if (options.mask) body.mask = uint8ArrayToBase64((await resolveImageInput(options.mask, Object.assign({}, context, { argument: 'mask' }))).bytes);
    } else if (options.mask) {
      warnings.push({ type: 'unsupported-setting', setting: 'mask', details: 'a mask needs an input image (img2img)' });
    }
    return body;
  }

  /** `size` as is; `aspectRatio` as about 512² pixels in multiples of 8 (the WebUI's rounding). */
  private dimensions(options: ImageModelCallOptions, warnings: Warning[]): [number | undefined, number | undefined] {
    if (options.size !== undefined) {
      if (options.aspectRatio !== undefined) warnings.push({ type: 'unsupported-setting', setting: 'aspectRatio', details: 'size was given and wins' });
      const [width, height] = options.size.split('x').map(Number);
      return [width, height];
    }
    if (options.aspectRatio === undefined) return [undefined, undefined];
    const [w, h] = options.aspectRatio.split(':').map(Number);
    const ratio = w! / h!;
    const width = Math.round((DEFAULT_SIDE * Math.sqrt(ratio)) / 8) * 8;
    const height = Math.round(DEFAULT_SIDE / Math.sqrt(ratio) / 8) * 8;
    warnings.push({ type: 'other', message: `aspectRatio ${options.aspectRatio} was sent as ${width}x${height}; pass size for other resolutions` });
    return [width, height];
  }

  private mapResponse(data: unknown, headers: Headers, warnings: Warning[], jobId: string | undefined): ImageModelResult {
    if (!isRecord(data) || !Array.isArray(data.images)) {
      throw new InvalidResponseError({ provider: this.provider, message: 'expected { images: [...], info }', rawValue: JSON.stringify(data) });
    }
    const info = parseAutomatic1111Info(data.info);
    const all = data.images.filter((image): image is string => typeof image === 'string' && image !== '');
    const generated = all.slice(info.indexOfFirstImage, info.seeds.length > 0 ? info.indexOfFirstImage + info.seeds.length : undefined);
    if (generated.length === 0) throw new NoContentGeneratedError({ provider: this.provider, message: 'the WebUI returned no images' });
    const extra = all.length - generated.length;
    if (extra > 0) warnings.push({ type: 'other', message: `${extra} extra image(s) (a grid or script output) were left out` });
    const images: ImageModelOutput[] = generated.map((image) => ({ type: 'base64', data: image, mediaType: 'image/png' }));
    const metadata: Record<string, unknown> = { seeds: info.seeds, subseeds: info.subseeds, infotexts: info.infotexts };
    if (info.sdModelName !== undefined) metadata.sdModelName = info.sdModelName;
    if (info.sdModelHash !== undefined) metadata.sdModelHash = info.sdModelHash;
    if (jobId !== undefined) metadata.taskId = jobId;
    return {
      images,
      warnings,
      response: { modelId: info.sdModelName ?? this.modelId, timestamp: new Date(), headers: headersToRecord(headers) },
      providerMetadata: { automatic1111: metadata },
    };
  }
}
