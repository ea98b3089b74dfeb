import { UnsupportedFunctionalityError } from '../../src/errors/unsupported-functionality-error.js';
import { sendRequest } from '../../src/http/index.js';
import { runJob } from '../../src/jobs/index.js';
import type { ImageModel, ImageModelCallOptions, ImageModelResult, Warning } from '../../src/provider/index.js';
import { uint8ArrayToBase64 } from '../../src/util/base64.js';
import { withAccessToken } from './baidu-access-token.js';
import type { BaiduConfig } from './baidu-config.js';
import { parseBaiduError } from './baidu-error.js';
import { parseBaiduVilgOptions } from './baidu-image-options.js';
import { mapVilgTask, parseVilgTaskId } from './baidu-vilg-task.js';
import { prepareBaiduImageCall, type BaiduImageLimits } from './prepare-baidu-image-call.js';
import { readBaiduJson } from './read-baidu-json.js';

/** Settings of an ERNIE-ViLG model: `baidu.image('ernie-vilg-v2', { pollIntervalMs: 3000 })`. */
export interface BaiduVilgSettings {
  /** Wait before the first poll and the starting poll interval, ms; default 3000 (Baidu throttles faster polling). */
  pollIntervalMs?: number;
  /** The longest poll interval, ms; default 10000. */
  maxPollIntervalMs?: number;
}

/** The sizes ERNIE-ViLG v2 renders. */
const SIZES = ['512x512', '640x360', '360x640', '1024x1024', '1280x720', '720x1280', '2048x2048', '2560x1440', '1440x2560'];
const VILG_LIMITS: BaiduImageLimits = {
  name: 'ERNIE-ViLG',
  maxPromptChars: 200,
  aspectRatios: { '1:1': '1024x1024', '16:9': '1280x720', '9:16': '720x1280' },
  checkSize: (size) => (SIZES.includes(size) ? undefined : `ERNIE-ViLG renders ${SIZES.join(', ')}`),
  unsupported: ['seed', 'negativePrompt', 'mask'],
};

/**
 * 文心一格 ERNIE-ViLG 2.0: submit to `txt2imgv2`, poll `getImgv2` through
 * the job engine (progress events, resume by task id). Task ids are 19-digit
 * numbers, so they are read from the raw text and kept as strings.
 *
 * @example
 * ```ts
 * const { images } = await generateImage({
 *   model: baidu.image('ernie-vilg-v2'), prompt: '睡莲，莫奈风格', n: 2,
 *   onProgress: (event) => console.log(event.jobId, event.progress),
 * });
 * ```
 */
export class BaiduVilgImageModel implements ImageModel {
  readonly specificationVersion = 'v1' as const;
  readonly provider = 'baidu.image';
  readonly modelId: string;
  readonly maxImagesPerCall = 8;
  private readonly config: BaiduConfig;
  private readonly settings: BaiduVilgSettings;

  /** Built by the Baidu provider. */
  constructor(modelId: string, config: BaiduConfig, settings: BaiduVilgSettings = {}) {
    this.modelId = modelId;
    this.config = config;
    this.settings = settings;
  }

  private prepare(options: ImageModelCallOptions): { body: Record<string, unknown> | undefined; warnings: Warning[] } {
    const baidu = parseBaiduVilgOptions(options.providerOptions?.baidu);
    if (options.resume) return { body: undefined, warnings: [] };
    const { prompt, size = '1024x1024', warnings } = prepareBaiduImageCall(options, VILG_LIMITS);
    const [width, height] = size.split('x').map(Number);
    const reference = options.images?.[0]?.data;
    return {
      warnings,
      body: {
        prompt,
        version: baidu.version ?? 'v2',
        width,
        height,
        image_num: options.n,
        image: reference === undefined || reference instanceof URL ? undefined : reference instanceof Uint8Array ? uint8ArrayToBase64(reference) : reference,
        url: reference instanceof URL ? reference.toString() : undefined,
        change_degree: baidu.changeDegree,
        text_content: baidu.textContent,
        task_time_out: baidu.taskTimeOut,
        text_check: baidu.textCheck,
      },
    };
  }

  private post(path: 'txt2imgv2' | 'getImgv2', body: unknown, options: ImageModelCallOptions, signal: AbortSignal | undefined): Promise<unknown> {
    return withAccessToken(this.config.accessToken, signal, async (token) => {
      const { response, context } = await sendRequest({
        provider: this.provider,
        url: `${this.config.baseURLs.aip()}/rpc/2.0/ernievilg/v1/${path}?access_token=${encodeURIComponent(token)}`,
        headers: Object.assign({}, this.config.headers(), options.headers, { 'content-type': 'application/json' }),
        body: JSON.stringify(body),
        fetch: this.config.fetch,
        abortSignal: signal,
        parseError: parseBaiduError,
      });
      return readBaiduJson(response, context);
    });
  }

  async doGenerate(options: ImageModelCallOptions): Promise<ImageModelResult> {
    if (options.action) throw new UnsupportedFunctionalityError({ functionality: `image action "${options.action.type}"`, provider: this.provider });
    const { body, warnings } = this.prepare(options);
    const { jobId, result } = await runJob({
      provider: this.provider,
      jobId: options.resume?.jobId,
      start: body && (async (signal) => parseVilgTaskId(await this.post('txt2imgv2', body, options, signal), this.provider)),
      poll: async (taskId, signal) => mapVilgTask(await this.post('getImgv2', { task_id: taskId }, options, signal), this.provider),
      intervalMs: this.settings.pollIntervalMs ?? 3_000,
      maxIntervalMs: this.settings.maxPollIntervalMs ?? 10_000,
      abortSignal: options.abortSignal,
      onProgress: options.onProgress,
    });
    if (result.rejected > 0) warnings.push({ type: 'other', message: `${result.rejected} image(s) failed or did not pass Baidu's content review` });
    return {
      images: result.images.map((image) => ({ type: 'url', url: image.url })),
      warnings,
      response: { id: jobId, modelId: this.modelId, timestamp: new Date(), headers: {} },
      providerMetadata: { baidu: { taskId: jobId, images: result.images.map(({ width, height }) => ({ width, height })) } },
    };
  }
}
