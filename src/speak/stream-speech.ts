import type { ResponseMetadata, SpeechModelCallOptions, Warning } from '../provider/index.js';
import { retryWithBackoff } from '../retry/retry-with-backoff.js';
import { createAsyncIterableStream } from '../stream/async-iterable-stream.js';
import { DelayedPromise } from '../stream/delayed-promise.js';
import { base64ToUint8Array } from '../util/base64.js';
import { createCallSignal } from '../util/call-signal.js';
import { detectMediaType } from '../util/detect-media-type.js';
import { prepareSpeechCall, type PreparedSpeechCall, type SpeakOptions } from './prepare-speech-call.js';
import type { StreamSpeechResult } from './speak-result.js';

type Started = { stream: ReadableStream<Uint8Array>; mediaType?: string; warnings: Warning[]; response: ResponseMetadata };

/**
 * Streams speech: returns at once, and `audioStream` yields audio bytes as the
 * provider produces them. The request is retried only before its first byte.
 * A model without streaming is called once and its clip arrives as a single
 * chunk, with a warning saying so.
 *
 * @example
 * const { audioStream } = streamSpeech({ model: openai.speech('tts-1'), text: 'Hello there.', format: 'opus' });
 * for await (const bytes of audioStream) player.write(bytes);
 */
export function streamSpeech(options: SpeakOptions): StreamSpeechResult {
  const call = prepareSpeechCall(options);
  const callSignal = createCallSignal(options.abortSignal, call.timeout, { cancelable: true });
  const promises = {
    mediaType: new DelayedPromise<string>(),
    warnings: new DelayedPromise<Warning[]>(),
    response: new DelayedPromise<ResponseMetadata>(),
  };
  const fail = (error: unknown) => {
    for (const promise of Object.values(promises)) promise.reject(error);
    callSignal.dispose();
  };
  const started = retryWithBackoff(() => start(call, Object.assign({}, call.callOptions, { abortSignal: callSignal.signal })), {
    maxRetries: call.maxRetries,
    abortSignal: callSignal.signal,
  });
  started.catch(fail);

  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!reader) reader = (await started).stream.getReader();
        const { done, value } = await reader.read();
        if (done) {
          promises.mediaType.resolve(mediaTypeOf(await started, undefined, call.fallbackMediaType));
          controller.close();
          callSignal.dispose();
          return;
        }
        if (first && value.byteLength > 0) {
          first = false;
          // The mediaType promise waits for the first bytes so it can sniff them when the provider said nothing.
          promises.mediaType.resolve(mediaTypeOf(await started, value, call.fallbackMediaType));
        }
        controller.enqueue(value);
      } catch (caught) {
        // An abort or timeout surfaces as the caller's reason (or the TimeoutError), whatever the transport threw.
        const signal = callSignal.signal;
        const error = signal?.aborted ? signal.reason : caught;
        fail(error);
        throw error;
      }
    },
    cancel(reason) {
      // Not awaited: some transports (msw's interceptor among them) settle cancel() only when the body ends; the abort stops the request anyway.
      reader?.cancel(reason).catch(() => {});
      callSignal.abort(reason ?? new DOMException('The audio stream was cancelled.', 'AbortError'));
      fail(new DOMException('The audio stream was cancelled.', 'AbortError'));
    },
  });
  started.then((value) => {
    promises.warnings.resolve(value.warnings);
    promises.response.resolve(value.response);
    const given = usable(value.mediaType);
    if (given) promises.mediaType.resolve(given);
  }, () => {});

  return {
    audioStream: createAsyncIterableStream(stream),
    get mediaType() {
      return promises.mediaType.promise;
    },
    get warnings() {
      return promises.warnings.promise;
    },
    get response() {
      return promises.response.promise;
    },
  };
}

async function start(call: PreparedSpeechCall, options: SpeechModelCallOptions): Promise<Started> {
  options.abortSignal?.throwIfAborted();
  const { model } = call;
  if (model.doStream) return model.doStream(options);
  const result = await model.doGenerate(options);
  const bytes = typeof result.audio === 'string' ? base64ToUint8Array(result.audio) : result.audio;
  return {
    stream: new ReadableStream({
      start(controller) {
        if (bytes.byteLength > 0) controller.enqueue(bytes);
        controller.close();
      },
    }),
    mediaType: result.mediaType,
    warnings: [...result.warnings, { type: 'other', message: `${model.provider} (${model.modelId}) cannot stream speech; the audio arrives as one chunk` }],
    response: result.response,
  };
}

function mediaTypeOf(started: Started, firstBytes: Uint8Array | undefined, fallback: string): string {
  return usable(started.mediaType) ?? (firstBytes && detectMediaType(firstBytes)) ?? fallback;
}

// `application/octet-stream` says nothing; sniffing or the requested format does better.
function usable(mediaType: string | undefined): string | undefined {
  const type = mediaType?.split(';')[0]!.trim().toLowerCase();
  return type && type !== 'application/octet-stream' ? mediaType!.trim() : undefined;
}
