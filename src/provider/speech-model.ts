import type { CallOptionsBase, ModelBase, ProviderMetadata, ResponseMetadata, Warning } from './shared.js';

/** Everything a speech model needs for one call, validated by core. */
export interface SpeechModelCallOptions extends CallOptionsBase {
  /** The text to speak. */
  text: string;
  /** The provider's voice name or id. */
  voice?: string;
  /** Audio container/codec, e.g. `mp3`, `wav`, `pcm`. */
  format?: string;
  /** Playback speed multiplier, 1 = normal. */
  speed?: number;
  /** Language hint, ISO 639-1. */
  language?: string;
  /** Style instructions, for models that take them. */
  instructions?: string;
}

/** The result of a speech call. */
export interface SpeechModelResult {
  /** The audio bytes, or base64. */
  audio: Uint8Array | string;
  /** IANA media type of `audio`, when known. */
  mediaType?: string;
  /** Settings the model ignored. */
  warnings: Warning[];
  /** What the provider said about the response. */
  response: ResponseMetadata;
  /** Provider-specific extras. */
  providerMetadata?: ProviderMetadata;
}

/** A text-to-speech model. */
export interface SpeechModel extends ModelBase {
  /** The longest `text` one call accepts, in characters; core rejects longer input before any request. */
  readonly maxTextLength?: number;
  /** Synthesises the whole clip. */
  doGenerate(options: SpeechModelCallOptions): Promise<SpeechModelResult>;
  /** Streams audio bytes as the provider produces them; optional. */
  doStream?(options: SpeechModelCallOptions): Promise<{
    stream: ReadableStream<Uint8Array>;
    mediaType?: string;
    warnings: Warning[];
    response: ResponseMetadata;
  }>;
}
