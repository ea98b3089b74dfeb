import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { ProviderOptions, SpeechModel, SpeechModelCallOptions } from '../provider/index.js';
import { isPlainObject, validateCommonSettings } from '../util/call-signal.js';

/** Options of {@link speak} and {@link streamSpeech}. */
export interface SpeakOptions {
  /** The speech model, e.g. `openai.speech('gpt-4o-mini-tts')`. */
  model: SpeechModel;
  /** What to say; at most the model's `maxTextLength` characters. */
  text: string;
  /** The provider's voice name or id, e.g. `alloy`. */
  voice?: string;
  /** Audio format, e.g. `mp3`, `wav`, `opus`, `pcm`. */
  format?: string;
  /** Speed multiplier, 1 = normal. */
  speed?: number;
  /** Language hint, ISO 639-1 (`zh`, `en`). */
  language?: string;
  /** Style instructions, for models that take them (`gpt-4o-mini-tts`). */
  instructions?: string;
  /** Per-provider options, e.g. `{ openai: { … } }`. */
  providerOptions?: ProviderOptions;
  /** Retries; default 2. A stream is retried only before its first byte. */
  maxRetries?: number;
  /** Milliseconds for the whole call, including retries (and reading the stream). */
  timeout?: number;
  /** Cancels the call; its reason is rethrown untouched. */
  abortSignal?: AbortSignal;
  /** Extra HTTP headers for the provider. */
  headers?: Record<string, string | undefined>;
}

/** A validated speech call. */
export interface PreparedSpeechCall {
  model: SpeechModel;
  callOptions: Omit<SpeechModelCallOptions, 'abortSignal'>;
  maxRetries: number;
  timeout: number | undefined;
  fallbackMediaType: string;
}

const FORMAT_MEDIA_TYPES: Record<string, string> = {
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  opus: 'audio/ogg',
  ogg: 'audio/ogg',
  aac: 'audio/aac',
  flac: 'audio/flac',
  pcm: 'audio/pcm',
  webm: 'audio/webm',
  m4a: 'audio/mp4',
};

/** Validates every option and throws `InvalidArgumentError` naming the field, before any request. */
export function prepareSpeechCall(options: SpeakOptions): PreparedSpeechCall {
  if (!isPlainObject(options)) throw new InvalidArgumentError({ argument: 'options', message: 'must be an object' });
  const { maxRetries, timeout } = validateCommonSettings(options);
  const model = options.model as SpeechModel | undefined;
  if (typeof model?.doGenerate !== 'function') {
    throw new InvalidArgumentError({ argument: 'model', message: 'must be a SpeechModel, e.g. openai.speech("tts-1")' });
  }
  const { text } = options;
  if (typeof text !== 'string' || text.trim() === '') throw new InvalidArgumentError({ argument: 'text', message: 'must be a non-empty string' });
  if (model.maxTextLength !== undefined && text.length > model.maxTextLength) {
    throw new InvalidArgumentError({
      argument: 'text',
      message: `is ${text.length} characters; ${model.provider} (${model.modelId}) takes at most ${model.maxTextLength} per call`,
    });
  }
  for (const key of ['voice', 'format', 'language', 'instructions'] as const) {
    const value = options[key];
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      throw new InvalidArgumentError({ argument: key, message: 'must be a non-empty string', value });
    }
  }
  if (options.speed !== undefined && (typeof options.speed !== 'number' || !Number.isFinite(options.speed) || options.speed <= 0)) {
    throw new InvalidArgumentError({ argument: 'speed', message: 'must be a positive number (1 = normal)', value: options.speed });
  }
  return {
    model,
    callOptions: {
      text,
      voice: options.voice,
      format: options.format,
      speed: options.speed,
      language: options.language,
      instructions: options.instructions,
      providerOptions: options.providerOptions,
      headers: options.headers,
    },
    maxRetries,
    timeout,
    fallbackMediaType: FORMAT_MEDIA_TYPES[options.format?.toLowerCase() ?? 'mp3'] ?? 'application/octet-stream',
  };
}
