import { NoContentGeneratedError } from '../errors/no-content-generated-error.js';
import { retryWithBackoff } from '../retry/retry-with-backoff.js';
import { createCallSignal } from '../util/call-signal.js';
import { createGeneratedFile } from '../util/generated-file.js';
import { prepareSpeechCall, type SpeakOptions } from './prepare-speech-call.js';
import type { SpeakResult } from './speak-result.js';

/**
 * Turns text into speech with a speech model and returns the whole clip.
 * Use {@link streamSpeech} to play audio while it is produced.
 *
 * @example
 * const { audio } = await speak({ model: openai.speech('gpt-4o-mini-tts'), text: '你好，世界', voice: 'alloy', format: 'mp3' });
 * await writeFile('hello.mp3', audio.uint8Array);
 */
export async function speak(options: SpeakOptions): Promise<SpeakResult> {
  const call = prepareSpeechCall(options);
  const callSignal = createCallSignal(options.abortSignal, call.timeout);
  try {
    const result = await retryWithBackoff(() => call.model.doGenerate(Object.assign({}, call.callOptions, { abortSignal: callSignal.signal })), {
      maxRetries: call.maxRetries,
      abortSignal: callSignal.signal,
    });
    if (result.audio.length === 0) {
      throw new NoContentGeneratedError({ provider: call.model.provider, message: `${call.model.provider} (${call.model.modelId}) returned no audio` });
    }
    return {
      audio: createGeneratedFile({ data: result.audio, mediaType: result.mediaType, fallbackMediaType: call.fallbackMediaType }),
      warnings: result.warnings,
      response: result.response,
      providerMetadata: result.providerMetadata,
    };
  } finally {
    callSignal.dispose();
  }
}
