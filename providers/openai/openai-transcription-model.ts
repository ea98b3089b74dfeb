import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import { asNumber, asString, headersToRecord, isRecord, MultipartForm, readJson, sendRequest, type RequestContext } from '../../src/http/index.js';
import type { TranscriptionModel, TranscriptionModelCallOptions, TranscriptionModelResult, TranscriptionSegment, Warning } from '../../src/provider/index.js';
import type { OpenAIConfig } from './openai-config.js';
import type { OpenAIMediaModelSettings } from './openai-media-model-settings.js';
import { parseOpenAIError } from './openai-error.js';
import { toLanguageCode } from './openai-transcription-language.js';
import { parseOpenAITranscriptionOptions, type OpenAITranscriptionOptions } from './openai-transcription-options.js';

/** Transcription model ids OpenAI serves; any string is accepted. */
export type OpenAITranscriptionModelId = 'whisper-1' | 'gpt-4o-transcribe' | 'gpt-4o-mini-transcribe' | (string & {});

// OpenAI picks the decoder from the file name's extension, so it must match the bytes.
const EXTENSIONS: Record<string, string> = {
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mpga': 'mpga',
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/webm': 'webm',
  'video/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
  'audio/mp4': 'm4a',
  'audio/m4a': 'm4a',
  'audio/x-m4a': 'm4a',
  'video/mp4': 'mp4',
  'video/mpeg': 'mpeg',
};

/**
 * An OpenAI speech-to-text model (`POST /audio/transcriptions`, multipart).
 * whisper-1 is asked for `verbose_json`, which brings segments, language and
 * duration; the gpt-4o transcribe models answer `json` (text only).
 * Takes an {@link OpenAIConfig}, so Azure and compatible servers reuse it.
 *
 * @example
 * const { text, segments } = await transcribe({ model: openai.transcription('whisper-1'), audio: mp3Bytes, language: 'en' });
 */
export class OpenAITranscriptionModel implements TranscriptionModel {
  readonly specificationVersion = 'v1' as const;
  readonly modelId: string;
  private readonly config: OpenAIConfig;
  /** The OpenAI model behind `modelId`, which decides the wire details. */
  private readonly baseModel: string;
  private readonly optionsKey: string;

  /** Built by a provider factory; not called by users. */
  constructor(modelId: string, config: OpenAIConfig, settings: OpenAIMediaModelSettings = {}) {
    this.modelId = modelId;
    this.baseModel = settings.baseModel ?? modelId;
    this.config = config;
    this.optionsKey = config.provider.split('.')[0]!;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doTranscribe(options: TranscriptionModelCallOptions): Promise<TranscriptionModelResult> {
    const settings: OpenAITranscriptionOptions = Object.assign(
      {},
      parseOpenAITranscriptionOptions(options.providerOptions?.openai, 'openai'),
      this.optionsKey !== 'openai' ? parseOpenAITranscriptionOptions(options.providerOptions?.[this.optionsKey], this.optionsKey) : undefined,
    );
    const warnings: Warning[] = [];
    const whisper = this.baseModel.startsWith('whisper');
    const responseFormat = settings.responseFormat ?? (whisper ? 'verbose_json' : 'json');
    const form = new MultipartForm();
    const type = options.mediaType.split(';')[0]!.trim().toLowerCase();
    const extension = EXTENSIONS[type] ?? type.split('/')[1] ?? 'bin';
    // The caller's bytes as they are: sendRequest sends the form's chunks or one encoded copy (multipart-form.ts).
    form.append('file', options.audio, { filename: `audio.${extension}`, type });
    if (!this.config.omitModel) form.append('model', this.modelId);
    form.append('response_format', responseFormat);
    if (options.language !== undefined) form.append('language', options.language);
    if (options.prompt !== undefined) form.append('prompt', options.prompt);
    if (settings.temperature !== undefined) form.append('temperature', String(settings.temperature));
    if (responseFormat === 'verbose_json') {
      for (const granularity of settings.timestampGranularities ?? ['segment']) form.append('timestamp_granularities[]', granularity);
    } else if (settings.timestampGranularities !== undefined) {
      warnings.push({ type: 'unsupported-setting', setting: 'providerOptions.openai.timestampGranularities', details: 'needs verbose_json, which only whisper-1 returns' });
    }
    for (const item of settings.include ?? []) form.append('include[]', item);

    const { response, context } = await sendRequest({
      provider: this.provider,
      url: this.config.url({ path: '/audio/transcriptions', modelId: this.modelId }),
      headers: Object.assign({}, await this.config.headers(), options.headers),
      body: form,
      fetch: this.config.fetch,
      abortSignal: options.abortSignal,
      parseError: parseOpenAIError,
    });
    const data = await readJson(response, context, this.config.maxResponseBytes);
    const headers = headersToRecord(response.headers);
    return Object.assign({}, mapTranscription(data, context, options.language), {
      warnings,
      response: { id: headers['x-request-id'], modelId: this.modelId, timestamp: new Date(), headers },
    });
  }
}

function mapTranscription(data: unknown, context: RequestContext, requestedLanguage: string | undefined) {
  const invalid = (message: string) => new InvalidResponseError({ provider: context.provider, message, rawValue: JSON.stringify(data)?.slice(0, 2000) });
  if (!isRecord(data) || typeof data.text !== 'string') throw invalid('expected { text: string, … }');
  if (data.segments != null && !Array.isArray(data.segments)) throw invalid('segments is not an array');
  const segments: TranscriptionSegment[] = ((data.segments as unknown[] | null | undefined) ?? []).map((segment, index) => {
    if (!isRecord(segment)) throw invalid(`segments[${index}] is not an object`);
    return { text: (asString(segment.text) ?? '').trim(), startSecond: asNumber(segment.start) ?? 0, endSecond: asNumber(segment.end) ?? 0 };
  });
  const language = asString(data.language);
  const metadata: Record<string, unknown> = {};
  if (Array.isArray(data.words)) metadata.words = data.words;
  if (isRecord(data.usage)) metadata.usage = data.usage;
  if (Array.isArray(data.logprobs)) metadata.logprobs = data.logprobs;
  return {
    text: data.text,
    segments,
    language: language ? toLanguageCode(language) : requestedLanguage,
    durationInSeconds: asNumber(data.duration),
    providerMetadata: Object.keys(metadata).length > 0 ? { [context.provider.split('.')[0]!]: metadata } : undefined,
  };
}
