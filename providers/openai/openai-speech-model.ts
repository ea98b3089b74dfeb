import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import { NetworkError } from '../../src/errors/network-error.js';
import { createApiError, DEFAULT_MAX_RESPONSE_BYTES, headersToRecord, isRecord, ResponseTooLargeError, sendRequest, type RequestContext } from '../../src/http/index.js';
import { discardBody, readBodyAtMost } from '../../src/util/download-read.js';
import type { ResponseMetadata, SpeechModel, SpeechModelCallOptions, SpeechModelResult, Warning } from '../../src/provider/index.js';
import type { OpenAIConfig } from './openai-config.js';
import type { OpenAIMediaModelSettings } from './openai-media-model-settings.js';
import { parseOpenAIError } from './openai-error.js';

/** Speech model ids OpenAI serves; any string is accepted. */
export type OpenAISpeechModelId = 'tts-1' | 'tts-1-hd' | 'gpt-4o-mini-tts' | (string & {});

/** Voices OpenAI documents; a custom voice id (`voice_…`) works too. */
export type OpenAISpeechVoice =
  | 'alloy' | 'ash' | 'ballad' | 'coral' | 'echo' | 'fable' | 'onyx' | 'nova' | 'sage' | 'shimmer' | 'verse' | 'marin' | 'cedar'
  | (string & {});

const FORMATS: Record<string, string> = {
  mp3: 'audio/mpeg',
  opus: 'audio/ogg',
  aac: 'audio/aac',
  flac: 'audio/flac',
  wav: 'audio/wav',
  // Raw 24 kHz 16-bit signed little-endian mono, no header.
  pcm: 'audio/pcm',
};

/**
 * An OpenAI text-to-speech model (`POST /audio/speech`). The body is the
 * audio itself, sent chunked as it is produced, so `doStream` hands it on
 * untouched. Takes an {@link OpenAIConfig}, so Azure and compatible servers reuse it.
 *
 * @example
 * const { audio } = await speak({ model: openai.speech('gpt-4o-mini-tts'), text: 'Hello', voice: 'coral', instructions: 'Speak warmly.' });
 */
export class OpenAISpeechModel implements SpeechModel {
  readonly specificationVersion = 'v1' as const;
  readonly modelId: string;
  /** OpenAI's limit on `input` (WIRE §1.5). */
  readonly maxTextLength = 4096;
  private readonly config: OpenAIConfig;
  /** The OpenAI model behind `modelId`, which decides the wire details. */
  private readonly baseModel: string;

  /** Built by a provider factory; not called by users. */
  constructor(modelId: string, config: OpenAIConfig, settings: OpenAIMediaModelSettings = {}) {
    this.modelId = modelId;
    this.baseModel = settings.baseModel ?? modelId;
    this.config = config;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: SpeechModelCallOptions): Promise<SpeechModelResult> {
    const { response, context, mediaType, warnings } = await this.post(options);
    const maxBytes = this.config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    let audio: Uint8Array | undefined;
    try {
      if (Number(response.headers.get('content-length')) > maxBytes) discardBody(response.body);
      else audio = await readBodyAtMost(response.body, maxBytes);
    } catch (error) {
      const name = (error as { name?: unknown } | null)?.name;
      if (name === 'AbortError' || name === 'TimeoutError') throw error;
      // The connection broke mid-body: typed and retryable like a failed fetch (readJson's rule).
      throw new NetworkError({ provider: context.provider, url: context.url, method: context.method, cause: error, phase: 'while reading the audio' });
    }
    if (!audio) {
      throw createApiError(context, { statusCode: response.status, text: new ResponseTooLargeError(maxBytes).message, data: null, isRetryable: false });
    }
    return { audio, mediaType, warnings, response: this.metadata(response) };
  }

  async doStream(options: SpeechModelCallOptions) {
    const { response, context, mediaType, warnings } = await this.post(options);
    if (!response.body) throw new InvalidResponseError({ provider: context.provider, message: `${context.method} ${context.url} returned no audio body` });
    return { stream: typedBody(response.body, context), mediaType, warnings, response: this.metadata(response) };
  }

  private async post(options: SpeechModelCallOptions) {
    const warnings: Warning[] = [];
    let format = options.format?.toLowerCase() ?? 'mp3';
    if (!(format in FORMATS)) {
      warnings.push({ type: 'unsupported-setting', setting: 'format', details: `${options.format} is not one of ${Object.keys(FORMATS).join(', ')}; mp3 was used` });
      format = 'mp3';
    }
    let instructions = options.instructions;
    if (instructions !== undefined && /^tts-1/.test(this.baseModel)) {
      warnings.push({ type: 'unsupported-setting', setting: 'instructions', details: `${this.modelId} does not take instructions; use gpt-4o-mini-tts` });
      instructions = undefined;
    }
    if (options.language !== undefined) {
      warnings.push({ type: 'unsupported-setting', setting: 'language', details: 'OpenAI speech infers the language from the text' });
    }
    for (const key of new Set(['openai', this.config.provider.split('.')[0]!])) {
      const extra = options.providerOptions?.[key];
      if (!isRecord(extra)) continue;
      for (const name of Object.keys(extra)) warnings.push({ type: 'unsupported-setting', setting: `providerOptions.${key}.${name}`, details: 'speech models take no provider options' });
    }
    let speed = options.speed;
    if (speed !== undefined && (speed < 0.25 || speed > 4)) {
      const clamped = Math.min(4, Math.max(0.25, speed));
      warnings.push({ type: 'unsupported-setting', setting: 'speed', details: `OpenAI takes 0.25–4; ${clamped} was sent instead of ${speed}` });
      speed = clamped;
    }
    const voice = options.voice ?? 'alloy';
    const body = {
      model: this.config.omitModel ? undefined : this.modelId,
      input: options.text,
      voice: voice.startsWith('voice_') ? { id: voice } : voice,
      response_format: format,
      speed,
      instructions,
    };
    const { response, context } = await sendRequest({
      provider: this.provider,
      url: this.config.url({ path: '/audio/speech', modelId: this.modelId }),
      headers: Object.assign({}, await this.config.headers(), options.headers, { 'content-type': 'application/json' }),
      body: JSON.stringify(body),
      fetch: this.config.fetch,
      abortSignal: options.abortSignal,
      parseError: parseOpenAIError,
    });
    return { response, context, mediaType: FORMATS[format]!, warnings };
  }

  private metadata(response: Response): ResponseMetadata {
    const headers = headersToRecord(response.headers);
    return { id: headers['x-request-id'], modelId: this.modelId, timestamp: new Date(), headers };
  }
}

// The runtime's read error (a reset connection) becomes a NetworkError naming the request; cancel passes through.
function typedBody(body: ReadableStream<Uint8Array>, context: RequestContext): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        const name = (error as { name?: unknown } | null)?.name;
        controller.error(name === 'AbortError' || name === 'TimeoutError'
          ? error
          : new NetworkError({ provider: context.provider, url: context.url, method: context.method, cause: error, phase: 'while streaming the audio' }));
      }
    },
    cancel(reason) {
      reader.cancel(reason).catch(() => {});
    },
  });
}
