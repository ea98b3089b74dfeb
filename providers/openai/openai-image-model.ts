import { UnsupportedFunctionalityError } from '../../src/errors/unsupported-functionality-error.js';
import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import { asNumber, asString, headersToRecord, isRecord, MultipartForm, readJson, sendRequest, type RequestContext } from '../../src/http/index.js';
import type { ImageInput, ImageModel, ImageModelCallOptions, ImageModelOutput, ImageModelResult, Warning } from '../../src/provider/index.js';
import { base64ToUint8Array } from '../../src/util/base64.js';
import type { OpenAIConfig } from './openai-config.js';
import type { OpenAIMediaModelSettings } from './openai-media-model-settings.js';
import { parseOpenAIError } from './openai-error.js';
import { parseOpenAIImageOptions, type OpenAIImageOptions } from './openai-image-options.js';

/** Image model ids OpenAI serves; any string is accepted. */
export type OpenAIImageModelId = 'gpt-image-1' | 'gpt-image-1-mini' | 'dall-e-3' | 'dall-e-2' | (string & {});

// Sizes each family accepts, keyed by the aspect ratio they realise (WIRE §1.4).
const SIZES_BY_RATIO: Record<'gpt-image' | 'dall-e-3' | 'dall-e-2', Record<string, string>> = {
  'gpt-image': { '1:1': '1024x1024', '3:2': '1536x1024', '2:3': '1024x1536' },
  'dall-e-3': { '1:1': '1024x1024', '7:4': '1792x1024', '4:7': '1024x1792', '16:9': '1792x1024', '9:16': '1024x1792' },
  'dall-e-2': { '1:1': '1024x1024' },
};

/**
 * An OpenAI image model: `POST /images/generations` for text-to-image and
 * `POST /images/edits` (multipart) when input images are given. GPT-image
 * models answer base64; dall-e models answer URLs, which core downloads.
 * Takes an {@link OpenAIConfig}, so Azure and compatible servers reuse it.
 *
 * @example
 * const { image } = await generateImage({ model: openai.image('gpt-image-1'), prompt: 'an apple', providerOptions: { openai: { quality: 'high' } } });
 */
export class OpenAIImageModel implements ImageModel {
  readonly specificationVersion = 'v1' as const;
  readonly modelId: string;
  readonly maxImagesPerCall: number;
  private readonly config: OpenAIConfig;
  /** The OpenAI model behind `modelId`, which decides the wire details. */
  private readonly baseModel: string;
  private readonly optionsKey: string;

  /** Built by a provider factory; not called by users. */
  constructor(modelId: string, config: OpenAIConfig, settings: OpenAIMediaModelSettings = {}) {
    this.modelId = modelId;
    this.config = config;
    this.optionsKey = config.provider.split('.')[0]!;
    this.baseModel = settings.baseModel ?? modelId;
    this.maxImagesPerCall = familyOf(this.baseModel) === 'dall-e-3' ? 1 : 10;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: ImageModelCallOptions): Promise<ImageModelResult> {
    if (options.resume || options.action) {
      throw new UnsupportedFunctionalityError({
        functionality: options.resume ? 'resuming jobs' : `image actions (${options.action!.type})`,
        provider: this.provider,
        message: `${this.provider} generates images synchronously; it has no jobs to resume or act on.`,
      });
    }
    const family = familyOf(this.baseModel);
    const settings: OpenAIImageOptions = Object.assign(
      {},
      parseOpenAIImageOptions(options.providerOptions?.openai, 'openai'),
      this.optionsKey !== 'openai' ? parseOpenAIImageOptions(options.providerOptions?.[this.optionsKey], this.optionsKey) : undefined,
    );
    const warnings: Warning[] = [];
    let size: string | undefined = options.size;
    if (options.aspectRatio !== undefined) {
      size = SIZES_BY_RATIO[family][options.aspectRatio];
      warnings.push(size
        ? { type: 'other', message: `aspectRatio ${options.aspectRatio} was sent as size ${size}` }
        : { type: 'unsupported-setting', setting: 'aspectRatio', details: `${this.modelId} supports ${Object.keys(SIZES_BY_RATIO[family]).join(', ')}; use size instead` });
    }
    if (options.seed !== undefined) warnings.push({ type: 'unsupported-setting', setting: 'seed' });
    if (options.negativePrompt !== undefined) {
      warnings.push({ type: 'unsupported-setting', setting: 'negativePrompt', details: 'describe what to avoid in the prompt instead' });
    }
    if (family === 'gpt-image' && settings.responseFormat !== undefined) {
      warnings.push({ type: 'unsupported-setting', setting: 'providerOptions.openai.responseFormat', details: 'GPT-image models always return base64' });
    }
    const fields = {
      model: this.config.omitModel ? undefined : this.modelId,
      prompt: options.prompt ?? '',
      n: options.n,
      size,
      quality: settings.quality,
      style: settings.style,
      background: settings.background,
      output_format: settings.outputFormat,
      output_compression: settings.outputCompression,
      moderation: settings.moderation,
      response_format: family === 'gpt-image' ? undefined : settings.responseFormat ?? 'url',
      user: settings.user,
    };
    const edit = options.images !== undefined && options.images.length > 0;
    const url = this.config.url({ path: edit ? '/images/edits' : '/images/generations', modelId: this.modelId });
    const form = edit ? editForm(fields, options.images!, options.mask) : undefined;
    const { response, context } = await sendRequest({
      provider: this.provider,
      url,
      headers: Object.assign({}, await this.config.headers(), options.headers, { 'content-type': form ? undefined : 'application/json' }),
      // A form sets its own multipart content type (sendRequest).
      body: form ?? JSON.stringify(fields),
      fetch: this.config.fetch,
      abortSignal: options.abortSignal,
      parseError: parseOpenAIError,
    });
    const data = await readJson(response, context, this.config.maxResponseBytes);
    return Object.assign({}, mapImagesResponse(data, context, settings), { warnings, response: { modelId: this.modelId, timestamp: createdAt(data), headers: headersToRecord(response.headers) } });
  }
}

function familyOf(modelId: string): 'gpt-image' | 'dall-e-3' | 'dall-e-2' {
  if (modelId.startsWith('dall-e-3')) return 'dall-e-3';
  if (modelId.startsWith('dall-e-2')) return 'dall-e-2';
  return 'gpt-image';
}

// openai-node's multipart encoding: several images go as repeated `image[]` fields.
function editForm(fields: Record<string, unknown>, images: ImageInput[], mask: ImageInput | undefined): MultipartForm {
  const form = new MultipartForm();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined && value !== '') form.append(name, String(value));
  images.forEach((image, index) => form.append(images.length > 1 ? 'image[]' : 'image', bytesOf(image), { filename: `image-${index}.${extension(image.mediaType)}`, type: image.mediaType }));
  if (mask) form.append('mask', bytesOf(mask), { filename: `mask.${extension(mask.mediaType)}`, type: mask.mediaType });
  return form;
}

function bytesOf(image: ImageInput): Uint8Array {
  return image.data instanceof Uint8Array ? image.data : base64ToUint8Array(String(image.data));
}

function extension(mediaType: string): string {
  const subtype = mediaType.split('/')[1]?.split(';')[0] ?? 'png';
  return subtype === 'jpeg' ? 'jpg' : subtype;
}

function createdAt(data: unknown): Date {
  const created = isRecord(data) ? asNumber(data.created) : undefined;
  return created === undefined ? new Date() : new Date(created * 1000);
}

function mapImagesResponse(data: unknown, context: RequestContext, settings: OpenAIImageOptions): Pick<ImageModelResult, 'images' | 'usage' | 'providerMetadata'> {
  const invalid = (message: string) => new InvalidResponseError({ provider: context.provider, message, rawValue: JSON.stringify(data).slice(0, 2000) });
  if (!isRecord(data) || !Array.isArray(data.data)) throw invalid('expected { data: [...] }');
  const format = asString(data.output_format) ?? settings.outputFormat;
  const mediaType = format ? `image/${format}` : undefined;
  const revisedPrompts: Array<string | null> = [];
  const images = data.data.map((item, index): ImageModelOutput => {
    if (!isRecord(item)) throw invalid(`data[${index}] is not an object`);
    revisedPrompts.push(asString(item.revised_prompt) ?? null);
    const b64 = asString(item.b64_json);
    if (b64) return { type: 'base64', data: b64, mediaType };
    const url = asString(item.url);
    if (url) return { type: 'url', url, mediaType };
    throw invalid(`data[${index}] has neither b64_json nor url`);
  });
  const usage = isRecord(data.usage)
    ? { inputTokens: asNumber(data.usage.input_tokens), outputTokens: asNumber(data.usage.output_tokens), totalTokens: asNumber(data.usage.total_tokens) }
    : undefined;
  const metadata: Record<string, unknown> = {};
  if (revisedPrompts.some((prompt) => prompt !== null)) metadata.revisedPrompts = revisedPrompts;
  for (const [wire, key] of [['size', 'size'], ['quality', 'quality'], ['background', 'background'], ['output_format', 'outputFormat']] as const) {
    const value = asString(data[wire]);
    if (value !== undefined) metadata[key] = value;
  }
  return { images, usage, providerMetadata: { [context.provider.split('.')[0]!]: metadata } };
}
