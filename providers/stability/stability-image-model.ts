import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import { UnsupportedFunctionalityError } from '../../src/errors/unsupported-functionality-error.js';
import { asNumber, asString, headersToRecord, isRecord, readJson, sendRequest, type MultipartForm } from '../../src/http/index.js';
import { runJob } from '../../src/jobs/index.js';
import type { ImageModel, ImageModelCallOptions, ImageModelResult, Warning } from '../../src/provider/index.js';
import { base64ToUint8Array } from '../../src/util/base64.js';
import type { StabilityConfig } from './stability-config.js';
import { applyStabilityRateLimit, parseStabilityError } from './stability-error.js';
import { resolveImageInput, type ResolvedImage } from './stability-image-input.js';
import { parseStabilityImageOptions, type StabilityImageOptions } from './stability-image-options.js';
import { mapStabilityImages, readStabilityImage, type StabilityImage } from './stability-image-response.js';
import { buildStabilityV1Request } from './stability-v1-request.js';
import { stabilityV2Endpoint, type StabilityV2Endpoint } from './stability-v2-endpoint.js';
import { buildStabilityV2Form, validateStabilityV2Call } from './stability-v2-form.js';

/**
 * Stability model ids: the v2beta `core`, `ultra` and `sd3` family, `inpaint`,
 * the asynchronous `upscale-creative`, or any v1 engine id
 * (`stable-diffusion-xl-1024-v1-0`, `stable-diffusion-v1-6`).
 */
export type StabilityImageModelId =
  | 'core'
  | 'ultra'
  | 'sd3'
  | 'sd3.5-large'
  | 'sd3.5-large-turbo'
  | 'sd3.5-medium'
  | 'sd3-large'
  | 'sd3-large-turbo'
  | 'sd3-medium'
  | 'inpaint'
  | 'upscale-creative'
  | 'stable-diffusion-xl-1024-v1-0'
  | 'stable-diffusion-v1-6'
  | (string & {});

/** Prepared inputs of one call. */
interface Prepared {
  stability: StabilityImageOptions;
  wireFields: Record<string, unknown>;
  image: ResolvedImage | undefined;
  mask: ResolvedImage | undefined;
  warnings: Warning[];
}

// Stability's documented seed range (v1 allows one more; the stricter bound serves both).
const MAX_SEED = 4_294_967_294;

/**
 * A Stability AI image model. v2beta ids post multipart to
 * `/v2beta/stable-image/…` with `Accept: image/*` and read the image bytes
 * with their `finish-reason` and `seed` headers; `upscale-creative` is
 * submitted and polled at `/v2beta/results/{id}` through `runJob`; other ids
 * are v1 engines (`/v1/generation/{engine}/…`, JSON artifacts).
 *
 * @example
 * ```ts
 * const { image } = await generateImage({
 *   model: stability.image('sd3.5-large'), prompt: 'a lighthouse at dusk', aspectRatio: '3:2',
 *   providerOptions: { stability: { negative_prompt: 'blurry' } },
 * });
 * ```
 */
export class StabilityImageModel implements ImageModel {
  readonly specificationVersion = 'v1' as const;
  readonly modelId: string;
  /** v2beta returns one image per request; v1 up to 10 (`samples`). */
  readonly maxImagesPerCall: number;
  private readonly config: StabilityConfig;
  private readonly endpoint: StabilityV2Endpoint | undefined;

  /** Built by the provider factory; not called by users. */
  constructor(modelId: StabilityImageModelId, config: StabilityConfig) {
    this.modelId = modelId;
    this.config = config;
    this.endpoint = stabilityV2Endpoint(modelId);
    this.maxImagesPerCall = this.endpoint ? 1 : 10;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: ImageModelCallOptions): Promise<ImageModelResult> {
    const parsed = parseStabilityImageOptions(options.providerOptions?.stability);
    if (options.seed !== undefined && (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > MAX_SEED)) {
      throw new InvalidArgumentError({ argument: 'seed', message: `Stability takes an integer from 0 to ${MAX_SEED} (0 = random)`, value: options.seed });
    }
    if (options.action !== undefined) {
      throw new UnsupportedFunctionalityError({ functionality: 'job actions (upscale/variation/reroll on a parent job)', provider: this.provider });
    }
    if (options.resume !== undefined) return this.pollResult(options.resume.jobId, options, parsed.options, []);
    if (options.prompt === undefined || options.prompt === '') {
      throw new InvalidArgumentError({ argument: 'prompt', message: `${this.modelId} needs a non-empty prompt` });
    }
    if (this.endpoint) validateStabilityV2Call(this.endpoint, options, parsed.wireFields);
    const prepared = await this.prepare(options, parsed);
    if (!this.endpoint) return this.generateV1(options, prepared);
    if (this.endpoint.async) return this.submitAsync(this.endpoint, options, prepared);
    return this.generateV2(this.endpoint, options, prepared);
  }

  private async prepare(options: ImageModelCallOptions, parsed: ReturnType<typeof parseStabilityImageOptions>): Promise<Prepared> {
    const warnings: Warning[] = [];
    const takesImage = this.endpoint ? this.endpoint.image !== 'none' : true;
    const takesMask = this.endpoint ? this.endpoint.mask : true;
    const images = options.images ?? [];
    if (this.endpoint?.image === 'required' && images.length === 0) {
      throw new InvalidArgumentError({ argument: 'images', message: `${this.modelId} needs an input image` });
    }
    if (images.length > 0 && !takesImage) {
      warnings.push({ type: 'unsupported-setting', setting: 'images', details: `${this.modelId} is text-to-image only; use ultra or an sd3 model for image-to-image` });
    }
    if (images.length > 1 && takesImage) {
      warnings.push({ type: 'unsupported-setting', setting: 'images', details: `Stability takes one input image; images[1..${images.length - 1}] were not sent` });
    }
    if (options.mask !== undefined && !takesMask) {
      warnings.push({ type: 'unsupported-setting', setting: 'mask', details: `${this.modelId} takes no mask; use the inpaint model` });
    }
    if (!this.endpoint?.async && (parsed.options.pollIntervalMs !== undefined || parsed.options.pollTimeoutMs !== undefined)) {
      warnings.push({ type: 'unsupported-setting', setting: 'providerOptions.stability.pollIntervalMs', details: `${this.modelId} answers synchronously; nothing is polled` });
    }
    const context = { fetch: this.config.fetch, abortSignal: options.abortSignal };
    const image = takesImage && images[0] ? await resolveImageInput(images[0], Object.assign({}, context, { argument: 'images[0]' })) : undefined;
    const mask = takesMask && options.mask ? await resolveImageInput(options.mask, Object.assign({}, context, { argument: 'mask' })) : undefined;
    return { stability: parsed.options, wireFields: parsed.wireFields, image, mask, warnings };
  }

  private async post(path: string, body: string | MultipartForm, accept: string, options: ImageModelCallOptions) {
    try {
      return await sendRequest({
        provider: this.provider,
        url: `${this.config.baseURL()}${path}`,
        // A form sets its own multipart content type (sendRequest).
        headers: Object.assign({}, this.config.headers(), options.headers, { accept, 'content-type': typeof body === 'string' ? 'application/json' : undefined }),
        body,
        fetch: this.config.fetch,
        abortSignal: options.abortSignal,
        parseError: parseStabilityError,
      });
    } catch (error) {
      throw applyStabilityRateLimit(error);
    }
  }

  private async generateV2(endpoint: StabilityV2Endpoint, options: ImageModelCallOptions, prepared: Prepared): Promise<ImageModelResult> {
    const { form, warnings } = buildStabilityV2Form({ endpoint, modelId: this.modelId, call: options, ...prepared });
    const { response, context } = await this.post(`/v2beta/stable-image/${endpoint.path}`, form, 'image/*', options);
    const image = await readStabilityImage(response, context);
    return this.result([image], response.headers, [...prepared.warnings, ...warnings]);
  }

  private async generateV1(options: ImageModelCallOptions, prepared: Prepared): Promise<ImageModelResult> {
    const request = buildStabilityV1Request({ call: options, ...prepared });
    const path = `/v1/generation/${encodeURIComponent(this.modelId)}/${request.path}`;
    const { response, context } = await this.post(path, request.body, 'application/json', options);
    const data = await readJson(response, context);
    if (!isRecord(data) || !Array.isArray(data.artifacts)) {
      throw new InvalidResponseError({ provider: this.provider, message: 'expected { artifacts: [...] }', rawValue: JSON.stringify(data) });
    }
    const images: StabilityImage[] = data.artifacts.filter(isRecord).map((artifact) => {
      const base64 = asString(artifact.base64);
      return {
        bytes: base64 ? base64ToUint8Array(base64) : new Uint8Array(0),
        mediaType: 'image/png',
        finishReason: asString(artifact.finishReason),
        seed: asNumber(artifact.seed),
      };
    });
    return this.result(images, response.headers, [...prepared.warnings, ...request.warnings]);
  }

  private async submitAsync(endpoint: StabilityV2Endpoint, options: ImageModelCallOptions, prepared: Prepared): Promise<ImageModelResult> {
    const { form, warnings } = buildStabilityV2Form({ endpoint, modelId: this.modelId, call: options, ...prepared });
    const start = async (signal: AbortSignal | undefined) => {
      const { response, context } = await this.post(`/v2beta/stable-image/${endpoint.path}`, form, 'application/json', Object.assign({}, options, { abortSignal: signal }));
      const data = await readJson(response, context);
      const id = isRecord(data) ? asString(data.id) : undefined;
      if (!id) throw new InvalidResponseError({ provider: this.provider, message: 'expected { id } from an async endpoint', rawValue: JSON.stringify(data) });
      return id;
    };
    return this.pollResult(undefined, options, prepared.stability, [...prepared.warnings, ...warnings], start);
  }

  /** Polls `/v2beta/results/{id}`: 202 while the job runs, 200 with the image (same headers as a synchronous answer). */
  private async pollResult(
    jobId: string | undefined,
    options: ImageModelCallOptions,
    stability: StabilityImageOptions,
    warnings: Warning[],
    start?: (signal: AbortSignal | undefined) => Promise<string>,
  ): Promise<ImageModelResult> {
    const job = await runJob<{ image: StabilityImage; headers: Headers }>({
      provider: this.provider,
      jobId,
      start,
      poll: async (id, signal) => {
        const { response, context } = await sendRequest({
          provider: this.provider,
          url: `${this.config.baseURL()}/v2beta/results/${encodeURIComponent(id)}`,
          method: 'GET',
          headers: Object.assign({}, this.config.headers(), options.headers, { accept: 'image/*' }),
          fetch: this.config.fetch,
          abortSignal: signal,
          parseError: parseStabilityError,
        });
        if (response.status === 202) {
          const data = await readJson(response, context).catch(() => undefined);
          return { state: 'running', status: (isRecord(data) ? asString(data.status) : undefined) ?? 'in-progress' };
        }
        return { state: 'succeeded', status: 'succeeded', result: { image: await readStabilityImage(response, context), headers: response.headers } };
      },
      intervalMs: stability.pollIntervalMs ?? 2_000,
      maxIntervalMs: Math.max(stability.pollIntervalMs ?? 0, 10_000),
      timeoutMs: stability.pollTimeoutMs,
      abortSignal: options.abortSignal,
      onProgress: options.onProgress,
    });
    const result = this.result([job.result.image], job.result.headers, warnings);
    result.providerMetadata!.stability!.jobId = job.jobId;
    result.response.id ??= job.jobId;
    return result;
  }

  private result(images: StabilityImage[], headers: Headers, warnings: Warning[]): ImageModelResult {
    const mapped = mapStabilityImages(images, this.provider);
    return {
      images: mapped.images,
      warnings: [...warnings, ...mapped.warnings],
      response: { id: headers.get('x-request-id') ?? undefined, modelId: this.modelId, timestamp: new Date(), headers: headersToRecord(headers) },
      providerMetadata: { stability: { seeds: mapped.seeds, finishReasons: mapped.finishReasons } },
    };
  }
}
