import type { ProviderMetadata, ResponseMetadata, Warning } from '../provider/index.js';
import type { AsyncIterableStream } from '../stream/async-iterable-stream.js';
import type { GeneratedFile } from '../util/generated-file.js';

/** What {@link speak} returns. */
export interface SpeakResult {
  /** The whole clip. */
  audio: GeneratedFile;
  /** Settings the model ignored. */
  warnings: Warning[];
  /** What the provider said about the response. */
  response: ResponseMetadata;
  /** Provider-specific extras. */
  providerMetadata: ProviderMetadata | undefined;
}

/** What {@link streamSpeech} returns, at once; the promises settle as the call proceeds. */
export interface StreamSpeechResult {
  /** Audio bytes as the provider produces them: `for await` or pipe it; one consumer. Leaving early cancels the request. */
  audioStream: AsyncIterableStream<Uint8Array>;
  /** IANA media type of the audio, once the response has started. */
  mediaType: Promise<string>;
  /** Settings the model ignored, plus a note when the model could not stream. */
  warnings: Promise<Warning[]>;
  /** What the provider said about the response. */
  response: Promise<ResponseMetadata>;
}
