import { NoContentGeneratedError } from '../errors/no-content-generated-error.js';
import { retryWithBackoff } from '../retry/retry-with-backoff.js';
import { createCallSignal } from '../util/call-signal.js';
import { prepareTranscriptionCall, type TranscribeOptions } from './prepare-transcription-call.js';
import type { TranscribeResult } from './transcribe-result.js';

/**
 * Transcribes speech to text with a transcription model. The audio may be
 * bytes, a Blob, base64 or a URL (downloaded by core, size-capped).
 *
 * @example
 * const { text, segments, language } = await transcribe({ model: openai.transcription('whisper-1'), audio: await readFile('hello.mp3') });
 */
export async function transcribe(options: TranscribeOptions): Promise<TranscribeResult> {
  const call = prepareTranscriptionCall(options);
  const callSignal = createCallSignal(options.abortSignal, call.timeout);
  const signal = callSignal.signal;
  try {
    const { audio, mediaType } = await call.loadAudio(signal);
    const result = await retryWithBackoff(
      () => call.model.doTranscribe({
        audio,
        mediaType,
        language: options.language,
        prompt: options.prompt,
        providerOptions: options.providerOptions,
        headers: options.headers,
        abortSignal: signal,
      }),
      { maxRetries: call.maxRetries, abortSignal: signal },
    );
    // vercel/ai's rule: an empty transcript means nothing was recognised, which callers should not mistake for success.
    if (result.text.trim() === '' && result.segments.length === 0) {
      throw new NoContentGeneratedError({
        provider: call.model.provider,
        message: `${call.model.provider} (${call.model.modelId}) returned no transcript`,
      });
    }
    return {
      text: result.text,
      segments: result.segments,
      language: result.language,
      durationInSeconds: result.durationInSeconds,
      warnings: result.warnings,
      response: result.response,
      providerMetadata: result.providerMetadata,
    };
  } finally {
    callSignal.dispose();
  }
}
