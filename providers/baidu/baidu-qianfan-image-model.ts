import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import { asString, createApiError, headersToRecord, isRecord, sendRequest } from '../../src/http/index.js';
import type { ImageModel, ImageModelCallOptions, ImageModelOutput, ImageModelResult, Warning } from '../../src/provider/index.js';
import { uint8ArrayToBase64 } from '../../src/util/base64.js';
import type { BaiduConfig } from './baidu-config.js';
import { parseBaiduError } from './baidu-error.js';
import { parseBaiduQianfanImageOptions } from './baidu-image-options.js';
import { prepareBaiduImageCall } from './prepare-baidu-image-call.js';
import { readBaiduJson } from './read-baidu-json.js';

/** Image models by id: ERNIE-ViLG (a job) or a Qianfan v2 image model. */
export type BaiduImageModelId = 'ernie-vilg-v2' | 'irag-1.0' | 'flux.1-schnell' | (string & {});

const ASPECT_RATIOS: Record<string, string> = {
  '1:1': '1024x1024',
  '4:3': '1024x768',
  '3:4': '768x1024',
  '16:9': '1024x576',
  '9:16': '576x1024',
};

/**
 * Qianfan v2 image models (`irag-1.0`, `flux.1-schnell`, deployed services)
 * over the synchronous, OpenAI-style `POST /v2/images/generations` with the
 * bearer API key.
 *
 * @example
 * ```ts
 * const { image } = await generateImage({ model: baidu.image('irag-1.0'), prompt: '一只橘猫，水彩', size: '1024x1024' });
 * ```
 */
export class BaiduQianfanImageModel implements ImageModel {
  readonly specificationVersion = 'v1' as const;
  readonly provider = 'baidu.image';
  readonly modelId: string;
  readonly maxImagesPerCall = 4;
  private readonly config: BaiduConfig;
  private readonly flux: boolean;

  /** Built by the Baidu provider. */
  constructor(modelId: string, config: BaiduConfig) {
    this.modelId = modelId;
    this.config = config;
    this.flux = modelId.startsWith('flux');
  }

  private prepare(options: ImageModelCallOptions): { body: Record<string, unknown>; warnings: Warning[] } {
    if (options.resume || options.action) {
      throw new InvalidArgumentError({ argument: options.resume ? 'resume' : 'action', message: `${this.modelId} is synchronous; there is no job to resume or act on` });
    }
    const baidu = parseBaiduQianfanImageOptions(options.providerOptions?.baidu);
    const { prompt, size, warnings } = prepareBaiduImageCall(options, {
      name: this.modelId,
      maxPromptChars: this.flux ? 512 : 220,
      aspectRatios: ASPECT_RATIOS,
      checkSize: (value) => (value.split('x').every((side) => Number(side) >= 512 && Number(side) <= 2048) ? undefined : 'each side must be 512–2048 pixels'),
      unsupported: this.flux ? ['negativePrompt', 'mask'] : ['seed', 'negativePrompt', 'mask'],
    });
    for (const name of ['steps', 'guidance'] as const) {
      if (!this.flux && baidu[name] !== undefined) warnings.push({ type: 'unsupported-setting', setting: `providerOptions.baidu.${name}`, details: 'flux models only' });
    }
    const reference = options.images?.[0];
    if (reference && this.flux) warnings.push({ type: 'unsupported-setting', setting: 'images', details: 'flux takes no reference image' });
    const referImage = reference && !this.flux
      ? reference.data instanceof URL
        ? reference.data.toString()
        : `data:${reference.mediaType};base64,${reference.data instanceof Uint8Array ? uint8ArrayToBase64(reference.data) : reference.data}`
      : undefined;
    return {
      warnings,
      body: {
        model: this.modelId,
        prompt,
        n: options.n,
        size,
        refer_image: referImage,
        seed: this.flux ? options.seed : undefined,
        steps: this.flux ? baidu.steps : undefined,
        guidance: this.flux ? baidu.guidance : undefined,
        user: baidu.user,
      },
    };
  }

  async doGenerate(options: ImageModelCallOptions): Promise<ImageModelResult> {
    const { body, warnings } = this.prepare(options);
    const { response, context } = await sendRequest({
      provider: this.provider,
      url: `${this.config.baseURLs.qianfan()}/v2/images/generations`,
      headers: Object.assign({}, this.config.headers(), { authorization: `Bearer ${this.config.apiKey()}` }, options.headers, { 'content-type': 'application/json' }),
      body: JSON.stringify(body),
      fetch: this.config.fetch,
      abortSignal: options.abortSignal,
      parseError: parseBaiduError,
    });
    const data = await readBaiduJson(response, context, this.config.maxResponseBytes);
    if (isRecord(data) && isRecord(data.error)) throw createApiError(context, { text: JSON.stringify(data), responseHeaders: headersToRecord(response.headers) });
    if (!isRecord(data) || !Array.isArray(data.data)) {
      throw new InvalidResponseError({ provider: this.provider, message: 'expected { data: [{ url }] }', rawValue: JSON.stringify(data) });
    }
    const images: ImageModelOutput[] = data.data.flatMap((item): ImageModelOutput[] => {
      if (!isRecord(item)) return [];
      const url = asString(item.url);
      if (url) return [{ type: 'url', url }];
      const base64 = asString(item.b64_json);
      return base64 ? [{ type: 'base64', data: base64 }] : [];
    });
    const created = typeof data.created === 'number' ? new Date(data.created * 1000) : new Date();
    return { images, warnings, response: { id: asString(data.id), modelId: this.modelId, timestamp: created, headers: headersToRecord(response.headers) } };
  }
}
