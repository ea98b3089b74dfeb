import type { ProviderMetadata, ResponseMetadata, TranscriptionSegment, Warning } from '../provider/index.js';

/** What {@link transcribe} returns. */
export interface TranscribeResult {
  /** The full transcript. */
  text: string;
  /** Timed segments `{ text, startSecond, endSecond }`; empty when the model gives none. */
  segments: TranscriptionSegment[];
  /** The detected or given language, when known. */
  language: string | undefined;
  /** The audio's length in seconds, when reported. */
  durationInSeconds: number | undefined;
  /** Settings the model ignored. */
  warnings: Warning[];
  /** What the provider said about the response. */
  response: ResponseMetadata;
  /** Provider-specific extras. */
  providerMetadata: ProviderMetadata | undefined;
}
