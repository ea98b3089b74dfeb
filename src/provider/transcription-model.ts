import type { CallOptionsBase, ModelBase, ProviderMetadata, ResponseMetadata, Warning } from './shared.js';

/** Everything a transcription model needs for one call, validated by core. */
export interface TranscriptionModelCallOptions extends CallOptionsBase {
  /** The audio bytes. */
  audio: Uint8Array;
  /** IANA media type of `audio`, e.g. `audio/wav`. */
  mediaType: string;
  /** Language hint, ISO 639-1. */
  language?: string;
  /** Context or spelling hints, for models that take them. */
  prompt?: string;
}

/** A timed piece of a transcript. */
export interface TranscriptionSegment {
  /** The text of the segment. */
  text: string;
  /** Start, in seconds from the beginning of the audio. */
  startSecond: number;
  /** End, in seconds. */
  endSecond: number;
}

/** The result of a transcription call. */
export interface TranscriptionModelResult {
  /** The full transcript. */
  text: string;
  /** Timed segments, empty when the provider gives none. */
  segments: TranscriptionSegment[];
  /** Detected or given language (ISO 639-1 where the provider says so). */
  language: string | undefined;
  /** Audio length, when reported. */
  durationInSeconds: number | undefined;
  /** Settings the model ignored. */
  warnings: Warning[];
  /** What the provider said about the response. */
  response: ResponseMetadata;
  /** Provider-specific extras. */
  providerMetadata?: ProviderMetadata;
}

/** A speech-to-text model. */
export interface TranscriptionModel extends ModelBase {
  /** Transcribes one clip. */
  doTranscribe(options: TranscriptionModelCallOptions): Promise<TranscriptionModelResult>;
}
